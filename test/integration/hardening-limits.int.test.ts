import { startTestServer, type TestServer } from '../support/harness';

/** POSTs a raw body to /graphql and returns status, headers and the parsed JSON body. */
async function post(s: TestServer, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: JSON.parse(text) as { data?: unknown; errors?: Err[] },
  };
}
type Err = { message: string; extensions?: Record<string, unknown> };

/** `{ adminUnits(first: 1) { edges { node { parent { parent … { name } } } } } }`, `depth` levels deep. */
const deepQuery = (depth: number) =>
  `{ adminUnits(first: 1) { edges { node { ${'parent { '.repeat(depth - 4)}name${' }'.repeat(depth - 4)} } } } }`;
const aliasQuery = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`;

describe('abuse limits: refused before any Cypher runs, with QUERY_TOO_COMPLEX', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  /** Runs `send` and returns its result and how many Cypher statements it caused. */
  async function counted<T>(send: () => Promise<T>): Promise<[T, number]> {
    const before = await s.cypherCount();
    const r = await send();
    return [r, (await s.cypherCount()) - before];
  }

  it('refuses a depth-20 query and accepts the same shape at depth 16', async () => {
    const [r, cypher] = await counted(() => s.gql(deepQuery(20)));
    expect(cypher).toBe(0);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        message: 'the document exceeds the depth limit of 16 (found 20)',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 16, found: 20 },
      },
    ]);
    const ok = await s.gql(deepQuery(16));
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
  });

  it('refuses a 1,000-alias query (token limit first) and 16 aliases (alias limit)', async () => {
    const [r, cypher] = await counted(() => s.gql(aliasQuery(1_000)));
    expect(cypher).toBe(0);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        message: 'the document has more than 2000 tokens',
        locations: expect.any(Array),
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 2000 },
      },
    ]);
    const [r16, cypher16] = await counted(() => s.gql(aliasQuery(16)));
    expect(cypher16).toBe(0);
    expect(r16.body.errors?.[0]).toMatchObject({
      message: 'the document exceeds the aliases limit of 15 (found 16)',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 15, found: 16 },
    });
    expect((await s.gql(aliasQuery(15))).body.errors).toBeUndefined();
  });

  it('refuses more than 50 directives', async () => {
    const fields = Array.from({ length: 51 }, () => 'version @include(if: true)').join(' ');
    const [r, cypher] = await counted(() => s.gql(`{ serverInfo { ${fields} } }`));
    expect(cypher).toBe(0);
    expect(r.body.errors?.[0]).toMatchObject({
      message: 'the document exceeds the directives limit of 50 (found 51)',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'directives' },
    });
  });

  it('refuses a 1 MB document with 413 before reading it', async () => {
    const query = `{ serverInfo { version } } # ${'x'.repeat(1024 * 1024)}`;
    const [r, cypher] = await counted(() => post(s, JSON.stringify({ query })));
    expect(cypher).toBe(0);
    expect(r.status).toBe(413);
    expect(r.body).toEqual({
      errors: [
        {
          message: 'the request body is larger than 102400 bytes',
          extensions: { code: 'QUERY_TOO_COMPLEX', maxBodyBytes: 102400 },
        },
      ],
    });
  });

  it('refuses a 100-operation batch while batching is off', async () => {
    const batch = JSON.stringify(
      Array.from({ length: 100 }, () => ({ query: '{ serverInfo { version } }' })),
    );
    const [r, cypher] = await counted(() => post(s, batch));
    expect(cypher).toBe(0);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        message: 'batched requests are not accepted: send one operation per request (this batch holds 100)',
        extensions: { code: 'BAD_USER_INPUT', operations: 100, maxBatchOperations: 0 },
      },
    ]);
  });

  it('prices fan-out: two nested pages of 100 cost 20,401, over the limit; of 100 × 50 they pass', async () => {
    const q = `query($n: Int, $m: Int) { pairings(first: $n) { edges { node { helper { pairings(first: $m) {
      edges { node { key } } } } } } } }`;
    const [r, cypher] = await counted(() => s.gql(q, { n: 100, m: 100 }));
    expect(cypher).toBe(0);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        message:
          "the operation's estimated cost 20401 exceeds the limit of 20000: ask for smaller pages or fewer nested lists",
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 20000, found: 20401 },
      },
    ]);
    const ok = await s.gql<{ pairings: { edges: unknown[] } }>(q, { n: 100, m: 50 });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data?.pairings.edges).toHaveLength(100);
  });

  it('counts only a totalCount as cheap: 15 aliased counts of pairings pass', async () => {
    const q = `{ ${Array.from({ length: 15 }, (_, i) => `c${i}: pairings { totalCount }`).join(' ')} }`;
    const r = await s.gql(q);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });
});

describe('batching when MAX_BATCH_OPERATIONS > 0', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ hardening: { maxBatchOperations: 10 } });
  });
  afterAll(() => s.close());

  it('answers a batch of 3 and refuses a batch of 100 with QUERY_TOO_COMPLEX, sending no Cypher', async () => {
    const op = { query: '{ serverInfo { version } }' };
    const ok = await post(s, JSON.stringify([op, op, op]));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual([0, 1, 2].map(() => ({ data: { serverInfo: { version: 'test' } } })));
    const before = await s.cypherCount();
    const r = await post(s, JSON.stringify(Array.from({ length: 100 }, () => op)));
    expect(await s.cypherCount()).toBe(before);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        message: 'a batch may hold at most 10 operations; this one holds 100',
        extensions: { code: 'QUERY_TOO_COMPLEX', operations: 100, maxBatchOperations: 10 },
      },
    ]);
  });
});

describe('rate limiting per token subject or IP', () => {
  let s: TestServer;
  beforeAll(async () => {
    // One trusted proxy hop, so X-Forwarded-For stands for distinct client addresses on loopback.
    s = await startTestServer({
      hardening: { rateLimitMax: 3, rateLimitWindowMs: 60_000, trustProxyHops: 1 },
    });
  });
  afterAll(() => s.close());

  it('answers the 4th request of an address in a window 429 RATE_LIMITED with Retry-After; others go on', async () => {
    const from = (ip: string) =>
      post(s, JSON.stringify({ query: '{ __typename }' }), { 'x-forwarded-for': ip });
    const first = await from('203.0.113.7');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toMatch(/q=3; w=60/);
    await from('203.0.113.7');
    await from('203.0.113.7');
    const limited = await from('203.0.113.7');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({
      errors: [
        {
          message: `too many requests: at most 3 per 60 s; retry after ${retryAfter} s`,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
        },
      ],
    });
    expect((await from('198.51.100.9')).status).toBe(200);
  });
});
