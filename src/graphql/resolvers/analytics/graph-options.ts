import type { GraphOptions } from '../../../store/analytics/graph.store';
import { scopeFilter, type PairingScope } from '../../../store/analytics/specs';
import { intIn } from '../../analytics-loaders';
import { decodeFilter } from '../../resolve';

/** The most nodes pairingGraph and egoNetwork may return. */
export const MAX_GRAPH_NODES = 2000;

export interface GraphArgs {
  depth: number;
  direction: GraphOptions['direction'];
  filter?: unknown;
  activeOn?: string | null;
  maxNodes?: number | null;
  /** Whether the client selected `nodes { category }` (graphNeedsCategories). */
  categories: boolean;
}

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
    categories: a.categories,
  };
}
