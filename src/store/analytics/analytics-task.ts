import type { UndirectedGraph } from 'graphology';
import { HELPER_LABELS } from '../../domain/model';
import { betweenness, toAdjacency } from './betweenness';
import {
  communities,
  graphOfEdges,
  rankTop,
  round,
  scores,
  type Measure,
  type NetworkEdges,
  type Ranked,
} from './measures';

/**
 * One network computation as it runs in an analytics worker thread (analytics-worker.ts): plain
 * data in, plain data out, no database and no service state, so it can run in any thread and its
 * result can be cached.
 */

/** Most nodes, communities and members an answer lists (the schema's `top`/`first` maxima). */
export const MAX_LISTED = 100;

export type AnalyticsTask =
  | {
      kind: 'centrality';
      measure: Measure;
      edges: NetworkEdges;
      /** Sampled sources of approximate betweenness, and the exact-work threshold (betweenness.ts). */
      samples: number;
      exactWork: number;
    }
  | { kind: 'communities'; edges: NetworkEdges };

export interface CentralityResult {
  nodeCount: number;
  edgeCount: number;
  /** The best MAX_LISTED nodes, competition-ranked. */
  ranked: Ranked[];
  approximate: boolean;
  samples: number | null;
  errorBound: number | null;
  confidence: number | null;
}

export interface CommunitiesResult {
  nodeCount: number;
  edgeCount: number;
  modularity: number;
  /** How many communities in all. */
  count: number;
  /** The largest MAX_LISTED communities, each with its first MAX_LISTED members. */
  communities: { size: number; helpers: number; members: string[] }[];
}

const HELPERS: ReadonlySet<string> = new Set(HELPER_LABELS);
const isHelper = (key: string) => HELPERS.has(key.slice(0, key.indexOf(':')));

export function runAnalyticsTask(t: AnalyticsTask): CentralityResult | CommunitiesResult {
  const g = graphOfEdges(t.edges);
  if (t.kind === 'communities') {
    const p = communities(g);
    return {
      nodeCount: g.order,
      edgeCount: g.size,
      modularity: p.modularity,
      count: p.communities.length,
      communities: p.communities.slice(0, MAX_LISTED).map((c) => ({
        size: c.members.length,
        helpers: c.members.filter(isHelper).length,
        members: c.members.slice(0, MAX_LISTED),
      })),
    };
  }
  const exact = { approximate: false, samples: null, errorBound: null, confidence: null };
  if (t.measure !== 'BETWEENNESS') {
    return {
      nodeCount: g.order,
      edgeCount: g.size,
      ranked: rankTop(scores(g, t.measure), MAX_LISTED),
      ...exact,
    };
  }
  const b = betweennessOf(g, t);
  return { nodeCount: g.order, edgeCount: g.size, ranked: rankTop(b.scores, MAX_LISTED), ...b.method };
}

/** Betweenness by betweenness.ts over the graph's nodes in key order (deterministic). */
function betweennessOf(g: UndirectedGraph, o: { samples: number; exactWork: number }) {
  const keys = g.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const pairs = new Int32Array(g.size * 2);
  let i = 0;
  g.forEachEdge((_e, _a, s, d) => {
    pairs[i++] = index.get(s)!;
    pairs[i++] = index.get(d)!;
  });
  const b = betweenness(toAdjacency(keys.length, pairs), o);
  const out = new Map<string, number>();
  keys.forEach((k, j) => out.set(k, round(b.scores[j])));
  const { approximate, samples, errorBound, confidence } = b;
  return { scores: out, method: { approximate, samples, errorBound, confidence } };
}
