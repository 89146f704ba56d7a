import type { CoverageModel } from '../../../store/analytics/coverage.store';
import type { ListAnchor } from '../../../store/analytics/lists';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { areaOf, childrenOf, coverageOf, nodeList } from '../../analytics-loaders';
import type { Context } from '../../context';
import { today } from '../../resolve';
import { area } from './area';

const beneficiaryCoverage =
  (kind: 'village' | 'household' | 'student') => async (c: CoverageModel, _a: unknown, ctx: Context) => {
    const s = await coverageOf(ctx, c);
    const [registered, assisted] =
      kind === 'village'
        ? [
            s?.histogram.reduce((t, [, n]) => t + n, 0) ?? 0,
            s?.histogram.reduce((t, [h, n]) => t + (h > 0 ? n : 0), 0) ?? 0,
          ]
        : kind === 'household'
          ? [s?.households ?? 0, s?.householdsAssisted ?? 0]
          : [s?.students ?? 0, s?.studentsAssisted ?? 0];
    return { ...c, kind, registered, assisted };
  };

/** Lists of an area start from it; lists of the whole graph scan their label. */
const inArea = (areaId: string | null): ListAnchor | undefined =>
  areaId === null ? undefined : { kind: 'AREA', areaId };

/** Resolvers of schema/analytics-coverage.graphql: who is assisted in an area, and by how many. */
export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_r, a, ctx) => ({ areaId: await areaOf(a.areaId, ctx), on: a.activeOn ?? today() }),
  },
  Coverage: {
    area,
    activeOn: (c) => c.on,
    villages: beneficiaryCoverage('village'),
    households: beneficiaryCoverage('household'),
    students: beneficiaryCoverage('student'),
    helpersPerVillage: async (c, _a, ctx) =>
      ((await coverageOf(ctx, c))?.histogram ?? []).map(([helpers, villages]) => ({
        ...c,
        helpers,
        villages,
      })),
    children: async (c, _a, ctx) => (await childrenOf(ctx, c)).map((areaId) => ({ areaId, on: c.on })),
  },
  BeneficiaryCoverage: {
    unassisted: (b) => b.registered - b.assisted,
    share: (b) => (b.registered === 0 ? null : b.assisted / b.registered),
    unassistedList: (b, a, ctx) =>
      nodeList(
        ctx,
        b.kind,
        { ...(b.kind === 'village' ? { villageLevel: true } : {}), unassistedOn: b.on },
        a,
        {
          anchor: inArea(b.areaId),
        },
      ),
  },
  HelpersPerVillage: {
    villageList: (h, a, ctx) =>
      nodeList(ctx, 'village', { villageLevel: true, helpersOn: { on: h.on, n: h.helpers } }, a, {
        anchor: inArea(h.areaId),
      }),
  },
};
