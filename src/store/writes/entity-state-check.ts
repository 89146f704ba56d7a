import type { Label, RelType, UnitKind } from '../../domain/model';
import { ENTITY_SPECS } from '../../domain/validation/entity-fields';
import { checkDesignations, checkHouseholdUnit, checkUnitParent } from '../../domain/validation/entity-rules';
import type { RowIssue } from '../../domain/validation/import-rows';
import { Issues } from '../../domain/validation/issues';
import type { Gateway } from '../gateway';
import { readInChunks } from './read-chunks';
import { checkedLabel, checkedRelType } from './write-tx';

/** A unit of the dump: its kind, its designations (null: left out, so the graph's stay) and line. */
export interface UnitFacts {
  kind: string;
  designations: string[] | null;
}

/** What the entity rules read of a node: an AdminUnit's kind and designations; null for the others. */
export function unitFactsOf(label: Label, props: Readonly<Record<string, unknown>>): UnitFacts | null {
  if (label !== 'AdminUnit') return null;
  const d = props.designations;
  return { kind: String(props.kind), designations: Array.isArray(d) ? d.map(String) : null };
}

/** The references of the entity specs (a unit's parent, a household's unit …): label → rel → its field. */
const REFS = new Map<string, { label: Label; col: string; rel: RelType; to: Label }>(
  Object.entries(ENTITY_SPECS).flatMap(([label, spec]) =>
    Object.entries(spec.refs).map(([col, r]) => [
      `${label}\u0000${r.rel}\u0000${r.to}`,
      { label: label as Label, col, rel: r.rel, to: r.to },
    ]),
  ),
);

interface Link {
  to: string;
  line: number;
}

/**
 * The rules of the ledger entities that involve another record (checkEntityState's, with its words)
 * over a graph dump, the dump's records and the graph's: a unit lies directly in a unit one level
 * up, designations belong to village-level units, a household is registered in a village-level unit,
 * and a reference the mutations keep single (a unit's parent, a household's or organization's unit,
 * a person's organization …) stays single — neither two in the dump nor one beside the graph's. A
 * unit without a parent in either is left as it is (an area's export holds its top unit alone).
 */
export class EntityStateCheck {
  private readonly units = new Map<string, UnitFacts & { line: number }>();
  /** Per reference (REFS key): a node's id → the targets the dump gives it. */
  private readonly links = new Map<string, Map<string, Link[]>>();

  node(label: Label, id: string, line: number, facts: UnitFacts | null): void {
    if (label === 'AdminUnit' && facts) this.units.set(id, { ...facts, line });
  }

  rel(type: RelType, from: Label, fromId: string, to: Label, toId: string, line: number): void {
    const k = `${from}\u0000${type}\u0000${to}`;
    if (!REFS.has(k)) return;
    const byId = this.links.get(k) ?? new Map<string, Link[]>();
    this.links.set(k, byId);
    const list = byId.get(fromId);
    if (list) list.push({ to: toId, line });
    else byId.set(fromId, [{ to: toId, line }]);
  }

  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    const issues: RowIssue[] = [];
    const kinds = new Map<string, string>([...this.units].map(([id, u]) => [id, u.kind]));
    // the graph's parents of the dump's units and of the units the dump gives a parent: one read
    const unitRef = `AdminUnit\u0000LOCATED_IN\u0000AdminUnit`;
    const unitIds = new Set([...this.units.keys(), ...(this.links.get(unitRef)?.keys() ?? [])]);
    const stored = await graphTargets(gw, 'AdminUnit', 'LOCATED_IN', 'AdminUnit', [...unitIds]);
    const parents = new Map<string, Link>();
    for (const [k, byId] of this.links) {
      const ref = REFS.get(k)!;
      const held =
        k === unitRef ? stored : await graphTargets(gw, ref.label, ref.rel, ref.to, [...byId.keys()]);
      for (const [id, list] of byId) {
        const targets = [...new Set([...list.map((l) => l.to), ...(held.get(id) ?? [])])].sort();
        // every line that gives one: which of them is wrong, only the one who wrote the file knows
        if (targets.length > 1)
          for (const l of list)
            issues.push({
              line: l.line,
              field: 'rel',
              problem:
                `${ref.label} ${JSON.stringify(id)} takes one ${ref.col} (${ref.rel} to a ${ref.to}), ` +
                `got ${targets.map((t) => JSON.stringify(t)).join(' and ')} in the file and the graph`,
            });
        else if (ref.to === 'AdminUnit') parents.set(`${ref.label}\u0000${id}`, list[0]);
      }
    }
    // the kinds of targets the dump does not hold (its units' parents, the graph's too)
    const wanted = [...parents.values(), ...[...stored.values()].flat().map((to) => ({ to, line: 0 }))]
      .map((l) => l.to)
      .filter((id) => !kinds.has(id));
    for (const [id, row] of await graphUnits(gw, wanted)) kinds.set(id, row.kind);
    const designations = await graphUnits(
      gw,
      [...this.units].filter(([, u]) => u.designations === null).map(([id]) => id),
    );
    for (const [id, u] of this.units) {
      const is = new Issues('node.props');
      checkDesignations(is, u.kind as UnitKind, u.designations ?? designations.get(id)?.designations ?? []);
      const link = parents.get(`AdminUnit\u0000${id}`);
      const parent = link?.to ?? (stored.get(id)?.length === 1 ? stored.get(id)![0] : undefined);
      const parentKind = parent === undefined ? undefined : kinds.get(parent);
      const at = new Issues('');
      if (parentKind) checkUnitParent(at, u.kind as UnitKind, parentKind as UnitKind);
      for (const i of is.list) issues.push({ line: u.line, ...i });
      for (const i of at.list)
        issues.push({ line: link?.line ?? u.line, field: link ? 'rel' : 'node', problem: i.problem });
    }
    for (const [key, link] of parents) {
      const [label] = key.split('\u0000');
      const kind = kinds.get(link.to);
      if (label !== 'Household' || !kind) continue;
      const is = new Issues('');
      checkHouseholdUnit(is, 'rel', kind as UnitKind);
      for (const i of is.list) issues.push({ line: link.line, ...i });
    }
    return issues;
  }
}

/** The graph's targets of `rel` from nodes of `label`, by node id. */
async function graphTargets(
  gw: Gateway | null,
  label: Label,
  rel: RelType,
  to: Label,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const rows = await readInChunks(
    gw,
    `import.entityRefs.${label}.${rel}`,
    `UNWIND $ids AS id MATCH (:${checkedLabel(label)} {id: id})-[:${checkedRelType(rel)}]->(m:${checkedLabel(to)}) ` +
      'RETURN id, collect(m.id) AS targets',
    ids,
  );
  for (const r of rows) out.set(String(r.id), (r.targets as unknown[]).map(String));
  return out;
}

/** The graph's units of these ids: kind and designations. */
async function graphUnits(
  gw: Gateway | null,
  ids: readonly string[],
): Promise<Map<string, { kind: string; designations: string[] }>> {
  const out = new Map<string, { kind: string; designations: string[] }>();
  const rows = await readInChunks(
    gw,
    'import.entityUnits',
    'UNWIND $ids AS id MATCH (n:AdminUnit {id: id}) RETURN id, n.kind AS kind, n.designations AS designations',
    [...new Set(ids)],
  );
  for (const r of rows)
    out.set(String(r.id), {
      kind: String(r.kind),
      designations: Array.isArray(r.designations) ? r.designations.map(String) : [],
    });
  return out;
}
