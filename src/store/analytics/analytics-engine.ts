import type { AnalyticsConfig } from '../../config/analytics-config';
import { AnalyticsCache } from './analytics-cache';
import { AnalyticsPool } from './analytics-pool';

/**
 * What network measures need from the service, one per process: the worker pool, the result
 * cache and the bounds of a computation. Created with the HTTP service and closed with it.
 */
export class AnalyticsEngine {
  readonly pool: AnalyticsPool;
  readonly cache: AnalyticsCache;

  constructor(readonly config: AnalyticsConfig) {
    this.pool = new AnalyticsPool(config);
    this.cache = new AnalyticsCache(config.cacheEntries);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
