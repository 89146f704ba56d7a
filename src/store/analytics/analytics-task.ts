import type { UndirectedGraph } from 'graphology';
import { HELPER_LABELS } from '../../domain/model';
import { AppError } from '../../domain/errors';
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
import { readProjection, type ReadProjection } from './projection-reader';

/**
 * One network computation as it runs in an analytics worker thread (analytics-worker.ts): plain
 * data in, plain data out, no service state, so it can run in any thread and its result can be
 * cached. The network is given, or read by the thread itself (projection-reader.ts), so that
 * the projection's rows never pass through the service's event loop.
 */

/** Most nodes, communities and members an answer lists (the schema's `top`/`first` maxima). */
export const MAX_LISTED = 100;

/** The network to compute on: given, or to be read by the worker. */
export type NetworkSource = { edges: NetworkEdges } | { read: ReadProjection };

export type AnalyticsTask =
  | {
      kind: 'centrality';
      measure: Measure;
      network: NetworkSource;
      /** Sampled sources of approximate betweenness, and the exact-work threshold (betweenness.ts). */
      samples: number;
      exactWork: number;
    }
  | { kind: 'communities'; network: NetworkSource };

/** The worker's projection statement, when it sent one: how long it took and whether it succeeded. */
export interface ReadReport {
  read: { ms: number; ok: boolean } | null;
}

export interface CentralityResult extends ReadReport {
  nodeCount: number;
  edgeCount: number;
  /** The best MAX_LISTED nodes, competition-ranked. */
  ranked: Ranked[];
  approximate: boolean;
  samples: number | null;
  errorBound: number | null;
  confidence: number | null;
}

export interface CommunitiesResult extends ReadReport {
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

/** A failure as it crosses back to the service: a thread's errors lose their code when cloned. */
export interface TaskFailure extends ReadReport {
  failed: { code: AppError['code']; message: string; details: Record<string, unknown> };
}

export type TaskOutcome = CentralityResult | CommunitiesResult | TaskFailure;

/** Runs `t`; a failure comes back as data (TaskFailure), so its code survives the thread boundary. */
export async function runAnalyticsTask(t: AnalyticsTask): Promise<TaskOutcome> {
  const report: ReadReport = { read: null };
  try {
    return await run(t, report);
  } catch (e) {
    if (e instanceof AppError)
      return { ...report, failed: { code: e.code, message: e.message, details: { ...e.details } } };
    throw e;
  }
}

async function run(t: AnalyticsTask, report: ReadReport): Promise<CentralityResult | CommunitiesResult> {
  let edges: NetworkEdges;
  if ('edges' in t.network) edges = t.network.edges;
  else {
    const t0 = performance.now();
    try {
      edges = await readProjection(t.network.read);
      report.read = { ms: performance.now() - t0, ok: true };
    } catch (e) {
      report.read = { ms: performance.now() - t0, ok: false };
      throw e;
    }
  }
  const { read } = report;
  const g = graphOfEdges(edges);
  if (t.kind === 'communities') {
    const p = communities(g);
    return {
      read,
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
      read,
      nodeCount: g.order,
      edgeCount: g.size,
      ranked: rankTop(scores(g, t.measure), MAX_LISTED),
      ...exact,
    };
  }
  const b = betweennessOf(g, t);
  return {
    read,
    nodeCount: g.order,
    edgeCount: g.size,
    ranked: rankTop(b.scores, MAX_LISTED),
    ...b.method,
  };
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
