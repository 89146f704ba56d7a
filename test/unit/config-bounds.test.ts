import { ConfigError, ENV_SCHEMA, loadConfig } from '../../src/config/config';
import { envDeclarationOf } from '../../src/config/env-schemas';

/** Longest delay Node's timers honour; 2^31 ms and more run after 1 ms. */
const TIMER_MAX = 2 ** 31 - 1;
const SAFE = Number.MAX_SAFE_INTEGER;
const MS = (min: number) => `expected milliseconds as an integer from ${min} to ${TIMER_MAX}`;

/**
 * Every integer variable: its bounds and the exact message of a refusal. Where 0 is allowed the
 * comment says what it means (as .env.example and the docs do); a timer never goes past TIMER_MAX.
 */
const INTEGERS: [name: string, min: number, max: number, message: string][] = [
  ['PORT', 1, 65_535, 'expected the HTTP port as an integer 1–65535'],
  ['NEO4J_EMBEDDED_PORT', 1, 65_535, 'expected the embedded Neo4j Bolt port as an integer 1–65535'],
  // 0: shutdown closes in-flight requests at once instead of waiting for them.
  ['SHUTDOWN_TIMEOUT_MS', 0, TIMER_MAX, MS(0)],
  // 0 answered every query TIMEOUT; below 100 ms a read has no time for its round trips.
  ['REQUEST_TIMEOUT_MS', 100, TIMER_MAX, MS(100)],
  // Node reads 0 as "no timeout", which turns the slowloris protection off.
  ['HTTP_HEADERS_TIMEOUT_MS', 100, TIMER_MAX, MS(100)],
  ['HTTP_REQUEST_TIMEOUT_MS', 100, TIMER_MAX, MS(100)],
  ['MAX_BODY_BYTES', 1, SAFE, 'expected an integer ≥ 1'],
  ['MAX_BATCH_OPERATIONS', 0, SAFE, 'expected an integer ≥ 0'], // 0: batching off
  ['MAX_DEPTH', 1, SAFE, 'expected an integer ≥ 1'],
  ['MAX_ALIASES', 0, SAFE, 'expected an integer ≥ 0'], // 0: no aliases
  ['MAX_DIRECTIVES', 0, SAFE, 'expected an integer ≥ 0'], // 0: no directives
  ['MAX_TOKENS', 1, SAFE, 'expected an integer ≥ 1'],
  ['MAX_FILTER_DEPTH', 0, 16, 'expected an integer from 0 to 16'], // 0: no AND/OR/NOT
  ['MAX_FILTER_BRANCHES', 0, SAFE, 'expected an integer ≥ 0'], // 0: no AND/OR/NOT
  ['MAX_FILTER_LIST_VALUES', 1, SAFE, 'expected an integer ≥ 1'],
  ['MAX_COST', 1, SAFE, 'expected an integer ≥ 1'],
  ['RATE_LIMIT_MAX', 0, SAFE, 'expected an integer ≥ 0'], // 0: rate limiting off
  ['RATE_LIMIT_WINDOW_MS', 1, TIMER_MAX, MS(1)],
  ['TRUST_PROXY_HOPS', 0, SAFE, 'expected an integer ≥ 0'], // 0: no proxy is believed
  ['METRICS_MAX_OPERATION_NAMES', 0, SAFE, 'expected an integer ≥ 0'], // 0: every name is `other`
  ['LEDGER_POLL_MS', 50, TIMER_MAX, MS(50)],
  ['WS_MAX_SUBSCRIPTIONS_PER_CONNECTION', 1, SAFE, 'expected a count as an integer ≥ 1'],
  ['WS_MAX_CONNECTIONS_PER_CALLER', 1, SAFE, 'expected a count as an integer ≥ 1'],
  ['WS_KEEPALIVE_MS', 1_000, TIMER_MAX, MS(1_000)],
  ['ANALYTICS_THREADS', 1, 256, 'expected an integer from 1 to 256'],
  ['ANALYTICS_QUEUE', 0, 100_000, 'expected an integer from 0 to 100000'], // 0: no waiting
  ['ANALYTICS_WORKER_MEMORY_MB', 64, 65_536, 'expected an integer from 64 to 65536'],
  ['ANALYTICS_CACHE_ENTRIES', 0, 1_000_000, 'expected an integer from 0 to 1000000'], // 0: no cache
  ['ANALYTICS_MAX_LINKS', 1, 50_000_000, 'expected an integer from 1 to 50000000'],
  ['BETWEENNESS_SAMPLES', 1, 1_000_000, 'expected an integer from 1 to 1000000'],
  ['BETWEENNESS_EXACT_WORK', 0, SAFE, 'expected an integer ≥ 0'], // 0: always sampled
  ['ANALYTICS_RETRY_AFTER_S', 1, 3_600, 'expected an integer from 1 to 3600'],
  ['ANALYTICS_WORKER_NICE', 0, 19, 'expected an integer from 0 to 19'], // 0: the service's priority
  ['PLAN_CACHE_SIZE', 1, 100_000, 'expected an integer from 1 to 100000'],
];

/** Variables that read a number but are written with a unit (`30s`, `8h`): token-lifetime.test.ts. */
const DURATIONS = ['AUTH_TOKEN_MAX_LIFETIME', 'AUTH_CLOCK_TOLERANCE'];

const refusal = (name: string, value: string, message: string) =>
  new ConfigError(`invalid environment variable ${name}=${JSON.stringify(value)}: ${message}`);

describe('integer variables', () => {
  it('refuse REQUEST_TIMEOUT_MS=0, which answered every query TIMEOUT', () => {
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(
      new ConfigError(
        'invalid environment variable REQUEST_TIMEOUT_MS="0": expected milliseconds as an integer from 100 to 2147483647',
      ),
    );
  });

  it('the table covers every variable that reads a number, with the bounds its schema declares', () => {
    const numeric = Object.entries(ENV_SCHEMA.shape)
      .filter(([, schema]) =>
        ['0', '1', '100', '65535'].some((v) => typeof schema.safeParse(v).data === 'number'),
      )
      .map(([name]) => name);
    expect(numeric.sort()).toEqual([...INTEGERS.map(([name]) => name), ...DURATIONS].sort());
    const declared = Object.fromEntries(
      Object.entries(ENV_SCHEMA.shape)
        .map(([name, schema]) => [name, envDeclarationOf(schema).integer] as const)
        .filter(([, bounds]) => bounds !== undefined),
    );
    expect(declared).toEqual(Object.fromEntries(INTEGERS.map(([name, min, max]) => [name, { min, max }])));
  });

  it('every millisecond variable becomes a timer and stays within 2^31 − 1', () => {
    const ms = Object.keys(ENV_SCHEMA.shape).filter((name) => name.endsWith('_MS'));
    for (const name of ms) expect(INTEGERS.find((row) => row[0] === name)?.[2]).toBe(TIMER_MAX);
  });

  describe.each(INTEGERS)('%s (%i to %i)', (name, min, max, message) => {
    it.each([
      ['-1', '-1'],
      ['1.5', '1.5'],
      ['1e3', '1e3'],
      ['" 5"', ' 5'],
      ['ten', 'ten'],
      ['400 nines (Infinity as a Number)', '9'.repeat(400)],
    ])('refuses %s', (_, value) => {
      expect(() => loadConfig({ [name]: value })).toThrow(refusal(name, value, message));
    });

    it.each([
      ['0', 0],
      ['2^31', 2 ** 31],
      ['below the least', min - 1],
      ['above the most', max + 1],
    ])('refuses %s when out of bounds, naming the variable', (_, n) => {
      const value = String(n);
      if (n >= min && n <= max) expect(() => loadConfig({ [name]: value })).not.toThrow();
      else expect(() => loadConfig({ [name]: value })).toThrow(refusal(name, value, message));
    });

    it.each([min, max, Math.round((min + Math.min(max, 100_000)) / 2)])('accepts %i', (n) => {
      expect(ENV_SCHEMA.shape[name as keyof typeof ENV_SCHEMA.shape].parse(String(n))).toBe(n);
      expect(() => loadConfig({ [name]: String(n) })).not.toThrow();
    });
  });
});
