import { LRUCache } from 'lru-cache';
import type { Gateway } from '../gateway';

/**
 * Computed network measures, kept per (scope, parameters) and valid as long as no committed write
 * touched their scope since they were computed.
 *
 * The graph's version is the ledger position (`AuditSequence.last`, one step per committed audited
 * write, see ledger-position.ts); each audit entry records the administrative units its write
 * touched (`areas`, see audit-areas.ts). An entry for area A, computed at position p, is still
 * valid at position q when no audit entry in (p, q] names A among its areas or has no areas (a
 * write that cannot be located, such as an import or a programme edit, touches every scope). A
 * whole-graph entry is valid only while the position has not moved. The check is one indexed read
 * per request, so every service process sees the writes of every other one: the cache is local,
 * the version is the database's.
 *
 * Concurrent requests for one key share one computation.
 */
export const SCOPE_CHANGES =
  "OPTIONAL MATCH (s:AuditSequence {id: 'ledger'}) WITH coalesce(s.last, 0) AS last " +
  'RETURN last, $since IS NOT NULL AND NOT EXISTS { MATCH (a:AuditEntry) ' +
  'WHERE a.seq > $since AND a.seq <= last AND ($areaId IS NULL OR a.areas IS NULL OR $areaId IN a.areas) } AS unchanged';

interface Entry {
  value: unknown;
  /** The ledger position the value is known to be current at. */
  seq: number;
}

export class AnalyticsCache {
  private readonly lru: LRUCache<string, Entry> | null;
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(maxEntries: number) {
    this.lru = maxEntries > 0 ? new LRUCache<string, Entry>({ max: maxEntries }) : null;
  }

  /** The cached value of `key` in the scope of `areaId` (null = whole graph), or `compute`'s. */
  async get<T>(gw: Gateway, key: string, areaId: string | null, compute: () => Promise<T>): Promise<T> {
    if (this.lru === null) return compute();
    const hit = this.lru.get(key);
    const [row] = await gw.read('analytics.scopeChanges', SCOPE_CHANGES, {
      since: hit?.seq ?? null,
      areaId,
    });
    const last = Number(row.last);
    if (hit && row.unchanged === true) {
      hit.seq = Math.max(hit.seq, last);
      return hit.value as T;
    }
    const running = this.pending.get(key);
    if (running) return running as Promise<T>;
    const work = compute().then((value) => {
      this.lru!.set(key, { value, seq: last });
      return value;
    });
    this.pending.set(key, work);
    try {
      return await work;
    } finally {
      this.pending.delete(key);
    }
  }

  /** Entries held now. */
  get size(): number {
    return this.lru?.size ?? 0;
  }
}
