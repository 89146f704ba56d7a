import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import pino from 'pino';
import { TEST_JWT_SECRET, testToken } from '../support/auth';
import { startTestServer, type TestServer } from '../support/harness';

/**
 * Credentials never reach a log line, whichever channel carries them, and refused credentials
 * cost the caller its rate limit like any other request.
 */
describe('no credential reaches the log', () => {
  const CANARY = `canary${randomUUID().replace(/-/g, '')}`;
  const lines: string[] = [];
  let s: TestServer;
  let valid: string;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    s = await startTestServer({ log: pino({ level: 'trace' }, sink) });
    valid = await testToken('admin', `log-test-${CANARY}`);
  });
  afterAll(() => s.close());

  const gql = JSON.stringify({ query: '{ __typename }' });
  const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: gql };

  /** Every channel a credential travels in: [what, path, init]. */
  const channels = (): [string, string, RequestInit][] => [
    [
      'a valid bearer token',
      '/graphql',
      { ...post, headers: { ...post.headers, authorization: `Bearer ${valid}` } },
    ],
    [
      'a valid token on a failing operation',
      '/graphql',
      {
        ...post,
        headers: { ...post.headers, authorization: `Bearer ${valid}` },
        body: JSON.stringify({ query: '{ nope }' }),
      },
    ],
    [
      'a malformed bearer token',
      '/graphql',
      { ...post, headers: { ...post.headers, authorization: `Bearer ${CANARY}.${CANARY}.${CANARY}` } },
    ],
    [
      'basic credentials',
      '/graphql',
      { ...post, headers: { ...post.headers, authorization: `Basic ${CANARY}` } },
    ],
    [
      'proxy-authorization',
      '/graphql',
      { ...post, headers: { ...post.headers, 'proxy-authorization': `Bearer ${CANARY}` } },
    ],
    [
      'a cookie',
      '/graphql',
      { ...post, headers: { ...post.headers, cookie: `session=${CANARY}; csrf=${CANARY}` } },
    ],
    ['x-api-key', '/graphql', { ...post, headers: { ...post.headers, 'x-api-key': CANARY } }],
    ['x-auth-token', '/graphql', { ...post, headers: { ...post.headers, 'x-auth-token': CANARY } }],
    ['an invented header', '/graphql', { ...post, headers: { ...post.headers, 'x-tenant-secret': CANARY } }],
    [
      'a referer with a token',
      '/graphql',
      { ...post, headers: { ...post.headers, referer: `https://a.example/?t=${CANARY}` } },
    ],
    [
      'a token in the query of a GET',
      `/graphql?query=${encodeURIComponent('{ __typename }')}&access_token=${CANARY}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    ],
    ['a token in the query of a POST', `/graphql?token=${CANARY}`, post],
    [
      'a token on a refused method',
      `/graphql?token=${CANARY}`,
      { method: 'DELETE', headers: { authorization: `Bearer ${CANARY}` } },
    ],
    ['a token on /healthz', `/healthz?token=${CANARY}`, { headers: { authorization: `Bearer ${CANARY}` } }],
    ['a token on /readyz', `/readyz?api_key=${CANARY}`, { headers: { cookie: `s=${CANARY}` } }],
    ['a token on /metrics', `/metrics?token=${CANARY}`, { headers: { authorization: `Bearer ${CANARY}` } }],
    ['a token on the playground', `/playground/?token=${CANARY}`, { headers: { cookie: `s=${CANARY}` } }],
    ['a token on an unknown path', `/nope?token=${CANARY}`, { headers: { 'x-api-key': CANARY } }],
  ];

  it('sends a canary through every channel: the log records each request, never the canary', async () => {
    const ids: string[] = [];
    for (const [what, path, init] of channels()) {
      const id = `req-${ids.length}-${Date.now()}`;
      ids.push(id);
      const res = await fetch(`${s.url}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'x-request-id': id },
      });
      await res.arrayBuffer();
      expect([what, res.headers.get('x-request-id')]).toEqual([what, id]);
    }
    await new Promise((r) => setTimeout(r, 200));
    const log = lines.join('\n');
    // The requests were logged (all but /healthz and /metrics, which are not logged by design)...
    const logged = ids.filter((id) => log.includes(`"${id}"`));
    expect(logged.length).toBe(ids.length - 2);
    // ...with the header names and paths, but not one credential.
    expect(log).toContain('"authorization":"[Redacted]"');
    expect(log).toContain('"url":"/graphql?token=[Redacted]"');
    expect(log.includes(CANARY)).toBe(false);
    expect(log.includes(valid)).toBe(false);
    expect(log.includes(valid.split('.')[2])).toBe(false);
  });
});

describe('refused credentials count against the caller’s rate limit', () => {
  const ISSUER = 'https://bangfu.test';
  const AUDIENCE = 'bangfu-graph';
  let s: TestServer;
  beforeAll(async () => {
    // One trusted proxy hop, so X-Forwarded-For stands for distinct client addresses on loopback.
    s = await startTestServer({
      hardening: { rateLimitMax: 3, rateLimitWindowMs: 60_000, trustProxyHops: 1 },
      auth: { issuer: ISSUER, audience: AUDIENCE },
    });
  });
  afterAll(() => s.close());

  const now = () => Math.floor(Date.now() / 1000);
  async function token(
    claims: Record<string, unknown>,
    o: { secret?: string; iss?: string | null; aud?: string | null } = {},
  ) {
    let jwt = new SignJWT({
      role: 'admin',
      sub: 'rate-test',
      iat: now(),
      exp: now() + 600,
      ...claims,
    }).setProtectedHeader({ alg: 'HS256' });
    if (o.iss !== null) jwt = jwt.setIssuer(o.iss ?? ISSUER);
    if (o.aud !== null) jwt = jwt.setAudience(o.aud ?? AUDIENCE);
    return `Bearer ${await jwt.sign(new TextEncoder().encode(o.secret ?? TEST_JWT_SECRET))}`;
  }
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

  const badCredentials = async (): Promise<[string, string][]> => [
    ['malformed', 'Bearer aaa.bbb.ccc'],
    ['not a bearer token', 'Basic dXNlcjpwYXNz'],
    ['an unsigned (alg none) token', `Bearer ${b64({ alg: 'none' })}.${b64({ sub: 'x', role: 'admin' })}.x`],
    ['a bad signature', await token({}, { secret: 'another-secret-of-at-least-32-characters!' })],
    ['expired', await token({ iat: now() - 7200, exp: now() - 3600 })],
    ['without exp', await token({ exp: undefined })],
    ['issued in the future', await token({ iat: now() + 3600, exp: now() + 7200 })],
    ['living too long', await token({ exp: now() + 400 * 86_400 })],
    ['the wrong issuer', await token({}, { iss: 'https://evil.example' })],
    ['no audience', await token({}, { aud: null })],
    ['the wrong audience', await token({}, { aud: 'another-service' })],
    ['an unknown role', await token({ role: 'root' })],
    ['no subject', await token({ sub: undefined })],
  ];

  it('answers 401 three times, then 429, for every kind of bad credential', async () => {
    const cases = await badCredentials();
    const seen: [string, number[]][] = [];
    let i = 0;
    for (const [what, authorization] of cases) {
      const ip = `198.51.100.${++i}`;
      const statuses: number[] = [];
      for (let n = 0; n < 4; n++) {
        const res = await fetch(`${s.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization, 'x-forwarded-for': ip },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      seen.push([what, statuses]);
    }
    expect(seen).toEqual(cases.map(([what]) => [what, [401, 401, 401, 429]]));
  });

  it('keeps a verified subject’s own bucket when its address is exhausted by bad tokens', async () => {
    const ip = '198.51.100.200';
    const send = (authorization: string) =>
      fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'x-forwarded-for': ip },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((r) => r.status);
    for (let n = 0; n < 4; n++) await send('Bearer aaa.bbb.ccc');
    expect(await send('Bearer aaa.bbb.ccc')).toBe(429);
    expect(await send(await token({ sub: 'rate-test-good' }))).toBe(200);
  });
});
