import type { Gateway } from '../gateway';
import type { ParentKey } from '../reads/reads';
import type { AnalyticsEngine } from './analytics-engine';
import type { OnRead } from './analytics-pool';
import { MAX_LISTED, type NetworkSource } from './analytics-task';
import { parseNodeKey, type Measure } from './measures';
import { projectionStatement } from './projection.store';
import type { PairingScope } from './specs';

/**
 * Centrality and communities: a worker thread (AnalyticsPool) reads the pairing network of a
 * scope (one Cypher statement, on its own driver) and computes on it; the result is kept
 * (AnalyticsCache). The projection stops at `maxLinks` links (ANALYTICS_MAX_LINKS); degree,
 * PageRank and Louvain are exact at any size within it, betweenness is exact while nodes × links
 * stays small enough and estimated from sampled sources beyond (betweenness.ts states the method
 * and its error bound).
 */

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
  /** Whether the scores are estimates (sampled betweenness). */
  approximate: boolean;
  samples: number | null;
  errorBound: number | null;
  confidence: number | null;
}

/**
 * The network of `scope`, to be read by the worker that computes on it, and how the request learns
 * of that statement (it counts like any other: metrics, statements per request).
 */
function networkOf(gw: Gateway, scope: PairingScope, maxLinks: number) {
  const deadline = gw.deadline;
  const network: NetworkSource = {
    read: {
      connection: gw.connection,
      statement: projectionStatement(scope, maxLinks),
      timeoutMs: deadline === undefined ? undefined : Math.ceil(deadline - Date.now()),
    },
  };
  const onRead: OnRead = (ms, ok) => gw.report('analytics.projection', 'read', ms, ok);
  return { network, onRead };
}

/** The cache key of a computation: its kind, parameters and scope. */
const keyOf = (kind: string, scope: PairingScope, extra: object = {}) =>
  JSON.stringify([kind, scope.areaId, scope.on, scope.filter ?? null, extra]);

export async function centrality(
  gw: Gateway,
  engine: AnalyticsEngine,
  scope: PairingScope,
  measure: Measure,
  top: number,
): Promise<CentralityModel> {
  const c = engine.config;
  const r = await engine.cache.get(gw, keyOf('centrality', scope, { measure }), scope.areaId, () => {
    const { network, onRead } = networkOf(gw, scope, c.maxLinks);
    const task = {
      kind: 'centrality',
      measure,
      network,
      samples: c.betweennessSamples,
      exactWork: c.betweennessExactWork,
    } as const;
    return engine.pool.run(task, gw.deadline, onRead);
  });
  return {
    measure,
    scope,
    nodeCount: r.nodeCount,
    edgeCount: r.edgeCount,
    scores: r.ranked.slice(0, Math.min(top, MAX_LISTED)).map((s) => ({
      key: parseNodeKey(s.key),
      score: s.score,
      rank: s.rank,
    })),
    approximate: r.approximate,
    samples: r.samples,
    errorBound: r.errorBound,
    confidence: r.confidence,
  };
}

export interface CommunityModel {
  index: number;
  size: number;
  /** The first members, most partners first. */
  members: ParentKey[];
  helpers: number;
}

export interface CommunitiesModel {
  scope: PairingScope;
  nodeCount: number;
  edgeCount: number;
  modularity: number;
  count: number;
  communities: CommunityModel[];
}

export async function communityPartition(
  gw: Gateway,
  engine: AnalyticsEngine,
  scope: PairingScope,
): Promise<CommunitiesModel> {
  const r = await engine.cache.get(gw, keyOf('communities', scope), scope.areaId, () => {
    const { network, onRead } = networkOf(gw, scope, engine.config.maxLinks);
    return engine.pool.run({ kind: 'communities', network }, gw.deadline, onRead);
  });
  return {
    scope,
    nodeCount: r.nodeCount,
    edgeCount: r.edgeCount,
    modularity: r.modularity,
    count: r.count,
    communities: r.communities.map((c, index) => ({
      index,
      size: c.size,
      helpers: c.helpers,
      members: c.members.map(parseNodeKey),
    })),
  };
}
