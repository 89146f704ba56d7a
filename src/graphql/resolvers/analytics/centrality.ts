import { centrality } from '../../../store/analytics/network.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { areaOf, gid, intIn, requiredNode } from '../../analytics-loaders';
import { decodeFilter, today } from '../../resolve';
import { area } from './area';

/** Resolvers of schema/analytics-centrality.graphql: who is central in the pairing network. */
export const centralityResolvers: Resolvers = {
  Query: {
    centrality: async (_r, a, ctx) => {
      const scope = {
        areaId: await areaOf(a.areaId, ctx),
        on: a.activeOn ?? today(),
        filter: decodeFilter(a.filter),
      };
      const top = intIn(a.top, 20, 'top', 1, 100);
      return centrality(ctx.gateway, ctx.analytics, scope, a.measure ?? 'DEGREE', top);
    },
  },
  Centrality: { area: (m, _a, ctx) => area(m.scope, _a, ctx), activeOn: (m) => m.scope.on ?? today() },
  CentralityScore: {
    id: (s) => gid(s.key),
    node: async (s, _a, ctx) => requiredNode(ctx, s.key),
  },
};
