import type { Label, RelType } from '../../domain/model';
import type { Gateway } from '../gateway';
import type { NodeRow, ParentKey } from '../reads/reads';
import { activeAt } from './specs';

/**
 * Shortest explaining paths between two entities, in one statement (`allShortestPaths`, a
 * bidirectional breadth-first search inside Neo4j). A path alternates nodes and stored
 * relationships; a pairing appears as its own node between its helper (HELPER) and its
 * beneficiary (BENEFICIARY), so the pairing behind each such hop is part of the path.
 */

/** Which stored relationships a path may follow, by the name the API gives each group. */
export const PATH_VIA = {
  PAIRING: ['HELPER', 'BENEFICIARY'],
  LOCATED_IN: ['LOCATED_IN'],
  MEMBER_OF: ['MEMBER_OF'],
  PART_OF: ['PART_OF'],
} as const satisfies Record<string, readonly RelType[]>;
export type PathVia = keyof typeof PATH_VIA;

/** Nodes a path may pass through: the ends of those relationships (never Tenure, Dispute …). */
export const PATH_LABELS = [
  'AdminUnit',
  'Organization',
  'Person',
  'Enterprise',
  'Household',
  'Student',
  'Pairing',
] as const;

/** The most relationships a path may have. */
export const MAX_PATH_HOPS = 10;

export interface PathRelModel {
  type: RelType;
  /** The stored relationship's start and end nodes. */
  start: ParentKey;
  end: ParentKey;
  /** Whether the stored direction runs from nodes[i] to nodes[i + 1]. */
  forward: boolean;
  /** The pairing behind a HELPER or BENEFICIARY step (its start node). */
  pairing: NodeRow | null;
}

export interface PathModel {
  nodes: NodeRow[];
  relationships: PathRelModel[];
}

export interface PathQuery {
  from: ParentKey;
  to: ParentKey;
  maxHops: number;
  first: number;
  /** ISO day pairings on the path must be valid on; null = any time. */
  on: string | null;
  via: readonly PathVia[];
}

export interface PathResult {
  fromFound: boolean;
  toFound: boolean;
  paths: PathModel[];
}

const NODE = 'n {.*, __label: labels(n)[0]}';

/** Builds the statement; `maxHops` is interpolated because Cypher takes no parameter there (validated integer). */
export function pathsCypher(q: Pick<PathQuery, 'from' | 'to' | 'maxHops' | 'on' | 'via'>): string {
  if (!Number.isInteger(q.maxHops) || q.maxHops < 1 || q.maxHops > MAX_PATH_HOPS) {
    throw new RangeError(`maxHops must be an integer in 1..${MAX_PATH_HOPS}, got ${q.maxHops}`);
  }
  const types = [...new Set(q.via.flatMap((v) => PATH_VIA[v]))];
  if (types.length === 0) throw new RangeError('via must name at least one kind of relationship');
  const labels = PATH_LABELS.map((l) => `n:${l}`).join(' OR ');
  const valid = q.on === null ? '' : ` AND (NOT n:Pairing OR ${activeAt('n', '$on')})`;
  return `OPTIONAL MATCH (x:${q.from.label} {id: $from})
OPTIONAL MATCH (y:${q.to.label} {id: $to})
CALL (x, y) {
  WITH x, y WHERE x IS NOT NULL AND y IS NOT NULL
  MATCH path = allShortestPaths((x)-[:${types.join('|')}*..${q.maxHops}]-(y))
  WHERE all(n IN nodes(path) WHERE (${labels})${valid})
  WITH path ORDER BY [n IN nodes(path) | labels(n)[0] + ':' + n.id] LIMIT $first
  RETURN collect({
    nodes: [n IN nodes(path) | ${NODE}],
    rels: [r IN relationships(path) | {type: type(r), start: [labels(startNode(r))[0], startNode(r).id]}]
  }) AS paths
}
RETURN x IS NOT NULL AS fromFound, y IS NOT NULL AS toFound, paths`;
}

/**
 * All shortest paths (up to `first`, in a stable order) between two distinct entities. Both ends
 * must differ: a path from an entity to itself is the caller's special case.
 */
export async function shortestPaths(gw: Gateway, q: PathQuery): Promise<PathResult> {
  const [row] = await gw.read('analytics.paths', pathsCypher(q), {
    from: q.from.id,
    to: q.to.id,
    on: q.on,
    first: q.first,
  });
  const raw = (row?.paths ?? []) as unknown as {
    nodes: NodeRow[];
    rels: { type: RelType; start: [Label, string] }[];
  }[];
  return {
    fromFound: row?.fromFound === true,
    toFound: row?.toFound === true,
    paths: raw.map((p) => ({ nodes: p.nodes, relationships: p.rels.map((r, i) => step(p.nodes, i, r)) })),
  };
}

const keyOf = (n: NodeRow): ParentKey => ({ label: n.__label, id: n.id });

/** Relationship i joins nodes[i] and nodes[i + 1]; the stored start tells its direction. */
function step(nodes: NodeRow[], i: number, r: { type: RelType; start: [Label, string] }): PathRelModel {
  const a = nodes[i];
  const b = nodes[i + 1];
  const forward = a.__label === r.start[0] && a.id === r.start[1];
  const [start, end] = forward ? [a, b] : [b, a];
  return {
    type: r.type,
    start: keyOf(start),
    end: keyOf(end),
    forward,
    pairing: r.type === 'HELPER' || r.type === 'BENEFICIARY' ? start : null,
  };
}
