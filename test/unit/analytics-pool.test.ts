import { analyticsConfig } from '../../src/config/analytics-config';
import { AnalyticsPool } from '../../src/store/analytics/analytics-pool';
import { AppError } from '../../src/domain/errors';
import { QUICK_TASK, SLOW_TASK } from '../support/synthetic-network';

/** The worker pool with real worker threads and real computations (see synthetic-network.ts). */
const slow = SLOW_TASK;
const quick = QUICK_TASK;

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : String(e)),
  );

describe('analytics worker pool', () => {
  let pool: AnalyticsPool;
  afterEach(() => pool?.close());

  it('a computation past its deadline answers TIMEOUT at the deadline and frees its worker', async () => {
    pool = new AnalyticsPool(analyticsConfig({ ANALYTICS_THREADS: 1, ANALYTICS_QUEUE: 0 }));
    // warm the thread, so the deadline measures the computation and not the thread's start
    expect((await pool.run(quick)).nodeCount).toBe(20);
    const t0 = Date.now();
    expect(await codeOf(pool.run(slow, Date.now() + 1_500))).toBe('TIMEOUT');
    const late = Date.now() - t0;
    expect(late).toBeGreaterThanOrEqual(1_400);
    expect(late).toBeLessThan(4_000);
    expect(pool.stats().cancelled).toBe(1);
    // the only thread was stopped and replaced: the next computation runs at once
    const t1 = Date.now();
    const r = await pool.run(quick, Date.now() + 20_000);
    expect(r.ranked[0]).toMatchObject({ score: 2, rank: 1 });
    expect(Date.now() - t1).toBeLessThan(10_000);
  });

  it('a full queue answers ANALYTICS_BUSY with a retry hint at once', async () => {
    pool = new AnalyticsPool(
      analyticsConfig({ ANALYTICS_THREADS: 1, ANALYTICS_QUEUE: 1, ANALYTICS_RETRY_AFTER_S: 3 }),
    );
    const running = codeOf(pool.run(slow, Date.now() + 3_000));
    const queued = codeOf(pool.run(slow, Date.now() + 3_000));
    const t0 = Date.now();
    const refused = await pool.run(quick, Date.now() + 30_000).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'ANALYTICS_BUSY', details: { retryAfterSeconds: 3 } });
    expect((refused as Error).message).toMatch(/retry after 3 s/);
    // the two that were accepted end at their own deadline
    expect([await running, await queued]).toEqual(['TIMEOUT', 'TIMEOUT']);
  });
});
