import fs from 'node:fs';
import { ApolloClient, gql as apolloGql, HttpLink, InMemoryCache } from '@apollo/client';
import { Client as UrqlClient, fetchExchange } from '@urql/core';
import WebSocket from 'ws';
import { createApolloClient } from '../../docs/clients/apollo-client';
import { createUrqlClient } from '../../docs/clients/urql-client';
import { POSSIBLE_TYPES_FILE } from '../../src/server/client-files';
import { startTestServer, type TestServer } from '../support/harness';
import { readmeExamples } from '../support/readme-examples';

/** The client setup of docs/clients.md, as a browser client would meet it. */
describe('client setup (docs/clients.md)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const get = (headers: Record<string, string> = {}) =>
    fetch(`${s.url}/graphql?query=${encodeURIComponent('{ serverInfo { version } }')}`, {
      headers: { accept: 'application/json', ...headers },
    });

  it('refuses a GET without the CSRF header, and says which header to send', async () => {
    const r = await get();
    expect(r.status).toBe(400);
    expect(await r.text()).toMatch(/apollo-require-preflight/);
  });

  it('answers a GET that carries apollo-require-preflight (urql with preferGetMethod)', async () => {
    const r = await get({ 'apollo-require-preflight': 'true' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ data: { serverInfo: { version: 'test' } } });
  });

  it('serves the committed possibleTypes at /possible-types.json', async () => {
    const r = await fetch(`${s.url}/possible-types.json`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await r.json()).toEqual(JSON.parse(fs.readFileSync(POSSIBLE_TYPES_FILE, 'utf8')));
  });
});

/** Every object in a result, depth first. */
function objects(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) v.forEach((x) => objects(x, out));
  else if (v && typeof v === 'object') {
    out.push(v as Record<string, unknown>);
    Object.values(v).forEach((x) => objects(x, out));
  }
  return out;
}

/** A result without the __typename fields the clients add to every selection. */
const untyped = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === '__typename' ? undefined : x)));

/** The object types that implement Node (have a global id), from the published possibleTypes. */
const NODE_TYPES: string[] = JSON.parse(fs.readFileSync(POSSIBLE_TYPES_FILE, 'utf8')).possibleTypes.Node;

describe('Apollo Client 4 set up as docs/clients.md shows (docs/clients/apollo-client.ts)', () => {
  let s: TestServer;
  let village: { id: string; name: string; assisted: number };
  beforeAll(async () => {
    s = await startTestServer();
    const r = await s.gql<{
      search: { edges: { node: { id: string; name: string; assistedBy: { totalCount: number } } }[] };
    }>(
      '{ search(query: "城壕村", kinds: [ADMIN_UNIT], first: 1) { edges { node { id name ... on AdminUnit { assistedBy(first: 1) { totalCount } } } } } }',
    );
    const n = r.body.data!.search.edges[0].node;
    village = { id: n.id, name: n.name, assisted: n.assistedBy.totalCount };
  });
  afterAll(() => s.close());

  const apollo = () => createApolloClient({ origin: s.url, token: () => null, webSocketImpl: WebSocket });

  it.each(readmeExamples().map((e) => [e.name, e] as const))(
    // (analyst-active-on selects only counts: no object to identify, and an empty cache besides the root)
    'README %s: every object with an id is one cache entry, and every Node has its id',
    async (_name, ex) => {
      const client = apollo();
      const { data, error } = await client.query({
        query: apolloGql(ex.query),
        variables: ex.variables,
        fetchPolicy: 'network-only',
      });
      expect(error).toBeUndefined();
      const all = objects(data);
      const nodes = all.filter((o) => NODE_TYPES.includes(String(o.__typename)));
      expect(nodes.filter((o) => typeof o.id !== 'string').map((o) => o.__typename)).toEqual([]);
      const identified = new Set(
        all.filter((o) => typeof o.id === 'string').map((o) => `${o.__typename}:${o.id}`),
      );
      if (!(client.cache instanceof InMemoryCache))
        throw new Error('the documented cache is an InMemoryCache');
      const entries = Object.keys(client.cache.extract()).filter((k) => k !== 'ROOT_QUERY');
      expect(entries.sort()).toEqual([...identified].sort());
      client.stop();
    },
  );

  const FRAGMENTS = apolloGql(`query Fragments($id: ID!) {
    node(id: $id) {
      id
      ... on Entity { name }
      ... on Beneficiary { assistedBy(first: 1) { totalCount } }
    }
  }`);

  it('keeps the fields of fragments on Entity and Beneficiary, in the result and in the cache', async () => {
    const client = apollo();
    const expected = {
      node: {
        __typename: 'AdminUnit',
        id: village.id,
        name: '城壕村',
        assistedBy: { __typename: 'PairingConnection', totalCount: village.assisted },
      },
    };
    const { data } = await client.query({ query: FRAGMENTS, variables: { id: village.id } });
    expect(village.assisted).toBeGreaterThan(0);
    expect(data).toEqual(expected);
    expect(client.cache.readQuery({ query: FRAGMENTS, variables: { id: village.id } })).toEqual(expected);
    client.stop();
  });

  it('(control) without the published possibleTypes the same fragments lose their fields', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: `${s.url}/graphql` }),
      cache: new InMemoryCache(),
    });
    const { data } = await client.query({ query: FRAGMENTS, variables: { id: village.id } });
    expect(data).toEqual({ node: { __typename: 'AdminUnit', id: village.id } });
    client.stop();
  });
});

describe('urql 6 set up as docs/clients.md shows (docs/clients/urql-client.ts)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it.each(readmeExamples().map((e) => [e.name, e] as const))(
    'README %s: runs as a GET with the CSRF header and answers as POST does',
    async (_name, ex) => {
      const fetchSpy = jest.spyOn(globalThis, 'fetch');
      try {
        const client = createUrqlClient({ origin: s.url, token: () => null, webSocketImpl: WebSocket });
        const r = await client.query(ex.query, ex.variables ?? {}).toPromise();
        expect(r.error).toBeUndefined();
        const post = await s.gql(ex.query, ex.variables);
        expect(untyped(r.data)).toEqual(untyped(post.body.data));
        const calls = fetchSpy.mock.calls.filter(([u]) => String(u).startsWith(`${s.url}/graphql`));
        expect(calls.map(([, init]) => init?.method ?? 'GET')).toEqual(['GET', 'POST']);
      } finally {
        fetchSpy.mockRestore();
      }
    },
  );

  it('without the header, the GET is refused with the documented message', async () => {
    const client = new UrqlClient({
      url: `${s.url}/graphql`,
      preferGetMethod: true,
      exchanges: [fetchExchange],
    });
    const r = await client.query('{ serverInfo { version } }', {}).toPromise();
    expect(r.data).toBeUndefined();
    expect(r.error?.message).toContain(
      'This operation has been blocked as a potential Cross-Site Request Forgery',
    );
    expect(r.error?.message).toContain('apollo-require-preflight');
  });
});
