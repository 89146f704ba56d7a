import type { Request } from 'express';
import { buildASTSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { ConfigError, loadConfig } from '../../src/config/config';
import { loadTypeDefs } from '../../src/graphql/schema';
import { DatabaseBreaker } from '../../src/server/plugins/use-circuit-breaker';
import { fanOutEstimator } from '../../src/server/plugins/use-query-cost';
import fc from 'fast-check';
import { rateLimitKey } from '../../src/server/rate-limit';
import { readiness } from '../../src/server/readiness';

describe('hardening configuration', () => {
  it('has the documented defaults, with introspection and suggestions off only in production', () => {
    const dev = loadConfig({}).hardening;
    expect(dev).toMatchObject({
      requestTimeoutMs: 10_000,
      maxBodyBytes: 102_400,
      maxBatchOperations: 0,
      maxDepth: 16,
      maxAliases: 15,
      maxDirectives: 50,
      maxTokens: 2_000,
      maxCost: 20_000,
      rateLimitMax: 600,
      rateLimitWindowMs: 60_000,
      introspection: true,
      fieldSuggestions: true,
      corsOrigins: [],
    });
    const prod = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      PII_HASH_SALT: 'y'.repeat(16),
    });
    expect(prod.hardening).toMatchObject({ introspection: false, fieldSuggestions: false });
    const opened = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      PII_HASH_SALT: 'y'.repeat(16),
      INTROSPECTION: 'true',
    });
    expect(opened.hardening.introspection).toBe(true);
  });

  it('reads a CORS allow-list and names a bad variable', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080' }).hardening.corsOrigins,
    ).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(
      /^invalid environment variable CORS_ORIGINS="\*"/,
    );
    expect(() => loadConfig({ MAX_DEPTH: '0' })).toThrow(
      new ConfigError('invalid environment variable MAX_DEPTH="0": expected an integer ≥ 1'),
    );
  });
});

describe('rateLimitKey', () => {
  const req = (o: object) => ({ ip: '203.0.113.7', socket: {}, ...o }) as unknown as Request;
  it('keys a verified viewer by token subject, anyone else by address', () => {
    expect(rateLimitKey(req({ viewer: { anonymous: false, subject: 'analyst-7' } }))).toBe('sub:analyst-7');
    expect(rateLimitKey(req({ viewer: { anonymous: true, subject: null } }))).toBe('ip:203.0.113.7');
    expect(rateLimitKey(req({}))).toBe('ip:203.0.113.7');
  });
  it('groups IPv6 addresses of one /56', () => {
    expect(rateLimitKey(req({ ip: '2001:db8:1:100::1' }))).toBe(
      rateLimitKey(req({ ip: '2001:db8:1:1ff::2' })),
    );
  });
});

describe('DatabaseBreaker', () => {
  it('opens on SERVICE_UNAVAILABLE, lets one probe through after the cool-down, closes on success', () => {
    let now = 0;
    const b = new DatabaseBreaker(1_000, () => now);
    expect(b.admit()).toBe('pass');
    b.record('pass', 'unavailable');
    expect(b.admit()).toBe('reject');
    now = 1_000;
    expect(b.admit()).toBe('probe');
    expect(b.admit()).toBe('reject');
    b.record('probe', 'unavailable');
    now = 1_500;
    expect(b.admit()).toBe('reject');
    now = 2_000;
    expect(b.admit()).toBe('probe');
    b.record('probe', 'reached');
    expect(b.isOpen).toBe(false);
    expect(b.admit()).toBe('pass');
  });
  it('forgets a probe that never reported back', () => {
    let now = 0;
    const b = new DatabaseBreaker(1_000, () => now);
    b.record('pass', 'unavailable');
    now = 1_000;
    expect(b.admit()).toBe('probe');
    now = 31_001;
    expect(b.admit()).toBe('probe');
  });
});

describe('readiness and the circuit breaker share one state', () => {
  type Step =
    | { kind: 'operation'; outcome: 'unavailable' | 'reached' | 'untested' }
    | { kind: 'readyz'; databaseUp: boolean }
    | { kind: 'wait'; ms: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('operation' as const),
      outcome: fc.constantFrom('unavailable' as const, 'reached' as const, 'untested' as const),
    }),
    fc.record({ kind: fc.constant('readyz' as const), databaseUp: fc.boolean() }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3_000 }) }),
  );

  it('after /readyz says ready every operation is admitted; after it says unavailable none is', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        let now = 0;
        const b = new DatabaseBreaker(1_000, () => now);
        for (const s of steps) {
          if (s.kind === 'wait') now += s.ms;
          else if (s.kind === 'operation') {
            const role = b.admit();
            if (role !== 'reject') b.record(role, s.outcome);
          } else {
            const ready = await readiness(b, async () => s.databaseUp);
            expect(ready).toBe(s.databaseUp);
            // Ten requests right after the answer: all pass when ready, all refused when not.
            const admitted = Array.from({ length: 10 }, () => b.admit());
            expect(admitted).toEqual(Array(10).fill(ready ? 'pass' : 'reject'));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fan-out aware cost', () => {
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
  const cost = (query: string, variables = {}) =>
    getComplexity({ schema, query: parse(query), variables, estimators: [fanOutEstimator] });
  it('multiplies nested pages and prices a count alone at 1', () => {
    expect(cost('{ pairings { totalCount } }')).toBe(1);
    expect(cost('{ pairings(first: 100) { edges { node { key } } } }')).toBe(201);
    expect(
      cost(
        'query($n: Int) { pairings(first: $n) { edges { node { helper { pairings(first: 100) { edges { node { key } } } } } } } }',
        { n: 100 },
      ),
    ).toBe(20_401);
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b', 'c'] })).toBe(3);
  });
});

describe('metrics configuration', () => {
  it('is open, first-seen and bounded at 100 by default; reads a token and an allow-list', () => {
    expect(loadConfig({}).metrics).toEqual({ token: null, operationNames: null, maxOperationNames: 100 });
    expect(
      loadConfig({
        METRICS_TOKEN: 't'.repeat(16),
        METRICS_OPERATION_NAMES: 'VillagePage, PairingGraph',
        METRICS_MAX_OPERATION_NAMES: '0',
      }).metrics,
    ).toEqual({
      token: 't'.repeat(16),
      operationNames: ['VillagePage', 'PairingGraph'],
      maxOperationNames: 0,
    });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(
      new ConfigError(
        'invalid environment variable METRICS_TOKEN (5 characters, value not shown): expected a secret of at least 16 characters',
      ),
    );
    expect(() => loadConfig({ METRICS_OPERATION_NAMES: 'a b' })).toThrow(
      /^invalid environment variable METRICS_OPERATION_NAMES="a b": expected a comma-separated list/,
    );
  });
});
