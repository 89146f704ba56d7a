import { checkObservations } from '../../../store/indicators/indicators.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { detailsOf, requiredNode } from '../../analytics-loaders';
import { fromGlobalIdOf } from '../../ids';

/** Resolvers of schema/analytics-indicators.graphql: reported figures beside the graph's values. */
export const indicatorsResolvers: Resolvers = {
  Query: {
    indicators: (_r, a, ctx) =>
      checkObservations(
        ctx.gateway,
        a.sourceId ? fromGlobalIdOf(a.sourceId, ['Source'], 'sourceId').id : undefined,
      ),
  },
  IndicatorCheck: {
    key: (c) => c.observation.id,
    observation: (c, _a, ctx) => requiredNode(ctx, { label: 'Observation', id: c.observation.id }),
    indicatorKey: (c) => c.observation.indicatorId,
    indicatorName: async (c, _a, ctx) => (await detailsOf(ctx, c.observation.id))?.indicatorName ?? null,
    computeKey: (c) => c.observation.computeKey,
    reported: (c) => c.observation.value,
    unit: (c) => c.observation.unit,
    comparator: (c) => c.observation.comparator,
    status: (c) => (c.computed === null ? 'UNKNOWN' : c.matches ? 'MATCH' : 'MISMATCH'),
    area: (c, _a, ctx) => ctx.loaders.node({ label: 'AdminUnit', id: c.observation.areaId }),
    referenceDate: (c) => c.observation.referenceDate,
    dimensions: (c) =>
      Object.entries(c.observation.dimensions).map(([key, v]) => ({ key, value: String(v) })),
    interpretation: async (c, _a, ctx) => (await detailsOf(ctx, c.observation.id))?.interpretation ?? null,
    // the observation's own short list (Loaders.all), as Observation.citations answers it
    citations: (c, _a, ctx) => ctx.loaders.all('citations', { label: 'Observation', id: c.observation.id }),
  },
};
