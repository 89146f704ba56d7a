import { startTestServer, type TestServer } from '../support/harness';

/** The number of series (sample lines) /metrics exposes. */
async function seriesIn(s: TestServer, headers: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`, { headers })).text();
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
}

/**
 * Prometheus series are bounded: no value a request controls — operation name, path, method,
 * header — adds series once the bounded label sets are full.
 */
describe('metrics cardinality', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ metrics: { maxOperationNames: 5 } });
  });
  afterAll(() => s.close());

  const METHODS_A = ['PUT', 'PATCH', 'PROPFIND', 'MKCOL', 'COPY', 'LOCK', 'SEARCH', 'PURGE'];
  const METHODS_B = ['MOVE', 'UNLOCK', 'REPORT', 'LINK', 'UNLINK', 'PROPPATCH', 'MKCALENDAR', 'NOTIFY'];

  /** 200 requests, each with values never sent before: names, paths, methods, headers. */
  async function flood(tag: string, methods: string[]) {
    const sends: Promise<unknown>[] = [];
    const gql = (query: string, operationName?: string) =>
      fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [`x-${tag}-header`]: tag },
        body: JSON.stringify({ query, operationName }),
      }).then((r) => r.arrayBuffer());
    for (let i = 0; i < 60; i++) sends.push(gql(`query ${tag}Op${i} { __typename }`));
    for (let i = 0; i < 20; i++) sends.push(gql(`query ${tag}${'Long'.repeat(100)}${i} { __typename }`));
    for (let i = 0; i < 20; i++) sends.push(gql(`query ${tag}Broken${i} { nope }`));
    for (let i = 0; i < 20; i++) sends.push(gql(`mutation ${tag}Mut${i} { nope }`));
    for (let i = 0; i < 20; i++) sends.push(gql(`query ${tag}Q${i} { __typename }`, `${tag}Missing${i}`));
    for (let i = 0; i < 40; i++)
      sends.push(fetch(`${s.url}/${tag}/path-${i}?q=${i}`).then((r) => r.arrayBuffer()));
    for (const method of methods)
      for (const path of ['/graphql', '/healthz', `/${tag}-${method}`])
        sends.push(
          fetch(`${s.url}${path}`, { method })
            .then((r) => r.arrayBuffer())
            .catch(() => undefined),
        );
    await Promise.all(sends);
  }

  it('adds no series for a second flood of new values, and stays below the values sent', async () => {
    await seriesIn(s); // the scrape's own series (GET /metrics 200) exist from here on
    await flood('alpha', METHODS_A);
    const afterA = await seriesIn(s);
    await flood('beta', METHODS_B);
    const afterB = await seriesIn(s);
    expect(afterB).toBe(afterA);
    expect(afterA).toBeLessThan(200);
    const text = await (await fetch(`${s.url}/metrics`)).text();
    // The first five names are labelled; the rest are `other`.
    expect(text).toMatch(
      /bangfu_graphql_operations_total\{operation="alphaOp0",type="query",outcome="ok"\} 1/,
    );
    expect(text).toMatch(
      /bangfu_graphql_operations_total\{operation="other",type="query",outcome="ok"\} \d+/,
    );
    expect(text).not.toMatch(/betaOp/);
    expect(text).toMatch(/bangfu_http_requests_total\{method="other",route="other",status="404"\} \d+/);
  });
});

describe('metrics with an allow-list of operation names', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ metrics: { operationNames: ['VillagePage'] } });
  });
  afterAll(() => s.close());

  it('labels only the listed names', async () => {
    await s.gql('query VillagePage { __typename }');
    await s.gql('query Unlisted { __typename }');
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/operation="VillagePage",type="query",outcome="ok"\} 1\n/);
    expect(text).toMatch(/operation="other",type="query",outcome="ok"\} 1\n/);
    expect(text).not.toMatch(/Unlisted/);
  });
});

describe('/metrics behind METRICS_TOKEN', () => {
  const TOKEN = 'metrics-scrape-token-of-the-tests';
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ metrics: { token: TOKEN } });
  });
  afterAll(() => s.close());

  it('answers 401 without the token or with another, 200 with it', async () => {
    const scrape = async (headers: Record<string, string>) => {
      const res = await fetch(`${s.url}/metrics`, { headers });
      return { status: res.status, text: await res.text(), auth: res.headers.get('www-authenticate') };
    };
    expect(await scrape({})).toEqual({
      status: 401,
      auth: 'Bearer realm="metrics"',
      text: JSON.stringify({
        errors: [
          {
            message: '/metrics needs the METRICS_TOKEN bearer token',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      }),
    });
    expect((await scrape({ authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await scrape({ authorization: TOKEN })).status).toBe(401);
    const ok = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE bangfu_http_requests_total counter');
  });
});
