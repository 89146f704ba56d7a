import { ConfigError, loadConfig } from '../../src/config/config';
import { defaultAnalyticsThreads } from '../../src/config/analytics-config';

describe('analytics settings', () => {
  it('size the pool to the machine: one thread per core but one, at least one', () => {
    expect(defaultAnalyticsThreads(1)).toBe(1);
    expect(defaultAnalyticsThreads(2)).toBe(1);
    expect(defaultAnalyticsThreads(16)).toBe(15);
    const c = loadConfig({}).analytics;
    expect(c.threads).toBe(defaultAnalyticsThreads());
    expect(c).toMatchObject({
      queue: Math.max(c.threads * 4, 32),
      workerMemoryMb: 1024,
      cacheEntries: 256,
      maxLinks: 2_000_000,
      betweennessSamples: 256,
      betweennessExactWork: 200_000_000,
      retryAfterSeconds: 2,
      workerNice: 10,
    });
  });

  it('take the documented variables', () => {
    const c = loadConfig({
      ANALYTICS_THREADS: '3',
      ANALYTICS_QUEUE: '0',
      BETWEENNESS_SAMPLES: '64',
      ANALYTICS_WORKER_NICE: '0',
    }).analytics;
    expect(c).toMatchObject({ threads: 3, queue: 0, betweennessSamples: 64, workerNice: 0 });
  });

  it.each([
    ['ANALYTICS_THREADS', '0', 'expected an integer from 1 to 256'],
    ['ANALYTICS_THREADS', 'many', 'expected an integer from 1 to 256'],
    ['ANALYTICS_QUEUE', '-1', 'expected an integer from 0 to 100000'],
    ['ANALYTICS_WORKER_MEMORY_MB', '16', 'expected an integer from 64 to 65536'],
    ['BETWEENNESS_SAMPLES', '0', 'expected an integer from 1 to 1000000'],
    ['ANALYTICS_RETRY_AFTER_S', '1.5', 'expected an integer from 1 to 3600'],
    ['ANALYTICS_WORKER_NICE', '20', 'expected an integer from 0 to 19'],
  ])('refuse %s=%s naming the variable', (name, value, expected) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      new ConfigError(`invalid environment variable ${name}=${JSON.stringify(value)}: ${expected}`),
    );
  });
});
