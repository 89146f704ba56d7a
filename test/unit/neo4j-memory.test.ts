import fc from 'fast-check';
import { ConfigError, loadConfig } from '../../src/config/config';
import {
  GiB,
  HEAP_MAX,
  HEAP_MIN,
  MiB,
  PAGECACHE_MIN,
  sizeNeo4jMemory,
  toSizeFlag,
  transactionMemoryFor,
} from '../../src/store/embedded/memory-sizing';

describe('embedded Neo4j memory sizing', () => {
  it('takes half the available memory: a third heap, the rest page cache', () => {
    expect(sizeNeo4jMemory(24 * GiB)).toEqual({
      heapBytes: 4 * GiB,
      pageCacheBytes: 8 * GiB,
      heapFrom: 'rule',
      pageCacheFrom: 'rule',
    });
    // a small machine: the heap floor, the page cache floor
    expect(sizeNeo4jMemory(1 * GiB)).toMatchObject({ heapBytes: HEAP_MIN, pageCacheBytes: PAGECACHE_MIN });
    // a large machine: the heap stops at 8 GiB, the page cache takes the rest of the budget
    expect(sizeNeo4jMemory(128 * GiB)).toMatchObject({ heapBytes: HEAP_MAX, pageCacheBytes: 56 * GiB });
  });

  it('lets open transactions hold 70 % of the sized heap together, not a fixed 256 MiB', () => {
    expect(toSizeFlag(transactionMemoryFor(4 * GiB))).toBe('2867m');
    expect(transactionMemoryFor(HEAP_MIN)).toBe(358 * MiB);
  });

  it('keeps within bounds and within the budget whenever the budget allows (any machine)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 256, max: 4 * 1024 * 1024 }), (availMiB) => {
        const m = sizeNeo4jMemory(availMiB * MiB);
        expect(m.heapBytes).toBeGreaterThanOrEqual(HEAP_MIN);
        expect(m.heapBytes).toBeLessThanOrEqual(HEAP_MAX);
        expect(m.pageCacheBytes).toBeGreaterThanOrEqual(PAGECACHE_MIN);
        expect(m.heapBytes % MiB).toBe(0);
        expect(m.pageCacheBytes % MiB).toBe(0);
        if (availMiB * MiB >= 2 * (HEAP_MIN * 3)) {
          expect(m.heapBytes + m.pageCacheBytes).toBeLessThanOrEqual((availMiB * MiB) / 2);
        }
      }),
    );
  });

  it('an override fixes its part; the other part still comes from the budget', () => {
    expect(sizeNeo4jMemory(24 * GiB, { heapBytes: 2 * GiB })).toEqual({
      heapBytes: 2 * GiB,
      pageCacheBytes: 10 * GiB,
      heapFrom: 'NEO4J_HEAP_SIZE',
      pageCacheFrom: 'rule',
    });
    expect(sizeNeo4jMemory(24 * GiB, { pageCacheBytes: 512 * MiB })).toMatchObject({
      heapBytes: 4 * GiB,
      pageCacheBytes: 512 * MiB,
      pageCacheFrom: 'NEO4J_PAGECACHE_SIZE',
    });
  });

  it('writes sizes in the JVM and Neo4j syntax', () => {
    expect(toSizeFlag(4 * GiB)).toBe('4g');
    expect(toSizeFlag(1536 * MiB)).toBe('1536m');
  });

  it('reads NEO4J_HEAP_SIZE and NEO4J_PAGECACHE_SIZE, refusing bad values by name', () => {
    const c = loadConfig({ NEO4J_HEAP_SIZE: '1g', NEO4J_PAGECACHE_SIZE: '512M' });
    expect(c.neo4j).toMatchObject({
      mode: 'embedded',
      memory: { heapBytes: GiB, pageCacheBytes: 512 * MiB },
    });
    expect(loadConfig({}).neo4j).toMatchObject({ memory: { heapBytes: null, pageCacheBytes: null } });
    expect(() => loadConfig({ NEO4J_HEAP_SIZE: '2 GB' })).toThrow(
      new ConfigError(
        'invalid environment variable NEO4J_HEAP_SIZE="2 GB": expected a heap size such as 512m or 4g (a whole number and k, m or g)',
      ),
    );
    expect(() => loadConfig({ NEO4J_HEAP_SIZE: '64m' })).toThrow(
      new ConfigError(
        'invalid environment variable NEO4J_HEAP_SIZE="64m": expected a heap size of at least 128m',
      ),
    );
    expect(() => loadConfig({ NEO4J_PAGECACHE_SIZE: '100000g' })).toThrow(
      new ConfigError(
        'invalid environment variable NEO4J_PAGECACHE_SIZE="100000g": expected a page cache size no larger than this machine\'s memory',
      ),
    );
  });
});
