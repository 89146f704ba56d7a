/**
 * How much memory the embedded Neo4j takes: sized from the memory available when it starts, unless
 * NEO4J_HEAP_SIZE / NEO4J_PAGECACHE_SIZE say otherwise (parsed in src/config/neo4j-memory-config.ts).
 *
 * Rule: Neo4j may use half of the available memory (the rest stays with the OS file cache, this
 * service and its analytics workers). A third of that budget is JVM heap (queries, transactions),
 * between 512 MiB and 8 GiB (G1 pauses grow with the heap, and Neo4j's guidance caps it near 31 GiB);
 * the rest is page cache (the store's pages in memory, what makes a large store fast), at least
 * 64 MiB. An override fixes one part; the other is still taken from the budget.
 */

export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;

export const HEAP_MIN = 512 * MiB;
export const HEAP_MAX = 8 * GiB;
export const PAGECACHE_MIN = 64 * MiB;

export interface MemoryChoice {
  heapBytes: number;
  pageCacheBytes: number;
  /** Where each size came from, for the log line. */
  heapFrom: 'rule' | 'NEO4J_HEAP_SIZE';
  pageCacheFrom: 'rule' | 'NEO4J_PAGECACHE_SIZE';
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Whole MiB, so the sizes read well in flags and logs. */
const mib = (bytes: number) => Math.floor(bytes / MiB) * MiB;

export function sizeNeo4jMemory(
  availableBytes: number,
  overrides: { heapBytes?: number | null; pageCacheBytes?: number | null } = {},
): MemoryChoice {
  const budget = availableBytes / 2;
  const heapBytes = overrides.heapBytes ?? mib(clamp(budget / 3, HEAP_MIN, HEAP_MAX));
  const pageCacheBytes = overrides.pageCacheBytes ?? mib(Math.max(PAGECACHE_MIN, budget - heapBytes));
  return {
    heapBytes,
    pageCacheBytes,
    heapFrom: overrides.heapBytes != null ? 'NEO4J_HEAP_SIZE' : 'rule',
    pageCacheFrom: overrides.pageCacheBytes != null ? 'NEO4J_PAGECACHE_SIZE' : 'rule',
  };
}

/** `1536m`, `2g`: Neo4j's and the JVM's size syntax. */
export const toSizeFlag = (bytes: number) =>
  bytes % GiB === 0 ? `${bytes / GiB}g` : `${Math.round(bytes / MiB)}m`;

/**
 * The most memory all of Neo4j's open transactions may hold together
 * (`dbms.memory.transaction.total.max`): 70 % of the heap, Neo4j 5's own default. The launcher's
 * fixed 256 MiB (what it gets when run by hand) refused ten whole-graph analytics projections at
 * once at scale 100, and the peer's deep page at scale 1000, although the sized heap had room.
 */
export const transactionMemoryFor = (heapBytes: number) => mib(heapBytes * 0.7);
