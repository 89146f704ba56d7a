import { AppError } from '../../domain/errors';
import type { Label } from '../../domain/model';
import type { Gateway } from '../gateway';
import { Params } from '../reads/filter';
import type { ParentKey } from '../reads/reads';
import { pairingWhere, scopeFilter, type PairingScope } from './specs';

/**
 * The pairing network projected for network measures: one node per helper and beneficiary, one
 * undirected edge per (helper, beneficiary) with at least one pairing in scope, weighted by the
 * number of such pairings. One statement; refused (QUERY_TOO_COMPLEX) beyond `maxEdges`, so a
 * measure never loads an unbounded graph into the service.
 */

export interface ProjectedEdge {
  helper: ParentKey;
  beneficiary: ParentKey;
  /** Pairings between the two in scope. */
  weight: number;
}

export interface Projection {
  edges: ProjectedEdge[];
}

/** The projection of one scope, as `(helper, beneficiary, weight)` rows in a stable order. */
export function projectionCypher(hasArea: boolean, where: string): string {
  const anchor = hasArea
    ? 'MATCH (:AdminUnit {id: $areaId})<-[:LOCATED_IN*0..]-(b)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(h)'
    : 'MATCH (b)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(h)';
  // DISTINCT streams, so LIMIT stops the scan at the first link over the cap (an aggregation
  // would read every pairing in scope before refusing); weights are counted per kept link.
  return `${anchor}
WHERE ${where}
WITH DISTINCT h, b
LIMIT $maxEdges + 1
CALL (h, b) { MATCH (h)<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(b) WHERE ${where} RETURN count(p) AS weight }
RETURN labels(h)[0] AS hl, h.id AS hid, labels(b)[0] AS bl, b.id AS bid, weight`;
}

export async function projectPairingNetwork(
  gw: Gateway,
  scope: PairingScope,
  maxEdges: number,
): Promise<Projection> {
  const params = new Params({ areaId: scope.areaId, maxEdges });
  const where = pairingWhere(scopeFilter({ ...scope, areaId: null }, {}), 'p', params);
  const rows = await gw.read(
    'analytics.projection',
    projectionCypher(scope.areaId !== null, where),
    params.values,
  );
  if (rows.length > maxEdges) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `the pairing network in scope has more than ${maxEdges} helper–beneficiary links; narrow it with areaId or filter`,
      { argument: 'areaId', maxEdges },
    );
  }
  return {
    edges: rows.map((r) => ({
      helper: { label: r.hl as Label, id: String(r.hid) },
      beneficiary: { label: r.bl as Label, id: String(r.bid) },
      weight: Number(r.weight),
    })),
  };
}
