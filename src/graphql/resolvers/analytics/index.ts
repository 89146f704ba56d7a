import type { Resolvers } from '../../__generated__/resolvers-types';
import { centralityResolvers } from './centrality';
import { communitiesResolvers } from './communities';
import { coverageResolvers } from './coverage';
import { egoNetworkResolvers } from './ego-network';
import { exemplarsResolvers } from './exemplars';
import { graphResolvers } from './graph';
import { indicatorsResolvers } from './indicators';
import { matrixResolvers } from './matrix';
import { pathsResolvers } from './paths';
import { quotaComplianceResolvers } from './quota-compliance';
import { quotaRulesResolvers } from './quota-rules';
import { timelineResolvers } from './timeline';

/** The graph analytics, one module per feature, each resolving its schema/analytics-*.graphql. */
export const analyticsResolvers: Record<string, Resolvers> = {
  'analytics/graph': graphResolvers,
  'analytics/ego-network': egoNetworkResolvers,
  'analytics/paths': pathsResolvers,
  'analytics/matrix': matrixResolvers,
  'analytics/coverage': coverageResolvers,
  'analytics/quota-rules': quotaRulesResolvers,
  'analytics/quota-compliance': quotaComplianceResolvers,
  'analytics/indicators': indicatorsResolvers,
  'analytics/centrality': centralityResolvers,
  'analytics/communities': communitiesResolvers,
  'analytics/timeline': timelineResolvers,
  'analytics/exemplars': exemplarsResolvers,
};
