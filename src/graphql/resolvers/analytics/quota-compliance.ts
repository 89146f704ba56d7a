import { shortfalls } from '../../../domain/quota-rules';
import { quotaSummary, quotaViolationCount, quotaViolations } from '../../../store/analytics/quota.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { areaOf, stringKeyset } from '../../analytics-loaders';
import { toConnection, toPage } from '../../connections';
import { today } from '../../resolve';

/** Resolvers of schema/analytics-quota-compliance.graphql: helpers that fall short of a quota. */
export const quotaComplianceResolvers: Resolvers = {
  Query: {
    quotaCompliance: async (_r, a, ctx) => {
      const scope = {
        areaId: await areaOf(a.areaId, ctx),
        on: a.activeOn ?? today(),
        rules: a.rules ?? null,
      };
      const cursors = ctx.cursors.scope('quotaCompliance', scope);
      const page = toPage({ first: a.first, after: a.after }, cursors);
      const rows = await quotaViolations(ctx.gateway, scope, stringKeyset(page.from), page.limit + 1);
      const conn = toConnection(
        rows,
        page,
        (v) => [v.rule.id, v.helper.id],
        () => quotaViolationCount(ctx.gateway, scope),
        cursors,
      );
      return { ...conn, summary: () => quotaSummary(ctx.gateway, scope) };
    },
  },
  QuotaViolation: {
    shortfalls: (v) => shortfalls(v.rule, v.actual),
  },
};
