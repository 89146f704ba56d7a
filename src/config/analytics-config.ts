import os from 'node:os';
import { z } from 'zod';
import { integer } from './env-schemas';

/**
 * The analytics worker pool, its cache and the size of the networks it accepts. Read by
 * `loadConfig` with the rest of the configuration; documented in docs/analytics.md ("Running
 * network measures") and `.env.example`.
 */
export interface AnalyticsConfig {
  /** Worker threads computing network measures (ANALYTICS_THREADS). */
  readonly threads: number;
  /** Computations that may wait for a thread; one more is refused ANALYTICS_BUSY (ANALYTICS_QUEUE). */
  readonly queue: number;
  /** Old-generation heap of each worker; a computation past it fails, the service does not (ANALYTICS_WORKER_MEMORY_MB). */
  readonly workerMemoryMb: number;
  /** Computed results kept (ANALYTICS_CACHE_ENTRIES; 0 turns the cache off). */
  readonly cacheEntries: number;
  /** Most helper–beneficiary links a measure projects (ANALYTICS_MAX_LINKS). */
  readonly maxLinks: number;
  /** Sampled sources of approximate betweenness (BETWEENNESS_SAMPLES). */
  readonly betweennessSamples: number;
  /** Exact betweenness while nodes × links stays within this many steps (BETWEENNESS_EXACT_WORK). */
  readonly betweennessExactWork: number;
  /**
   * How much lower the workers' scheduling priority is than the service's (ANALYTICS_WORKER_NICE,
   * 0–19; Linux nice steps): the event loop and the database win the CPU while measures run.
   */
  readonly workerNice: number;
  /** Seconds a client refused ANALYTICS_BUSY is asked to wait (ANALYTICS_RETRY_AFTER_S). */
  readonly retryAfterSeconds: number;
}

/**
 * One thread fewer than the machine has cores (at least one), so the event loop keeps a core for
 * HTTP and Neo4j's driver I/O while measures run.
 */
export const defaultAnalyticsThreads = (cores = os.availableParallelism()) => Math.max(1, cores - 1);

/** The environment variables of this module, merged into the schema of `loadConfig`. */
export const ANALYTICS_ENV = {
  ANALYTICS_THREADS: integer(1, 256).optional(),
  ANALYTICS_QUEUE: integer(0, 100_000).optional(),
  ANALYTICS_WORKER_MEMORY_MB: integer(64, 65_536).default(1_024),
  ANALYTICS_CACHE_ENTRIES: integer(0, 1_000_000).default(256),
  ANALYTICS_MAX_LINKS: integer(1, 50_000_000).default(2_000_000),
  BETWEENNESS_SAMPLES: integer(1, 1_000_000).default(256),
  BETWEENNESS_EXACT_WORK: integer(0).default(200_000_000),
  ANALYTICS_RETRY_AFTER_S: integer(1, 3_600).default(2),
  ANALYTICS_WORKER_NICE: integer(0, 19).default(10),
};

type AnalyticsEnv = z.output<ReturnType<typeof z.object<typeof ANALYTICS_ENV>>>;

/**
 * Computations that may wait by default: 4 per thread, and never fewer than 32, so that one
 * document's aliased measures (the filter-law test asks 13 centralities in one query) do not
 * refuse each other on an idle service; the bound is there for many callers at once.
 */
export function defaultAnalyticsQueue(threads: number): number {
  return Math.max(threads * 4, 32);
}

export function analyticsConfig(e: Partial<AnalyticsEnv> = {}): AnalyticsConfig {
  const threads = e.ANALYTICS_THREADS ?? defaultAnalyticsThreads();
  return Object.freeze({
    threads,
    queue: e.ANALYTICS_QUEUE ?? defaultAnalyticsQueue(threads),
    workerMemoryMb: e.ANALYTICS_WORKER_MEMORY_MB ?? 1_024,
    cacheEntries: e.ANALYTICS_CACHE_ENTRIES ?? 256,
    maxLinks: e.ANALYTICS_MAX_LINKS ?? 2_000_000,
    betweennessSamples: e.BETWEENNESS_SAMPLES ?? 256,
    betweennessExactWork: e.BETWEENNESS_EXACT_WORK ?? 200_000_000,
    retryAfterSeconds: e.ANALYTICS_RETRY_AFTER_S ?? 2,
    workerNice: e.ANALYTICS_WORKER_NICE ?? 10,
  });
}
