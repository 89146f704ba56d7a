import { DATED_WITHIN, type DatedRecord } from '../../domain/validation/dates';
import { uniqueProps } from '../../domain/validation/entity-fields';
import type { ImportKind } from '../../domain/validation/import-kinds';
import type { PreparedRow, RecordFacts, RowIssue } from '../../domain/validation/import-rows';
import type { Gateway } from '../gateway';
import { checkedLabel, checkedProp, checkedRelType, type Props } from './write-tx';

/** A record an import row will update: its stored properties and its current references. */
export interface ExistingRecord {
  props: Props;
  /** Reference column → the referenced record's key and facts. */
  refs: Record<string, { key: string } & RecordFacts>;
  /** The records dated within it (a pairing's projects and visits). */
  dependents: DatedRecord[];
}

const CHUNK = 5_000;

/**
 * The records of `kind` that rows' keys already name, with their current references: one
 * statement per CHUNK keys, plus one per reference column.
 */
export async function findExisting(
  gw: Gateway,
  kind: ImportKind,
  keys: readonly string[],
): Promise<Map<string, ExistingRecord>> {
  const out = new Map<string, ExistingRecord>();
  const l = checkedLabel(kind.label);
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    const rows = await gw.read(
      `import.existing.${l}`,
      `UNWIND $keys AS k MATCH (n:${l} {id: k}) RETURN k, n {.*} AS n`,
      { keys: chunk },
    );
    for (const r of rows) out.set(String(r.k), { props: r.n as Props, refs: {}, dependents: [] });
    for (const d of DATED_WITHIN) {
      if (d.parent !== kind.label) continue;
      const found = await gw.read(
        `import.datedWithin.${d.child}`,
        `UNWIND $keys AS k MATCH (:${l} {id: k})-[:${checkedRelType(d.rel)}]->(c:${checkedLabel(d.child)}) ` +
          `WHERE c.${d.date} IS NOT NULL RETURN k, c.id AS key, toString(c.${d.date}) AS date`,
        { keys: chunk },
      );
      for (const f of found)
        out.get(String(f.k))?.dependents.push({ label: d.child, key: String(f.key), date: String(f.date) });
    }
    for (const [col, ref] of Object.entries(kind.refs)) {
      const rel = checkedRelType(ref.rel);
      const pattern = ref.dir === 'out' ? `(n)-[:${rel}]->(m)` : `(n)<-[:${rel}]-(m)`;
      const found = await gw.read(
        `import.existingRefs.${l}.${col}`,
        `UNWIND $keys AS k MATCH (n:${l} {id: k}) MATCH ${pattern} WHERE labels(m)[0] IN $to ` +
          'RETURN k, m.id AS ref, labels(m)[0] AS label, m {.*} AS props',
        { keys: chunk, to: [...ref.to] },
      );
      for (const f of found) {
        const rec = out.get(String(f.k));
        if (rec)
          rec.refs[col] = {
            key: String(f.ref),
            label: f.label as RecordFacts['label'],
            props: f.props as Props,
          };
      }
    }
  }
  return out;
}

/**
 * Resolves every reference of the rows: a key defined by a row of the file itself (for
 * references to the file's own kind, e.g. an admin unit's parent) or a record in the graph, tried
 * label by label in the order the reference lists. Returns `column|key` → facts.
 */
export async function resolveRefs(
  gw: Gateway,
  kind: ImportKind,
  rows: readonly PreparedRow[],
  existing: ReadonlyMap<string, ExistingRecord>,
): Promise<Map<string, RecordFacts>> {
  const out = new Map<string, RecordFacts>();
  const inFile = new Map(rows.map((r) => [r.key, r]));
  for (const [col, ref] of Object.entries(kind.refs)) {
    const wanted = new Set<string>();
    for (const r of rows) if (r.refs[col] !== undefined) wanted.add(r.refs[col]);
    if (ref.to.includes(kind.label)) {
      for (const k of wanted) {
        const row = inFile.get(k);
        if (row) {
          out.set(`${col}|${k}`, {
            label: kind.label,
            props: { ...(existing.get(k)?.props ?? {}), ...row.props },
          });
          wanted.delete(k);
        }
      }
    }
    for (const label of ref.to) {
      if (wanted.size === 0) break;
      const keys = [...wanted];
      for (let i = 0; i < keys.length; i += CHUNK) {
        const found = await gw.read(
          `import.refs.${label}`,
          `UNWIND $keys AS k MATCH (n:${checkedLabel(label)} {id: k}) RETURN k, n {.*} AS n`,
          { keys: keys.slice(i, i + CHUNK) },
        );
        for (const f of found) {
          out.set(`${col}|${String(f.k)}`, { label, props: f.n as Props });
          wanted.delete(String(f.k));
        }
      }
    }
  }
  return out;
}

/**
 * Rows whose unique property (a household's ID number, by its hash) another row of the file or
 * another record of the graph already holds: one issue per such row, naming the other line or key.
 */
export async function uniqueClashes(
  gw: Gateway,
  kind: ImportKind,
  rows: readonly PreparedRow[],
): Promise<RowIssue[]> {
  const issues: RowIssue[] = [];
  const l = checkedLabel(kind.label);
  for (const [field, prop] of uniqueProps(kind.fields)) {
    const firstLine = new Map<unknown, PreparedRow>();
    const withValue = rows.filter((r) => r.props[prop] != null);
    for (const r of withValue) {
      const first = firstLine.get(r.props[prop]);
      if (first && first.key !== r.key)
        issues.push({
          line: r.line,
          field,
          problem: `repeats the ${field} of line ${first.line} (${first.key})`,
        });
      else if (!first) firstLine.set(r.props[prop], r);
    }
    for (let i = 0; i < withValue.length; i += CHUNK) {
      const found = await gw.read(
        `import.unique.${l}.${prop}`,
        `UNWIND $rows AS r MATCH (n:${l} {${checkedProp(prop)}: r.v}) WHERE n.id <> r.key RETURN r.line AS line, n.id AS other`,
        { rows: withValue.slice(i, i + CHUNK).map((r) => ({ line: r.line, key: r.key, v: r.props[prop] })) },
      );
      for (const f of found)
        issues.push({
          line: Number(f.line),
          field,
          problem: `${kind.label} ${String(f.other)} is already registered with this ${field}`,
        });
    }
  }
  return issues;
}
