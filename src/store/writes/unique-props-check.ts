import type { Label } from '../../domain/model';
import { ENTITY_SPECS, uniqueProps, type EntityLabel } from '../../domain/validation/entity-fields';
import type { RowIssue } from '../../domain/validation/import-rows';
import type { Gateway } from '../gateway';
import { checkedLabel, checkedProp } from './write-tx';

/** The unique properties of each ledger label (a household's ID number hash): label → [input field, property]. */
const UNIQUE = new Map<string, [string, string][]>(
  Object.entries(ENTITY_SPECS)
    .map(([label, spec]) => [label, uniqueProps(spec.fields)] as [string, [string, string][]])
    .filter(([, props]) => props.length > 0),
);

/** A node's values of its label's unique properties, or null when it has none. */
export function uniqueValuesOf(
  label: Label,
  props: Readonly<Record<string, unknown>>,
): Record<string, string> | null {
  const unique = UNIQUE.get(label);
  if (!unique) return null;
  const out = Object.fromEntries(
    unique.filter(([, p]) => typeof props[p] === 'string').map(([, p]) => [p, props[p] as string]),
  );
  return Object.keys(out).length ? out : null;
}

interface Holder {
  id: string;
  line: number;
}
const CHUNK = 5_000;

/**
 * The values the mutations keep unique (one household per ID number: its salted hash; the
 * migrations' uniqueness constraints back them) over a graph dump, with the ledger import's words:
 * a value repeated in the dump by another record (at the later line), or held in the graph by a
 * record the dump does not restate. Without this a dump passed its check and failed on the
 * constraint while being written, or, into a new store, when the constraints were built.
 */
export class UniquePropsCheck {
  /** Per label and property: a value → the records of the dump that hold it. */
  private readonly values = new Map<string, Map<string, Holder[]>>();
  /** Per label: the ids of the dump's records that hold a unique value. */
  private readonly ids = new Map<string, Set<string>>();

  node(label: Label, id: string, line: number, values: Record<string, string> | null): void {
    if (!values) return;
    for (const [prop, v] of Object.entries(values)) {
      const k = `${label}\u0000${prop}`;
      const byValue = this.values.get(k) ?? new Map<string, Holder[]>();
      this.values.set(k, byValue);
      const holders = byValue.get(v);
      if (holders) holders.push({ id, line });
      else byValue.set(v, [{ id, line }]);
    }
    this.ids.set(label, (this.ids.get(label) ?? new Set()).add(id));
  }

  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    const issues: RowIssue[] = [];
    for (const [k, byValue] of this.values) {
      const [label, prop] = k.split('\u0000') as [EntityLabel, string];
      const field = UNIQUE.get(label)!.find(([, p]) => p === prop)![0];
      const at = `node.props.${prop}`;
      for (const holders of byValue.values()) {
        const sorted = [...holders].sort((a, b) => a.line - b.line);
        for (const h of sorted.slice(1))
          if (h.id !== sorted[0].id)
            issues.push({
              line: h.line,
              field: at,
              problem: `repeats the ${field} of line ${sorted[0].line} (${sorted[0].id})`,
            });
      }
      const restated = this.ids.get(label)!;
      const entries = [...byValue].map(([v, holders]) => ({ v, holders }));
      for (let i = 0; gw && i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        const rows = await gw.read(
          `import.graph.unique.${label}.${prop}`,
          // the property name comes from the closed entity specs, so the constraint's index serves the lookup
          `UNWIND $values AS v MATCH (n:${checkedLabel(label)} {${checkedProp(prop)}: v}) RETURN v, collect(n.id) AS holders`,
          { values: chunk.map((e) => e.v) },
        );
        const byV = new Map(chunk.map((e) => [e.v, e.holders]));
        for (const r of rows) {
          // a record the dump restates is compared as the dump has it (above)
          const other = (r.holders as string[]).filter((id) => !restated.has(id)).sort()[0];
          if (other === undefined) continue;
          for (const h of byV.get(String(r.v))!)
            issues.push({
              line: h.line,
              field: at,
              problem: `${label} ${other} is already registered with this ${field}`,
            });
        }
      }
    }
    return issues;
  }
}
