import { AppError } from '../../../domain/errors';
import { GRAPH_LABELS, MAX_DEPTH } from '../../../store/analytics/graph.cypher';
import { pairingGraphs } from '../../../store/analytics/graph.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { intIn } from '../../analytics-loaders';
import { fromGlobalIdOf } from '../../ids';
import { graphOptions } from './graph-options';

/** Resolvers of schema/analytics-ego-network.graphql: pairingGraph with one root, both ways. */
export const egoNetworkResolvers: Resolvers = {
  Query: {
    egoNetwork: async (_r, a, ctx, info) => {
      const root = fromGlobalIdOf(a.id, GRAPH_LABELS, 'id');
      const depth = intIn(a.hops, 1, 'hops', 0, MAX_DEPTH);
      const [g] = await pairingGraphs(
        ctx.gateway,
        [[root]],
        graphOptions({ ...a, depth, direction: 'BOTH', selection: info }),
      );
      if (g.nodes.length === 0) throw new AppError('NOT_FOUND', 'id names no entity', { argument: 'id' });
      return g;
    },
  },
};
