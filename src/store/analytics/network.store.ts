import type { Gateway } from '../gateway';
import type { ParentKey } from '../reads/reads';
import type { AnalyticsEngine } from './analytics-engine';
import { MAX_LISTED, type NetworkSource } from './analytics-task';
import { parseNodeKey, type Measure } from './measures';
import { projectionStatement } from './projection.store';
import type { PairingScope } from './specs';

/**
 * Centrality and communities: a worker thread (AnalyticsPool) reads the pairing network of a
 * scope (one Cypher statement, on its own driver) and computes on it; the result is kept
 * (AnalyticsCache). The
 * projection stops at `maxLinks` links (ANALYTICS_MAX_LINKS); degree, PageRank and Louvain are
 * exact at any size within it, betweenness is exact while nodes × links stays small enough and
 * estimated from sampled sources beyond (betweenness.ts states the method and its error bound).
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
 * Runs `compute` on the network of `scope`, read by the worker, and counts the worker's statement
 * with the request's (metrics, statements per request) like any other.
 */
async function computed<T extends { readMs: number | null }>(
  gw: Gateway,
  compute: (network: NetworkSource) => Promise<T>,
  scope: PairingScope,
  maxLinks: number,
): Promise<T> {
  const deadline = gw.deadline;
  const network: NetworkSource = {
    read: {
      connection: gw.connection,
      statement: projectionStatement(scope, maxLinks),
      timeoutMs: deadline === undefined ? undefined : Math.ceil(deadline - Date.now()),
    },
  };
  const t0 = performance.now();
  try {
    const r = await compute(network);
    gw.report(PROJECTION, 'read', r.readMs ?? 0, true);
    return r;
  } catch (e) {
    gw.report(PROJECTION, 'read', performance.now() - t0, false);
    throw e;
  }
}

const PROJECTION = 'analytics.projection';

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
  const r = await engine.cache.get(gw, keyOf('centrality', scope, { measure }), scope.areaId, () =>
    computed(
      gw,
      (network) =>
        engine.pool.run(
          {
            kind: 'centrality',
            measure,
            network,
            samples: c.betweennessSamples,
            exactWork: c.betweennessExactWork,
          },
          gw.deadline,
        ),
      scope,
      c.maxLinks,
    ),
  );
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
  const r = await engine.cache.get(gw, keyOf('communities', scope), scope.areaId, () =>
    computed(
      gw,
      (network) => engine.pool.run({ kind: 'communities', network }, gw.deadline),
      scope,
      engine.config.maxLinks,
    ),
  );
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
