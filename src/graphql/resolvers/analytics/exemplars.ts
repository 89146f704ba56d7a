import { VILLAGE_LEVEL_KINDS, type UnitKind } from '../../../domain/model';
import { exemplarCount, exemplarPage } from '../../../store/analytics/exemplars.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { areaOf, graphOf, intIn, stringKeyset } from '../../analytics-loaders';
import { toConnection, toPage } from '../../connections';
import { keyOfRow, relatedConnection } from '../../resolve';
import { graphOptions } from './graph-options';

/** Resolvers of schema/analytics-exemplars.graphql: exemplars (先进典型) with their networks. */
export const exemplarsResolvers: Resolvers = {
  Query: {
    exemplars: async (_r, a, ctx) => {
      const areaId = await areaOf(a.areaId, ctx);
      const cursors = ctx.cursors.scope('exemplars', { areaId });
      const page = toPage({ first: a.first, after: a.after }, cursors);
      const rows = await exemplarPage(ctx.gateway, areaId, stringKeyset(page.from), page.limit + 1);
      return toConnection(
        rows,
        page,
        (e) => [String(e.row.__sort), e.row.id],
        () => exemplarCount(ctx.gateway, areaId),
        cursors,
      );
    },
  },
  Exemplar: {
    entity: (e) => e.row,
    pairings: (e, a, ctx) => relatedConnection('helperPairings', 'Pairing')(e.row, a, ctx),
    network: async (e, a, ctx, info) => {
      const depth = intIn(a.depth, 1, 'depth', 0, 3);
      const o = graphOptions({
        ...a,
        depth,
        direction: 'BOTH',
        filter: null,
        maxNodes: intIn(a.maxNodes, 100, 'maxNodes', 1, 500),
        selection: info,
      });
      const roots = [keyOfRow(e.row)];
      const unit = e.row.__label === 'Organization' ? await ctx.loaders.one('unit', keyOfRow(e.row)) : null;
      if (unit && VILLAGE_LEVEL_KINDS.includes(unit.kind as UnitKind)) roots.push(keyOfRow(unit));
      return graphOf(ctx, o, roots);
    },
  },
};
