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

/**
 * The projection of one scope as one `(helper, beneficiary)` row per pairing in scope, each end
 * as a `Label:id` key (the form the measures use). The reader counts a link's pairings as its
 * weight and stops reading at the first link over the cap: the rows stream, so Neo4j stops its scan
 * there too. (Counting per link in Cypher — DISTINCT links, then a subquery per link — read the
 * pairings twice: 21 M db hits and 19 s for the whole graph at scale 100, against 5.5 M and 7.6 s.)
 */
export function projectionCypher(hasArea: boolean, where: string): string {
  // beneficiaries of an area: each once, whatever the paths to it
  const anchor = hasArea
    ? 'MATCH (:AdminUnit {id: $areaId})<-[:LOCATED_IN*0..]-(b) WITH DISTINCT b\nMATCH (b)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(h)'
    : 'MATCH (b)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(h)';
  return `${anchor}
WHERE ${where}
RETURN labels(h)[0] + ':' + h.id AS helper, labels(b)[0] + ':' + b.id AS beneficiary`;
}

export function projectionStatement(scope: PairingScope, maxEdges: number): ProjectionStatement {
  const params = new Params({ areaId: scope.areaId });
  const where = pairingWhere(scopeFilter({ ...scope, areaId: null }, {}), 'p', params);
  return { cypher: projectionCypher(scope.areaId !== null, where), params: params.values, maxEdges };
}

/**
 * Collects projection rows (one per pairing) into links weighted by their pairings, as they
 * stream in; refuses the network at its first link past `maxEdges`.
 */
export class ProjectionRows {
  readonly edges: NetworkEdges = { helpers: [], beneficiaries: [], weights: [] };
  /** The link of each (helper, beneficiary) seen, by `helper NUL beneficiary` (keys hold no NUL). */
  private readonly links = new Map<string, number>();

  constructor(private readonly maxEdges: number) {}

  add(helper: string, beneficiary: string): void {
    const key = `${helper}\u0000${beneficiary}`;
    const i = this.links.get(key);
    if (i !== undefined) {
      this.edges.weights[i]++;
      return;
    }
    if (this.edges.helpers.length >= this.maxEdges) throw tooLarge(this.maxEdges);
    this.links.set(key, this.edges.helpers.length);
    this.edges.helpers.push(helper);
    this.edges.beneficiaries.push(beneficiary);
    this.edges.weights.push(1);
  }
}

const tooLarge = (maxEdges: number) =>
  new AppError(
    'QUERY_TOO_COMPLEX',
    `the pairing network in scope has more than ${maxEdges} helper–beneficiary links; narrow it with areaId or filter`,
    { argument: 'areaId', maxEdges },
  );
