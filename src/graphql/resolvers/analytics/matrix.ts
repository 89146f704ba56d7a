import { pairingMatrix } from '../../../store/analytics/matrix.store';
import { scopeFilter } from '../../../store/analytics/specs';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { areaOf, nodeList } from '../../analytics-loaders';
import { decodeFilter, today } from '../../resolve';
import { area } from './area';

/** Resolvers of schema/analytics-matrix.graphql: the 五级 × 四类 matrix of pairings. */
export const matrixResolvers: Resolvers = {
  Query: {
    pairingMatrix: async (_r, a, ctx) => ({
      areaId: await areaOf(a.areaId, ctx),
      on: a.activeOn ?? today(),
      filter: decodeFilter(a.filter),
    }),
  },
  PairingMatrix: {
    area,
    activeOn: (s) => s.on ?? today(),
    cells: (s, _a, ctx) => pairingMatrix(ctx.gateway, s, 'CELL'),
    levels: (s, _a, ctx) => pairingMatrix(ctx.gateway, s, 'LEVEL'),
    total: async (s, _a, ctx) => (await pairingMatrix(ctx.gateway, s, 'TOTAL'))[0],
  },
  PairingMatrixCell: {
    pairings: (c, a, ctx) => {
      const { areaId } = c.scope;
      const own = scopeFilter(
        { ...c.scope, areaId: null },
        {
          level: c.level,
          category: c.category,
          counted: true,
          classified: true,
        },
      );
      const extra = decodeFilter(a.filter);
      return nodeList(ctx, 'pairings', extra ? { AND: [own, extra] } : own, a, {
        order: a.orderBy ?? 'KEY',
        anchor: areaId === null ? { kind: 'LEVEL_INDEX' } : { kind: 'AREA', areaId },
      });
    },
  },
};
