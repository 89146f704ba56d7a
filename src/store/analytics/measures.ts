import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { xoroshiro128plus } from 'pure-rand';
import { AppError } from '../../domain/errors';
import type { Label } from '../../domain/model';
import type { ParentKey } from '../reads/reads';

/**
 * Network measures over a projected pairing network, computed by graphology and its maintained
 * algorithm packages (no database work here). The graph is undirected: a pairing ties its helper
 * and beneficiary both ways, which is what "between" and "central" mean for an assistance network.
 */

export type Measure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

export const parseNodeKey = (key: string): ParentKey => {
  const i = key.indexOf(':');
  return { label: key.slice(0, i) as Label, id: key.slice(i + 1) };
};

/** A projected network as parallel arrays of node keys (`Label:id`) — cheap to send to a worker. */
export interface NetworkEdges {
  helpers: string[];
  beneficiaries: string[];
  /** Pairings per link. */
  weights: number[];
}

/** Builds the graph with nodes and edges in key order, so every measure is deterministic. */
export function graphOfEdges(n: NetworkEdges): UndirectedGraph {
  const g = new UndirectedGraph();
  const edges = n.helpers
    .map((h, i) => [h, n.beneficiaries[i], n.weights[i]] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  const keys = [...new Set(edges.flatMap(([a, b]) => [a, b]))].sort();
  for (const k of keys) g.addNode(k);
  for (const [a, b, w] of edges) g.mergeEdge(a, b, { weight: w });
  return g;
}

/** Scores are rounded to this many decimals, so that structurally tied nodes tie exactly. */
const DECIMALS = 9;
export const round = (x: number) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;

/**
 * Scores of every node:
 *  - DEGREE: distinct partners (helpers of a beneficiary, beneficiaries of a helper);
 *  - BETWEENNESS: unnormalised shortest-path betweenness over hops (Brandes; each unordered pair
 *    of other nodes counted once), ignoring weights;
 *  - PAGERANK: damping 0.85, weighted by pairings per link, tolerance 1e-6 (at most 100 iterations).
 */
export function scores(g: UndirectedGraph, measure: Measure): Map<string, number> {
  const out = new Map<string, number>();
  if (g.order === 0) return out;
  if (measure === 'DEGREE') {
    g.forEachNode((n) => out.set(n, g.degree(n)));
    return out;
  }
  let raw: Record<string, number>;
  try {
    raw =
      measure === 'BETWEENNESS'
        ? betweennessCentrality(g, { getEdgeWeight: null, normalized: false })
        : pagerank(g, { getEdgeWeight: 'weight', alpha: 0.85, tolerance: 1e-6, maxIterations: 100 });
  } catch (e) {
    throw new AppError('INTERNAL_SERVER_ERROR', `${measure} could not be computed`, {}, { cause: e });
  }
  for (const [n, s] of Object.entries(raw)) out.set(n, round(s));
  return out;
}

export interface Ranked {
  key: string;
  score: number;
  /** Competition rank: 1 + the number of nodes with a strictly higher score (ties share a rank). */
  rank: number;
}

/** The `top` best nodes by score (ties broken by key), with competition ranks. */
export function rankTop(s: Map<string, number>, top: number): Ranked[] {
  const sorted = [...s].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const out: Ranked[] = [];
  for (let i = 0; i < Math.min(top, sorted.length); i++) {
    const [key, score] = sorted[i];
    const rank = i > 0 && sorted[i - 1][1] === score ? out[i - 1].rank : i + 1;
    out.push({ key, score, rank });
  }
  return out;
}

export interface CommunityModel {
  /** Members by descending degree, then key. */
  members: string[];
}

export interface Partition {
  communities: CommunityModel[];
  modularity: number;
}

/**
 * Louvain communities (graphology-communities-louvain, resolution 1, weighted), with a fixed seed
 * so the same graph always gives the same partition. Communities by descending size, then by
 * their first member's key.
 */
export function communities(g: UndirectedGraph, seed = 1): Partition {
  if (g.size === 0) return { communities: [], modularity: 0 };
  const gen = xoroshiro128plus(seed);
  const rng = () => (gen.unsafeNext() >>> 0) / 2 ** 32;
  const detailed = louvain.detailed(g, { getEdgeWeight: 'weight', resolution: 1, rng });
  const groups = new Map<number, string[]>();
  for (const [n, c] of Object.entries(detailed.communities)) {
    const members = groups.get(c);
    if (members) members.push(n);
    else groups.set(c, [n]);
  }
  const list = [...groups.values()].map((members) => ({
    members: members.sort((a, b) => g.degree(b) - g.degree(a) || (a < b ? -1 : 1)),
    first: members.reduce((m, k) => (k < m ? k : m)),
  }));
  list.sort((a, b) => b.members.length - a.members.length || (a.first < b.first ? -1 : 1));
  return { communities: list.map(({ members }) => ({ members })), modularity: detailed.modularity };
}
