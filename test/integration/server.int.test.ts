import { MIGRATIONS, migrate } from '../../src/store/migrations/migrations';
import { startTestServer, type TestServer } from '../support/harness';

describe('the GraphQL service on a real Neo4j', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('answers serverInfo from Neo4j 5.26 Community', async () => {
    const { status, body } = await s.gql(
      '{ serverInfo { version neo4jVersion neo4jEdition database embedded } }',
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        serverInfo: {
          version: 'test',
          neo4jVersion: expect.stringMatching(/^5\.26\.\d+$/),
          neo4jEdition: 'community',
          database: 'neo4j',
          embedded: false,
        },
      },
    });
  });

  it('serves /healthz and /readyz', async () => {
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('counts Cypher statements by access mode and operations by name in /metrics', async () => {
    const before = await s.cypherCount();
    await s.gql('query Info { serverInfo { neo4jVersion } }');
    expect(await s.cypherCount()).toBe(before + 1);
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/^bangfu_cypher_queries_total\{access="read",outcome="ok"\} \d+$/m);
    expect(text).toMatch(
      /^bangfu_graphql_operations_total\{operation="Info",type="query",outcome="ok"\} 1$/m,
    );
    expect(text).toMatch(/^bangfu_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+$/m);
  });

  it('echoes a caller-supplied request id and makes one up otherwise', async () => {
    const given = await fetch(`${s.url}/healthz`, { headers: { 'x-request-id': 'req-42' } });
    expect(given.headers.get('x-request-id')).toBe('req-42');
    const made = await fetch(`${s.url}/healthz`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends GraphQL answers without an ETag (no body is hashed), and static pages with one', async () => {
    const post = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const get = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    const page = await fetch(`${s.url}/playground/`);
    expect([post.status, get.status, page.status]).toEqual([200, 200, 200]);
    expect([post.headers.get('etag'), get.headers.get('etag')]).toEqual([null, null]);
    expect(page.headers.get('etag')).toMatch(/^W\/"/);
  });

  it('applies migrations idempotently: a second run creates nothing', async () => {
    const again = await migrate(s.gateway);
    expect(again.created).toEqual([]);
    expect(again.existing).toHaveLength(MIGRATIONS.length);
    const [ft] = await s.gateway.read(
      't.fulltext',
      "SHOW FULLTEXT INDEXES YIELD name, state, options WHERE name = 'entity_names' RETURN state, options.indexConfig.`fulltext.analyzer` AS analyzer",
    );
    expect(ft).toEqual({ state: 'ONLINE', analyzer: 'cjk' });
  });

  it('rejects an unknown field with a coded error and no Cypher', async () => {
    const before = await s.cypherCount();
    const { status, body } = await s.gql('{ nope }');
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "nope" on type "Query". Did you mean "node" or "nodes"?',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(await s.cypherCount()).toBe(before);
  });
});
