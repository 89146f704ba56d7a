import { AppError, badInput } from '../../../domain/errors';
import { HELPER_LABELS } from '../../../domain/model';
import {
  floorToPeriod,
  MAX_TIMELINE_PERIODS,
  periodCount,
  periodStart,
  timeline,
  type TimelineScope,
} from '../../../store/analytics/timeline.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { areaOf } from '../../analytics-loaders';
import { fromGlobalIdOf } from '../../ids';
import type { TimelineModel } from '../../models';
import { decodeFilter } from '../../resolve';
import { area } from './area';

/** Resolvers of schema/analytics-timeline.graphql: pairings through time, per year or month. */
export const timelineResolvers: Resolvers = {
  Query: {
    timeline: async (_r, a, ctx): Promise<TimelineModel> => {
      if (a.from > a.to) {
        throw badInput(`from (${a.from}) must not be after to (${a.to})`, { argument: 'from' });
      }
      const interval = a.interval ?? 'YEAR';
      const periods = periodCount(a.from, a.to, interval);
      if (periods > MAX_TIMELINE_PERIODS) {
        throw new AppError(
          'QUERY_TOO_COMPLEX',
          `timeline is limited to ${MAX_TIMELINE_PERIODS} periods; ${a.from} to ${a.to} by ${interval} has ${periods}: narrow from/to${interval !== 'YEAR' && periodCount(a.from, a.to, 'YEAR') <= MAX_TIMELINE_PERIODS ? ' or use YEAR' : ''}`,
          { argument: 'to', periods },
        );
      }
      const helper = a.helperId ? fromGlobalIdOf(a.helperId, HELPER_LABELS, 'helperId') : null;
      if (helper && !(await ctx.loaders.node(helper))) {
        throw new AppError('NOT_FOUND', 'helperId names no helper', { argument: 'helperId' });
      }
      const scope: TimelineScope = {
        areaId: await areaOf(a.areaId, ctx),
        helperId: helper?.id ?? null,
        on: null,
        filter: decodeFilter(a.filter),
      };
      const from = floorToPeriod(a.from, interval);
      const groupBy = a.groupBy ?? null;
      return {
        scope,
        helper,
        from,
        to: periodStart(from, interval, periods),
        interval,
        groupBy,
        periods: await timeline(ctx.gateway, { scope, from, interval, periods, groupBy }),
      };
    },
  },
  Timeline: {
    area: (t, _a, ctx) => area(t.scope, _a, ctx),
    helper: (t, _a, ctx) => (t.helper === null ? null : ctx.loaders.node(t.helper)),
  },
};
