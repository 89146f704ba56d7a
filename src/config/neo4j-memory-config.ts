import os from 'node:os';
import { z } from 'zod';

/**
 * Memory of the embedded Neo4j (ignored with NEO4J_URI). Unset: sized from the memory available
 * at start (src/store/embedded/memory-sizing.ts). Documented in docs/deployment.md and `.env.example`.
 */
export interface Neo4jMemoryConfig {
  /** JVM heap (NEO4J_HEAP_SIZE), bytes; null: by the rule. */
  readonly heapBytes: number | null;
  /** Page cache (NEO4J_PAGECACHE_SIZE), bytes; null: by the rule. */
  readonly pageCacheBytes: number | null;
}

const UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A size such as `512m` or `4g` (k, m, g: binary units, as the JVM and Neo4j read them), within bounds. */
const size = (min: number, what: string) =>
  z
    .string()
    .regex(/^\d+[kmg]$/i, `expected ${what} such as 512m or 4g (a whole number and k, m or g)`)
    .transform((s) => Number(s.slice(0, -1)) * UNITS[s.slice(-1).toLowerCase()])
    .refine((n) => n >= min, `expected ${what} of at least ${min / 1024 ** 2}m`)
    .refine((n) => n <= os.totalmem(), `expected ${what} no larger than this machine's memory`);

/** The environment variables of this module, merged into the schema of `loadConfig`. */
export const NEO4J_MEMORY_ENV = {
  NEO4J_HEAP_SIZE: size(128 * 1024 ** 2, 'a heap size').optional(),
  NEO4J_PAGECACHE_SIZE: size(8 * 1024 ** 2, 'a page cache size').optional(),
};

type MemoryEnv = z.output<ReturnType<typeof z.object<typeof NEO4J_MEMORY_ENV>>>;

export function neo4jMemoryConfig(e: Partial<MemoryEnv>): Neo4jMemoryConfig {
  return Object.freeze({
    heapBytes: e.NEO4J_HEAP_SIZE ?? null,
    pageCacheBytes: e.NEO4J_PAGECACHE_SIZE ?? null,
  });
}
