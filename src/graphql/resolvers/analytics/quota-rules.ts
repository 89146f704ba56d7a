import { QUOTA_RULES } from '../../../domain/quota-rules';
import type { Resolvers } from '../../__generated__/resolvers-types';

/** Resolvers of schema/analytics-quota-rules.graphql: the report's quotas, as data. */
export const quotaRulesResolvers: Resolvers = {
  Query: {
    quotaRules: () => [...QUOTA_RULES],
  },
  QuotaRule: {
    citation: (r, _a, ctx) => ctx.loaders.node({ label: 'Citation', id: r.citationId }),
  },
  QuotaRequirement: { minimum: (q) => q.min },
};
