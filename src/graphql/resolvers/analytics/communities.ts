import { communityPartition } from '../../../store/analytics/network.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { areaOf, intIn, requiredNode } from '../../analytics-loaders';
import { decodeFilter, today } from '../../resolve';
import { area } from './area';

/** Resolvers of schema/analytics-communities.graphql: Louvain communities of the pairing network. */
export const communitiesResolvers: Resolvers = {
  Query: {
    communities: async (_r, a, ctx) =>
      communityPartition(ctx.gateway, ctx.analytics, {
        areaId: await areaOf(a.areaId, ctx),
        on: a.activeOn ?? today(),
        filter: decodeFilter(a.filter),
      }),
  },
  Communities: {
    area: (m, _a, ctx) => area(m.scope, _a, ctx),
    activeOn: (m) => m.scope.on ?? today(),
    communities: (m, a) => m.communities.slice(0, intIn(a.first, 20, 'first', 0, 100)),
  },
  Community: {
    beneficiaries: (c) => c.size - c.helpers,
    members: (c, a, ctx) =>
      Promise.all(c.members.slice(0, intIn(a.first, 20, 'first', 0, 100)).map((k) => requiredNode(ctx, k))),
  },
};
