import type { GraphQLResolveInfo } from 'graphql';
import type { GraphRowProps } from '../../../store/analytics/graph.cypher';
import type { GraphOptions } from '../../../store/analytics/graph.store';
import type { GraphEdgeResolvers, GraphNodeResolvers } from '../../__generated__/resolvers-types';
import { selects } from '../../execution';
import { scopeFilter, type PairingScope } from '../../../store/analytics/specs';
import { graphNeedsCategories, intIn } from '../../analytics-loaders';
import { decodeFilter } from '../../resolve';

/** The most nodes pairingGraph and egoNetwork may return. */
export const MAX_GRAPH_NODES = 2000;

export interface GraphArgs {
  depth: number;
  direction: GraphOptions['direction'];
  filter?: unknown;
  activeOn?: string | null;
  maxNodes?: number | null;
  /** The graph field's selection: whether it asks for categories, and what its rows must carry. */
  selection: Selection;
}

type Selection = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * Validates pairingGraph/egoNetwork arguments into store options. Every kind of pairing is drawn
 * (SPONSOR and LIAISON too: edges carry their kind, level/category are null outside 五级四类);
 * the client's filter narrows kinds.
 */
export function graphOptions(a: GraphArgs): GraphOptions {
  const scope: PairingScope = {
    areaId: null,
    on: a.activeOn ?? null,
    filter: decodeFilter(a.filter as object),
  };
  return {
    depth: a.depth,
    direction: a.direction,
    filter: scopeFilter(scope, {}),
    maxNodes: intIn(a.maxNodes, 500, 'maxNodes', 1, MAX_GRAPH_NODES),
    categories: graphNeedsCategories(a.selection),
    props: graphRowProps(a.selection),
  };
}

/**
 * What each field of GraphNode / GraphEdge reads of its row (graph.ts), beyond `id` and the
 * label; null: the whole record. Typed by the generated resolvers, so a field added to the SDL
 * without an entry here does not compile.
 */
const NODE_READS: Record<keyof GraphNodeResolvers, readonly string[] | null> = {
  id: [],
  kind: [],
  name: ['name'],
  level: ['level'],
  category: [],
  unitKind: ['kind'],
  provenance: ['provenance'],
  root: [],
  depth: [],
  entity: null,
};
const EDGE_READS: Record<keyof GraphEdgeResolvers, readonly string[] | null> = {
  id: [],
  source: [],
  target: [],
  kind: ['kind'],
  level: ['level'],
  category: ['category'],
  provenance: ['provenance'],
  validFrom: ['validFrom'],
  validTo: ['validTo'],
  pairing: null,
};

/** The properties a graph's rows must carry for the fields `info` selects under `nodes` and `edges`. */
function graphRowProps(info: Selection): GraphRowProps {
  const read = (list: string, reads: Record<string, readonly string[] | null>) => {
    const props = new Set<string>();
    for (const [field, of] of Object.entries(reads)) {
      if (!selects(info, [list, field])) continue;
      if (of === null) return null;
      for (const p of of) props.add(p);
    }
    return [...props].sort();
  };
  return { nodes: read('nodes', NODE_READS), pairings: read('edges', EDGE_READS) };
}
