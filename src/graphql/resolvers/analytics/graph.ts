import { visibleValue } from '../../../domain/access-policy';
import { badInput } from '../../../domain/errors';
import { GRAPH_LABELS, MAX_DEPTH } from '../../../store/analytics/graph.cypher';
import { pairingGraphs } from '../../../store/analytics/graph.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { gid, intIn } from '../../analytics-loaders';
import { fromGlobalIdOf } from '../../ids';
import { viewerOf } from '../../mutate';
import { keyOfRow, validToOf } from '../../resolve';
import { graphOptions } from './graph-options';

const MAX_ROOTS = 100;

/** Resolvers of schema/analytics-graph.graphql: the pairing graph around some entities. */
export const graphResolvers: Resolvers = {
  Query: {
    pairingGraph: async (_r, a, ctx, info) => {
      if (a.rootIds.length > MAX_ROOTS) {
        throw badInput(`rootIds may hold at most ${MAX_ROOTS} ids, got ${a.rootIds.length}`, {
          argument: 'rootIds',
        });
      }
      const roots = a.rootIds.map((id, i) => fromGlobalIdOf(id, GRAPH_LABELS, `rootIds[${i}]`));
      const depth = intIn(a.depth, 1, 'depth', 0, MAX_DEPTH);
      const o = graphOptions({
        ...a,
        depth,
        direction: a.direction ?? 'BOTH',
        selection: info,
      });
      return (await pairingGraphs(ctx.gateway, [roots], o))[0];
    },
  },
  GraphNode: {
    id: (n) => gid(keyOfRow(n.row)),
    kind: (n) => n.row.__label,
    name: (n, _a, ctx) => String(visibleValue(viewerOf(ctx), n.row.__label, 'name', n.row.name ?? n.row.id)),
    level: (n) => (n.row.__label === 'Organization' ? ((n.row.level as never) ?? null) : null),
    category: (n) => {
      // computed when the parent field's selection asks for it (graphNeedsCategories)
      if (n.category === undefined) throw new Error('GraphNode.category was not computed for this graph');
      return n.category;
    },
    unitKind: (n) => (n.row.__label === 'AdminUnit' ? ((n.row.kind as never) ?? null) : null),
    provenance: (n) => n.row.provenance as never,
    root: (n) => n.depth === 0,
    depth: (n) => n.depth,
    entity: (n) => n.row,
  },
  GraphEdge: {
    id: (e) => gid(keyOfRow(e.pairing)),
    source: (e) => gid(e.source),
    target: (e) => gid(e.target),
    kind: (e) => e.pairing.kind as never,
    level: (e) => (e.pairing.level as never) ?? null,
    category: (e) => (e.pairing.category as never) ?? null,
    provenance: (e) => e.pairing.provenance as never,
    validFrom: (e) => String(e.pairing.validFrom),
    validTo: (e) => validToOf(e.pairing),
    pairing: (e) => e.pairing,
  },
};
