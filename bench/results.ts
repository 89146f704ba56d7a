import type { SeedRecord } from './stores';
import type { VariantName } from './servers';

/** What one bench run measured, as written to `.data/bench-results/*.json` and rendered to docs. */

export interface VariantFigures {
  /** Latency at concurrency 1, ms. */
  p50: number;
  p95: number;
  p99: number;
  samples: number;
  /** Requests per second at concurrency 32 (absent when the throughput phase was skipped). */
  rps?: number;
  /** Failed requests during the throughput phase (timeouts, non-2xx, socket errors). */
  errors?: number;
  /** Cypher statements per request. */
  cypher?: number;
}

export interface OperationResult {
  name: string;
  title: string;
  idAnchored: boolean;
  variants: Partial<Record<VariantName, VariantFigures>>;
  /** Why the peer has no figures for an operation it has an equivalent of (e.g. pool exhausted). */
  peerFailure?: string;
}

export interface ScaleResult {
  scale: number;
  seed: SeedRecord;
  seededNow: boolean;
  /** Pairings of the paged helper that match the filter, and the page benchmarked. */
  helperPairings: number;
  pageIndex: number;
  operations: OperationResult[];
  /** Peak resident set size of each variant's process over the whole scale run, MiB. */
  peakRssMiB: Partial<Record<VariantName, number>>;
  /** 1-minute load average sampled every 5 s while the scale ran. */
  load: { mean: number; max: number };
  seconds: number;
}

export interface RunResult {
  startedAt: string;
  settings: { iterations: number; warmup: number; seconds: number; connections: number };
  machine: { cpu: string; cores: number; memoryGiB: number; kernel: string };
  versions: Record<string, string>;
  scales: ScaleResult[];
}

/** Nearest-rank percentile of samples (ms). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
