import { propertyName } from '../reads/row-shape';
import { PAIRING_END_LABELS } from '../../domain/model';

/**
 * The pairingGraph traversal as ONE statement, built from fixed fragments: a breadth-first search
 * over pairings, one `CALL` block per hop (so `depth` is bounded by the number of blocks, never by
 * data), with the node cap applied between hops. Nothing is sorted in Cypher: a sort would buffer
 * rows that carry the visited-node lists (Neo4j accounts them per row, so a 2-hop graph of a city
 * agency at scale 100 needed > 256 MiB); the store sorts the result instead. When a cap cuts, which
 * nodes of the last hop (or which edges) are kept is unspecified but stable. Parameters:
 *  - `$groups`: `[{key, AdminUnit: [ids], Organization: [ids], …}]` — one traversal per group
 *    (pairingGraph sends one group; batched ego networks send many);
 *  - `$maxNodes`, `$maxEdges`; plus the filter's own parameters.
 * Returns per group: `levels` (nodes by hop distance, each with `__label` and, when `categories` is
 * set, `__cats`: the distinct categories of its filtered helper pairings), `edges` (every filtered
 * pairing between two kept nodes: the induced subgraph) and `truncated`.
 *
 * The induced edges are expanded from the BENEFICIARY end of each kept node: every pairing has one
 * helper and one beneficiary, so `(y)<-[:BENEFICIARY]-(p)-[:HELPER]->(x)` over kept `y` binds exactly
 * the (x, p, y) triples that the helper-side expansion over kept `x` binds. But a shared agency
 * helps thousands of beneficiaries (≈ 36 × scale pairings for a city agency), while a beneficiary
 * has a handful of helpers, so the helper side walked ~18,000 pairings at scale 100 to keep a few
 * edges. `__cats` scans a helper's pairings too, so it is computed only when asked for.
 */

/** Labels a traversal may start from and reach (the ends of pairings). */
export const GRAPH_LABELS = PAIRING_END_LABELS;

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** The most hops a traversal may take (each hop is one CALL block in the statement). */
export const MAX_DEPTH = 6;

const ROOTS = GRAPH_LABELS.map((l) => `UNWIND g.${l} AS id MATCH (n:${l} {id: id}) RETURN n`).join(
  '\n      UNION\n      ',
);

/** One hop from x to y through a pairing p, per direction: OUT helper → beneficiary, IN the reverse. */
const STEP = {
  OUT: '(x)<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(y)',
  IN: '(x)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(y)',
} as const;

function hop(direction: Direction, where: string): string {
  const arms = (direction === 'BOTH' ? [STEP.OUT, STEP.IN] : [STEP[direction]])
    .map((s) => `MATCH ${s} WHERE ${where} RETURN y`)
    .join('\n        UNION\n        ');
  return `
    CALL (seen, frontier) {
      UNWIND frontier AS x
      CALL (x) {
        ${arms}
      }
      WITH DISTINCT y WHERE NOT y IN seen
      RETURN collect(y) AS found
    }
    WITH levels, seen, truncated, found[..($maxNodes - size(seen))] AS kept, size(found) > $maxNodes - size(seen) AS over
    WITH levels + [kept] AS levels, seen + kept AS seen, kept AS frontier, truncated OR over AS truncated`;
}

/**
 * The statement for `depth` hops in `direction`, where `where` is the compiled pairing predicate
 * over variable `p` (its parameters travel with the caller's Params); `categories` adds `__cats`.
 */
export function pairingGraphCypher(
  depth: number,
  direction: Direction,
  where: string,
  categories: boolean,
  props: GraphRowProps = { nodes: null, pairings: null },
): string {
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
    throw new RangeError(`depth must be an integer in 0..${MAX_DEPTH}, got ${depth}`);
  }
  const cats = categories
    ? `, __cats: COLLECT { MATCH (n)<-[:HELPER]-(p:Pairing) WHERE ${where} RETURN DISTINCT p.category }`
    : '';
  return `UNWIND $groups AS g
CALL (g) {
  CALL (g) {
      ${ROOTS}
  }
  WITH collect(n) AS roots
  WITH roots[..$maxNodes] AS seen, size(roots) > $maxNodes AS truncated
  WITH [seen] AS levels, seen, seen AS frontier, truncated
  ${Array.from({ length: depth }, () => hop(direction, where)).join('\n')}
  CALL (seen) {
    UNWIND seen AS y
    MATCH (y)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(x)
    WHERE x IN seen AND ${where}
    WITH x, p, y LIMIT $maxEdges + 1
    RETURN collect({pairing: ${mapOf('p', props.pairings)}, __label: 'Pairing'}, source: [labels(x)[0], x.id], target: [labels(y)[0], y.id]}) AS edges
  }
  RETURN [d IN range(0, size(levels) - 1) |
    [n IN levels[d] | ${mapOf('n', props.nodes)}, __label: labels(n)[0]${cats}}]] AS levels,
    edges[..$maxEdges] AS edges, truncated OR size(edges) > $maxEdges AS truncated
}
RETURN g.key AS key, levels, edges, truncated`;
}

/**
 * Which properties the rows of a graph carry: `id` and these, or every property (null) when the
 * whole record is asked for (GraphNode.entity, GraphEdge.pairing).
 */
export interface GraphRowProps {
  nodes: readonly string[] | null;
  pairings: readonly string[] | null;
}

/** The opening of `v`'s map projection: `v {.*` or `v {.id, .name …` (names checked). */
const mapOf = (v: string, props: readonly string[] | null) =>
  props === null
    ? `${v} {.*`
    : `${v} {${['id', ...props.filter((k) => k !== 'id')].map((k) => `.${propertyName(k)}`).join(', ')}`;
