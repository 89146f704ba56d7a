import type { Label } from '../../domain/model';
import type { TxRunner } from '../gateway';
import type { Props } from './write-tx';

/**
 * The administrative units a write touches, recorded on its audit entry (`areas`) so that cached
 * network measures of an area are dropped only by writes in it (see AnalyticsCache).
 *
 * A write is located by its anchors: the written record itself when it lies in a unit; the
 * beneficiaries of every pairing it is, belongs to or takes part in (a pairing, its helper, its
 * beneficiary, its projects and visits); and the units its previous state referred to (a
 * household moved to another village also touches the village it left). `areas` holds every unit
 * at or above an anchor (LOCATED_IN*0..), so a scope of any level finds the writes under it.
 *
 * A write with no anchor in any unit (a programme, a source) may change what every scope's filter
 * selects: its `areas` stays null, which invalidates every scope.
 */
export const AUDIT_AREAS_CYPHER = (label: Label) => `
CALL {
  MATCH (t:${label} {id: $id}) RETURN t AS anchor
  UNION
  MATCH (t:${label} {id: $id})-[:BENEFICIARY]->(b) RETURN b AS anchor
  UNION
  MATCH (t:${label} {id: $id})--(:Pairing)-[:BENEFICIARY]->(b) RETURN b AS anchor
  UNION
  MATCH (u:AdminUnit) WHERE u.id IN $formerKeys RETURN u AS anchor
}
MATCH (anchor)-[:LOCATED_IN*0..]->(u:AdminUnit)
RETURN DISTINCT u.id AS area`;

/** Keys the previous state referred to (snapshot fields named `…Key`, e.g. `unitKey`). */
export const formerKeys = (before: Props | null): string[] =>
  Object.entries(before ?? {})
    .filter(([k, v]) => k.endsWith('Key') && typeof v === 'string')
    .map(([, v]) => v as string);

/** The sorted unit ids a write to (label, id) touches, or null when it lies in none. */
export async function auditAreas(
  run: TxRunner,
  /** Checked against the closed list of labels by the caller (checkedLabel): it becomes query text. */
  label: Label,
  id: string,
  before: Props | null,
): Promise<string[] | null> {
  const rows = await run('audit.areas', AUDIT_AREAS_CYPHER(label), { id, formerKeys: formerKeys(before) });
  const areas = rows.map((r) => String(r.area)).sort();
  return areas.length ? areas : null;
}
