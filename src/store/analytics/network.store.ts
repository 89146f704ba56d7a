import { AppError } from '../../domain/errors';
import type { Gateway } from '../gateway';
import type { ParentKey } from '../reads/reads';
import { communities, parseNodeKey, rankTop, scores, toGraph, type Measure } from './measures';
import { projectPairingNetwork } from './projection.store';
import type { PairingScope } from './specs';

/**
 * Centrality and communities: project the pairing network of a scope (one Cypher statement),
 * then compute in the service with graphology. Bounds keep the work predictable:
 * the projection stops at MAX_LINKS links; BETWEENNESS (Brandes, O(nodes × links)) is refused
 * above MAX_BETWEENNESS_NODES nodes.
 */
export const MAX_LINKS = 60_000;
export const MAX_BETWEENNESS_NODES = 10_000;

export interface ScoredNode {
  key: ParentKey;
  score: number;
  rank: number;
}

export interface CentralityModel {
  measure: Measure;
  scope: PairingScope;
  nodeCount: number;
  edgeCount: number;
  scores: ScoredNode[];
}

export async function centrality(
  gw: Gateway,
  scope: PairingScope,
  measure: Measure,
  top: number,
): Promise<CentralityModel> {
  const g = toGraph(await projectPairingNetwork(gw, scope, MAX_LINKS));
  if (measure === 'BETWEENNESS' && g.order > MAX_BETWEENNESS_NODES) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `BETWEENNESS is limited to ${MAX_BETWEENNESS_NODES} nodes; the pairing network in scope has ${g.order}: narrow it with areaId or filter`,
      { argument: 'areaId', nodes: g.order },
    );
  }
  return {
    measure,
    scope,
    nodeCount: g.order,
    edgeCount: g.size,
    scores: rankTop(scores(g, measure), top).map((r) => ({
      key: parseNodeKey(r.key),
      score: r.score,
      rank: r.rank,
    })),
  };
}

const HELPER_LABELS: ReadonlySet<string> = new Set(['Organization', 'Person', 'Enterprise']);

export interface CommunityModel {
  index: number;
  /** Members, most partners first. */
  members: ParentKey[];
  helpers: number;
}

export interface CommunitiesModel {
  scope: PairingScope;
  nodeCount: number;
  edgeCount: number;
  modularity: number;
  communities: CommunityModel[];
}

export async function communityPartition(gw: Gateway, scope: PairingScope): Promise<CommunitiesModel> {
  const g = toGraph(await projectPairingNetwork(gw, scope, MAX_LINKS));
  const p = communities(g);
  return {
    scope,
    nodeCount: g.order,
    edgeCount: g.size,
    modularity: p.modularity,
    communities: p.communities.map((c, index) => {
      const members = c.members.map(parseNodeKey);
      return { index, members, helpers: members.filter((m) => HELPER_LABELS.has(m.label)).length };
    }),
  };
}
