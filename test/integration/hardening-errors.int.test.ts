import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ERROR_CODES } from '../../src/domain/errors';
import { startTestServer, type TestServer } from '../support/harness';

type Err = { message: string; extensions?: Record<string, unknown> };
type Body = { data?: unknown; errors?: Err[] };

async function send(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as Body };
}
const postJson = (s: TestServer, payload: unknown, headers: Record<string, string> = {}) =>
  send(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

describe('error model: every error carries a code from the list', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it.each([
    ['a syntax error', { query: '{ serverInfo { ' }, 400, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', { query: '{ nope }' }, 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['a missing query', { variables: {} }, 400, 'BAD_REQUEST'],
    ['variables as a string', { query: '{ __typename }', variables: '{}' }, 400, 'BAD_REQUEST'],
    [
      'an unknown operation name',
      { query: 'query A { __typename }', operationName: 'B' },
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ],
  ])('%s', async (_what, payload, status, reason) => {
    const r = await postJson(s, payload);
    expect(r.status).toBe(status);
    expect(r.body.errors).toHaveLength(1);
    expect(ERROR_CODES).toContain(r.body.errors?.[0].extensions?.code);
    expect(r.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason });
  });

  it.each([
    ['null', 'null'],
    ['42', 'a number'],
    ['"hello"', 'a string'],
    ['true', 'a boolean'],
  ])('says what a JSON body that is not an object is (%s): it is valid JSON', async (body, kind) => {
    const r = await send(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect([r.status, r.body.errors?.[0]]).toEqual([
      400,
      {
        message: `the request body must be a JSON object such as {"query": "{ __typename }"}, got ${kind}`,
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('says a body that is not JSON is not valid JSON', async () => {
    const r = await send(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect([r.status, r.body.errors?.[0]]).toEqual([
      400,
      { message: 'the request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('reports a variable of the wrong type as BAD_USER_INPUT naming the variable', async () => {
    const r = await s.gql('query($n: Int) { pairings(first: $n) { totalCount } }', { n: 'ten' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        message: 'Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
        locations: [{ line: 1, column: 7 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('refuses a filter nested deeper than 5 as QUERY_TOO_COMPLEX before it runs (a fuzz finding: it was INTERNAL)', async () => {
    const filter = `${'{ NOT: '.repeat(8)}{ level: [BANNER] }${' }'.repeat(8)}`;
    const r = await s.gql(`{ pairings(filter: ${filter}) { totalCount } }`);
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0]).toMatchObject({
      message:
        'pairings.filter has 8 levels of AND/OR/NOT nesting, more than the limit of 5 (MAX_FILTER_DEPTH): split it into several requests',
      extensions: {
        code: 'QUERY_TOO_COMPLEX',
        limit: 'filterDepth',
        max: 5,
        found: 8,
        argument: 'pairings.filter',
      },
    });
  });

  it('keeps field suggestions in development', async () => {
    const r = await s.gql('{ serverInf { version } }');
    expect(r.body.errors?.[0].message).toBe(
      'Cannot query field "serverInf" on type "Query". Did you mean "serverInfo"?',
    );
  });
});

describe('internals never reach the client; the log keeps them under the request id', () => {
  const lines: Record<string, unknown>[] = [];
  let s: TestServer;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    // A database that does not exist: every statement fails with a driver error naming it.
    s = await startTestServer({ database: 'nosuchdb', log: pino({ level: 'info' }, sink) });
  });
  afterAll(() => s.close());

  it('masks a driver failure as INTERNAL_SERVER_ERROR and logs the original with the request id', async () => {
    const r = await postJson(
      s,
      { query: '{ serverInfo { neo4jVersion } }' },
      { 'x-request-id': 'req-mask-1' },
    );
    expect(r.body).toEqual({
      data: null,
      errors: [
        {
          message: 'internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['serverInfo'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(r.text).not.toMatch(/nosuchdb|Neo4j|Neo\.|CALL|RETURN|at \w+ \(/);
    const logged = lines.filter(
      (l) => (l.req as { id?: string } | undefined)?.id === 'req-mask-1' || l.reqId === 'req-mask-1',
    );
    const detail = JSON.stringify(logged);
    expect(detail).toMatch(/nosuchdb/);
    expect(detail).toMatch(/Neo\.ClientError\.Database\.DatabaseNotFound/);
  });
});

describe('production mode', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      hardening: { introspection: false, fieldSuggestions: false, corsOrigins: ['https://analyst.example'] },
    });
  });
  afterAll(() => s.close());

  it('refuses introspection', async () => {
    const r = await s.gql('{ __schema { queryType { name } } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^GraphQL introspection is not allowed/),
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('gives no field suggestions', async () => {
    const r = await s.gql('{ serverInf { version } }');
    expect(r.body.errors?.[0].message).toBe('Cannot query field "serverInf" on type "Query".');
  });

  it('blocks a simple cross-site request (CSRF) and allows one that needed a preflight', async () => {
    const simple = await send(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simple.status).toBe(400);
    expect(simple.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Cross-Site Request Forgery/),
      extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' },
    });
    const get = await send(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const preflighted = await send(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('allows only listed origins (CORS)', async () => {
    const from = (origin: string) => postJson(s, { query: '{ __typename }' }, { origin });
    const allowed = await from('https://analyst.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://analyst.example');
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    const other = await from('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${s.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://analyst.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('serves automatic persisted queries: unknown hash, registration, then hash only', async () => {
    const query = '{ serverInfo { version } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const ext = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await postJson(s, { extensions: ext });
    expect(unknown.body.errors?.[0]).toEqual({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_FOUND' },
    });
    expect((await postJson(s, { query, extensions: ext })).body).toEqual({
      data: { serverInfo: { version: 'test' } },
    });
    expect((await postJson(s, { extensions: ext })).body).toEqual({
      data: { serverInfo: { version: 'test' } },
    });
  });
});
