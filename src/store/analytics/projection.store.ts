import { AppError } from '../../domain/errors';
import { Params } from '../reads/filter';
import type { NetworkEdges } from './measures';
import { pairingWhere, scopeFilter, type PairingScope } from './specs';

/**
 * The pairing network projected for network measures: one node per helper and beneficiary, one
 * undirected edge per (helper, beneficiary) with at least one pairing in scope, weighted by the
 * number of such pairings. One statement, planned here and read by the analytics worker that
 * computes the measure (projection-reader.ts), so that the rows never cross the event loop;
 * refused (QUERY_TOO_COMPLEX) beyond `maxEdges`, so a measure never loads an unbounded graph.
 */

/** The projection of one scope as one read statement: plain data, sent to a worker thread as is. */
export interface ProjectionStatement {
  cypher: string;
  params: Record<string, unknown>;
  maxEdges: number;
}

/** The projection of one scope, as `(helper, beneficiary, weight)` rows in a stable order. */
export function projectionCypher(hasArea: boolean, where: string): string {
  const anchor = hasArea
    ? 'MATCH (:AdminUnit {id: $areaId})<-[:LOCATED_IN*0..]-(b)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(h)'
    : 'MATCH (b)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(h)';
  // DISTINCT streams, so LIMIT stops the scan at the first link over the cap (an aggregation
  // would read every pairing in scope before refusing); weights are counted per kept link.
  // Each end comes as one `Label:id` key, the form the measures use.
  return `${anchor}
WHERE ${where}
WITH DISTINCT h, b
LIMIT $maxEdges + 1
CALL (h, b) { MATCH (h)<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(b) WHERE ${where} RETURN count(p) AS weight }
RETURN labels(h)[0] + ':' + h.id AS helper, labels(b)[0] + ':' + b.id AS beneficiary, weight`;
}

export function projectionStatement(scope: PairingScope, maxEdges: number): ProjectionStatement {
  const params = new Params({ areaId: scope.areaId, maxEdges });
  const where = pairingWhere(scopeFilter({ ...scope, areaId: null }, {}), 'p', params);
  return { cypher: projectionCypher(scope.areaId !== null, where), params: params.values, maxEdges };
}

/** Collects projection rows as they stream in; refuses the network past `maxEdges` links. */
export class ProjectionRows {
  readonly edges: NetworkEdges = { helpers: [], beneficiaries: [], weights: [] };

  constructor(private readonly maxEdges: number) {}

  add(helper: string, beneficiary: string, weight: number): void {
    if (this.edges.helpers.length >= this.maxEdges) throw tooLarge(this.maxEdges);
    this.edges.helpers.push(helper);
    this.edges.beneficiaries.push(beneficiary);
    this.edges.weights.push(weight);
  }
}

const tooLarge = (maxEdges: number) =>
  new AppError(
    'QUERY_TOO_COMPLEX',
    `the pairing network in scope has more than ${maxEdges} helper–beneficiary links; narrow it with areaId or filter`,
    { argument: 'areaId', maxEdges },
  );
