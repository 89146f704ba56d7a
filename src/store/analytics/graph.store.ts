import type { Category } from '../../domain/model';
import type { Gateway } from '../gateway';
import { Params, type FilterInput } from '../reads/filter';
import type { NodeRow, ParentKey } from '../reads/reads';
import { GRAPH_LABELS, pairingGraphCypher, type Direction, type GraphRowProps } from './graph.cypher';
import { pairingWhere } from './specs';

/** A node of a rendered pairing graph. */
export interface GraphNodeModel {
  row: NodeRow;
  /** Pairing hops from the nearest root. */
  depth: number;
  /**
   * A helper's category when all its (filtered) pairings agree, else null; undefined when the
   * options did not ask for categories (`GraphOptions.categories`).
   */
  category: Category | null | undefined;
}

/** An edge: one pairing, from its helper (source) to its beneficiary (target). */
export interface GraphEdgeModel {
  pairing: NodeRow;
  source: ParentKey;
  target: ParentKey;
}

export interface PairingGraphModel {
  nodes: GraphNodeModel[];
  edges: GraphEdgeModel[];
  truncated: boolean;
}

export interface GraphOptions {
  depth: number;
  direction: Direction;
  /** Pairing filter (activeOn, classified … already folded in). */
  filter: FilterInput | null;
  maxNodes: number;
  /**
   * Whether to compute node categories: it scans every pairing of every helper kept (thousands for
   * a shared agency), so only when the client selected `GraphNode.category`.
   */
  categories: boolean;
  /** What the rows carry (default: every property); GraphRowProps. */
  props?: GraphRowProps;
}

/** Edges kept per graph: enough for the induced subgraph of `maxNodes` nodes in this model. */
export const edgeCap = (maxNodes: number) => maxNodes * 5;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (row: NodeRow) => `${row.__label}:${row.id}`;

const asKey = (v: unknown): ParentKey => {
  const [label, id] = v as [ParentKey['label'], string];
  return { label, id };
};

/**
 * The pairing graphs around several root sets in one statement (one per `rootSets` entry, same
 * options), in input order. Root keys of other labels are ignored (they cannot be pairing ends).
 */
export async function pairingGraphs(
  gw: Gateway,
  rootSets: readonly (readonly ParentKey[])[],
  o: GraphOptions,
): Promise<PairingGraphModel[]> {
  const params = new Params({ maxNodes: o.maxNodes, maxEdges: edgeCap(o.maxNodes) });
  const where = pairingWhere(o.filter, 'p', params);
  params.values.groups = rootSets.map((roots, i) => {
    const g: Record<string, unknown> = { key: String(i) };
    for (const l of GRAPH_LABELS) g[l] = roots.filter((r) => r.label === l).map((r) => r.id);
    return g;
  });
  const rows = await gw.read(
    'analytics.pairingGraph',
    pairingGraphCypher(o.depth, o.direction, where, o.categories, o.props),
    params.values,
  );
  const byKey = new Map(rows.map((r) => [String(r.key), r]));
  return rootSets.map((_, i) => {
    const r = byKey.get(String(i));
    if (!r) return { nodes: [], edges: [], truncated: false };
    const levels = r.levels as unknown as (NodeRow & { __cats?: string[] })[][];
    const nodes = levels.flatMap((level, depth) =>
      level.map(({ __cats, ...row }) => ({
        row: row as NodeRow,
        depth,
        category: __cats === undefined ? undefined : __cats.length === 1 ? (__cats[0] as Category) : null,
      })),
    );
    const edges = (r.edges as unknown as { pairing: NodeRow; source: unknown; target: unknown }[]).map(
      (e) => ({
        pairing: e.pairing,
        source: asKey(e.source),
        target: asKey(e.target),
      }),
    );
    nodes.sort((a, b) => a.depth - b.depth || cmp(keyOf(a.row), keyOf(b.row)));
    edges.sort((a, b) => cmp(a.pairing.id, b.pairing.id));
    return { nodes, edges, truncated: r.truncated === true };
  });
}
