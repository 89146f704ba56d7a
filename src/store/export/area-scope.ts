import type { Label } from '../../domain/model';
import type { Gateway } from '../gateway';
import { checkedLabel } from '../writes/write-tx';

/** Keys of the nodes inside an export's area, by label. */
export type Scope = Map<Label, Set<string>>;

/**
 * What `export --area ID` contains, as one read each: the area's units (itself and below); the
 * records located, held or planned in them (entities, disputes, events, inspections, plans,
 * casework, goals, recognitions, budgets of organizations there); the pairings whose beneficiary
 * lies there, with their helpers (wherever they are), programmes, projects and visits; tenures
 * in those units with their holders; the area's observations and indicators; and the citations
 * and sources of all of these. Relationships are exported when both ends are inside.
 */
const SCOPE_QUERIES: readonly string[] = [
  'MATCH (area:AdminUnit {id: $area})<-[:LOCATED_IN*0..]-(n:AdminUnit)',
  'MATCH (area:AdminUnit {id: $area})<-[:LOCATED_IN*0..]-(:AdminUnit)<-[:LOCATED_IN]-(n) WHERE NOT n:AdminUnit',
  'MATCH (area:AdminUnit {id: $area})<-[:LOCATED_IN*0..]-(:AdminUnit)<-[:HELD_IN|FOR]-(n)',
  'MATCH (area:AdminUnit {id: $area})<-[:LOCATED_IN*0..]-(:AdminUnit)<-[:LOCATED_IN]-(:Organization)<-[:FOR]-(n:Budget)',
  'MATCH (area:AdminUnit {id: $area})<-[:LOCATED_IN*0..]-()<-[:BENEFICIARY]-(p:Pairing) ' +
    'CALL (p) { RETURN p AS n UNION MATCH (p)-[:HELPER|UNDER|HAS_PROJECT|HAS_VISIT]->(n) RETURN n }',
  'MATCH (area:AdminUnit {id: $area})<-[:LOCATED_IN*0..]-(:AdminUnit)<-[:IN]-(t:Tenure) ' +
    'CALL (t) { RETURN t AS n UNION MATCH (t)<-[:HOLDS]-(n) RETURN n }',
  'MATCH (:AdminUnit {id: $area})<-[:ABOUT]-(o:Observation) CALL (o) { RETURN o AS n UNION MATCH (o)-[:OF]->(n) RETURN n }',
];
/** Every scope query binds `n`; this returns its label and key once each. */
const AS_KEYS = ' WITH DISTINCT n RETURN labels(n)[0] AS label, n.id AS id';

export async function areaScope(gw: Gateway, areaId: string): Promise<Scope> {
  const scope: Scope = new Map();
  const add = (label: string, id: string) => {
    const set = scope.get(label as Label) ?? new Set<string>();
    set.add(id);
    scope.set(label as Label, set);
  };
  for (const [i, q] of SCOPE_QUERIES.entries()) {
    const rows = await gw.read(`export.scope.${i}`, q + AS_KEYS, { area: areaId });
    for (const r of rows) add(String(r.label), String(r.id));
  }
  if (!scope.get('AdminUnit')?.has(areaId))
    throw new RangeError(`no AdminUnit has key ${JSON.stringify(areaId)}`);
  // The citations of everything in scope, and their sources: one anchored read per label.
  for (const [label, ids] of [...scope]) {
    if (label === 'Citation' || label === 'Source') continue;
    const cited = await gw.read(
      `export.scope.citations.${label}`,
      `UNWIND $ids AS id MATCH (:${checkedLabel(label)} {id: id})-[:SUPPORTED_BY]->(c:Citation) ` +
        'OPTIONAL MATCH (c)-[:FROM]->(s:Source) RETURN DISTINCT c.id AS c, s.id AS s',
      { ids: [...ids] },
    );
    for (const r of cited) {
      add('Citation', String(r.c));
      if (r.s !== null) add('Source', String(r.s));
    }
  }
  return scope;
}
