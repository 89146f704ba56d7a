import { startTestServer, type TestServer } from '../support/harness';

type Err = { message: string; extensions?: Record<string, unknown> };

const ALLOWED = 'https://allowed.example';

/** Which methods each route answers — the HTTP contract, written out by hand. */
const ROUTES: [string, string][] = [
  ['/graphql', 'GET, POST, OPTIONS'],
  ['/graphql/', 'GET, POST, OPTIONS'],
  ['/healthz', 'GET, HEAD, OPTIONS'],
  ['/readyz', 'GET, HEAD, OPTIONS'],
  ['/metrics', 'GET, HEAD, OPTIONS'],
  ['/playground/', 'GET, HEAD, OPTIONS'],
  ['/playground/index.html', 'GET, HEAD, OPTIONS'],
  ['/explorer/', 'GET, HEAD, OPTIONS'],
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND', 'SEARCH'];

describe('HTTP methods: every method a route does not take is 405 with Allow', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ hardening: { corsOrigins: [ALLOWED] } });
  });
  afterAll(() => s.close());

  it.each(ROUTES)('%s allows exactly %s', async (route, allow) => {
    const allowed = allow.split(', ');
    const seen: [string, number, string | null][] = [];
    for (const method of METHODS) {
      const res = await fetch(`${s.url}${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
      });
      const text = await res.text();
      if (!allowed.includes(method)) {
        seen.push([method, res.status, res.headers.get('allow')]);
        if (method === 'HEAD') continue; // a HEAD answer has no body
        expect(JSON.parse(text)).toEqual({
          errors: [
            {
              message: `${method} is not allowed on ${route}; allowed: ${allow}`,
              extensions: { code: 'BAD_USER_INPUT', allow: allowed },
            },
          ],
        });
      } else {
        expect([method, res.status === 405 || res.status === 404]).toEqual([method, false]);
      }
    }
    expect(seen).toEqual(
      METHODS.filter((m) => !allowed.includes(m)).map((m) => [m, 405, allow] as [string, number, string]),
    );
  });

  it.each(ROUTES)('OPTIONS %s answers 204 with Allow: %s', async (route, allow) => {
    const res = await fetch(`${s.url}${route}`, { method: 'OPTIONS' });
    expect([res.status, res.headers.get('allow')]).toEqual([204, allow]);
  });

  it('answers a preflight from an allowed origin with CORS headers, from another origin without', async () => {
    const preflight = (origin: string) =>
      fetch(`${s.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET,POST');
    const other = await preflight('https://evil.example');
    expect([other.status, other.headers.get('allow')]).toEqual([204, 'GET, POST, OPTIONS']);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

/**
 * Every document limit, exceeded in any way — with real fields or with `__typename` only — is
 * answered 400 QUERY_TOO_COMPLEX naming the limit and its maximum, before any Cypher runs.
 */
describe('document limits: each one, when exceeded, is QUERY_TOO_COMPLEX naming it', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const deep = (levels: number, leaf: string) =>
    `{ adminUnits(first: 1) { edges { node { ${'parent { '.repeat(levels - 4)}${leaf}${' }'.repeat(levels - 4)} } } } }`;

  it.each([
    ['depth', deep(17, 'name'), 16],
    ['depth', deep(17, '__typename'), 16],
    ['aliases', `{ ${repeat(16, (i) => `a${i}: serverInfo { version }`)} }`, 15],
    ['aliases', `{ ${repeat(16, (i) => `a${i}: __typename`)} }`, 15],
    ['aliases', `{ serverInfo { ${repeat(16, (i) => `t${i}: __typename`)} } }`, 15],
    ['directives', `{ serverInfo { ${repeat(51, () => 'version @include(if: true)')} } }`, 50],
    ['directives', `{ ${repeat(51, () => '__typename @skip(if: false)')} }`, 50],
    ['tokens', `{ serverInfo { ${repeat(2_000, () => 'version')} } }`, 2_000],
    ['tokens', `{ ${repeat(2_100, () => '__typename')} }`, 2_000],
    [
      'cost',
      '{ pairings(first: 100) { edges { node { helper { pairings(first: 100) { edges { node { key } } } } } } } }',
      20_000,
    ],
    ['fieldComparisons', `{ ${repeat(800, () => '__typename')} }`, 500_000],
    ['fieldComparisons', `{ ${repeat(460, () => 'serverInfo { version }')} }`, 500_000],
  ])('%s: refused with its name and maximum (%#)', async (limit, query, max) => {
    const before = await s.cypherCount();
    const r = await s.gql(query);
    expect(await s.cypherCount()).toBe(before);
    expect(r.status).toBe(400);
    const errors = (r.body.errors ?? []) as Err[];
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, max });
      expect(e.message).toContain(String(max));
    }
  });

  it.each([
    ['15 __typename aliases', `{ ${repeat(15, (i) => `a${i}: __typename`)} }`],
    ['600 repeated __typename', `{ ${repeat(600, () => '__typename')} }`],
    ['50 directives on __typename', `{ ${repeat(50, () => '__typename @skip(if: false)')} }`],
  ])('accepts %s (just under the limits)', async (_what, query) => {
    const r = await s.gql(query);
    expect([r.status, r.body.errors]).toEqual([200, undefined]);
  });
});
