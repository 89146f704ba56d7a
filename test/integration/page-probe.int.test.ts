import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, type TestServer } from '../support/harness';

type Edges = { node: { key: string } }[];
type Probed = {
  totalCount: number;
  edges: Edges;
  pageInfo?: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
};

/**
 * A page whose pageInfo nothing selects is fetched without the row beyond it (Page.exact). The law:
 * whatever else the document selects, a page's edges are the same, and where pageInfo is selected
 * (directly, through a fragment, under @include) it tells exactly whether another page exists.
 */
describe('pages fetched without the row beyond them', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const village = toGlobalId('AdminUnit', 'au:chenghao');
  /** Each connection kind: a document around `$sel`, where its connection is in the answer, and its paging side. */
  const kinds: {
    name: string;
    type?: string;
    wrap: (sel: string) => string;
    at: (d: Record<string, unknown>) => Record<string, Probed>;
    backward?: true;
  }[] = [
    {
      name: 'a nested page fetched with its parent',
      wrap: (sel) => `node(id: "${village}") { ... on AdminUnit { ${sel.replaceAll('X(', 'assistedBy(')} } }`,
      at: (d) => d.node as Record<string, Probed>,
    },
    {
      name: 'a nested page read backward',
      wrap: (sel) =>
        `node(id: "${village}") { ... on AdminUnit { ${sel.replaceAll('X(first', 'assistedBy(last')} } }`,
      at: (d) => d.node as Record<string, Probed>,
      backward: true,
    },
    {
      name: "a helper's pairings two levels down (keyed by the helper index)",
      wrap: (sel) =>
        `node(id: "${village}") { ... on AdminUnit { assistedBy(first: 1) { edges { node { helper { ... on Organization { ${sel.replaceAll('X(', 'pairings(')} } } } } } } }`,
      at: (d) =>
        (d.node as { assistedBy: { edges: { node: { helper: Record<string, Probed> } }[] } }).assistedBy
          .edges[0].node.helper,
    },
    {
      name: 'a root list',
      wrap: (sel) => sel.replaceAll('X(', 'pairings(filter: { level: [REGION] }, '),
      at: (d) => d as Record<string, Probed>,
    },
    {
      name: 'a search',
      type: 'SearchConnection',
      wrap: (sel) => sel.replaceAll('X(', 'search(query: "城壕", '),
      at: (d) => d as Record<string, Probed>,
    },
  ];

  // each kind's total (3, 6, 14 …) with the counts either side of it
  const counts = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14, 15, 100];

  for (const k of kinds) {
    it(`answers ${k.name} with the same edges with or without pageInfo, and pageInfo exactly`, async () => {
      const fields = 'totalCount edges { node { key } }';
      for (const n of counts) {
        const sel = [
          `plain: X(first: ${n}) { edges { node { key } } }`,
          `direct: X(first: ${n}) { ${fields} pageInfo { hasNextPage hasPreviousPage endCursor } }`,
          `spread: X(first: ${n}) { ${fields} ...Info }`,
          `included: X(first: ${n}) { ${fields} pageInfo @include(if: $with) { hasNextPage hasPreviousPage endCursor } }`,
          `skipped: X(first: ${n}) { ${fields} pageInfo @include(if: $without) { hasNextPage } }`,
        ].join(' ');
        const query = `query($with: Boolean!, $without: Boolean!) { ${k.wrap(sel)} }
          fragment Info on PageInfoCarrier { pageInfo { hasNextPage hasPreviousPage endCursor } }`;
        const { body } = await s.gql<Record<string, unknown>>(
          query.replace('PageInfoCarrier', k.type ?? 'PairingConnection'),
          { with: true, without: false },
        );
        expect(body.errors).toBeUndefined();
        const c = k.at(body.data!);
        const total = c.direct.totalCount;
        const more = total > n;
        for (const alias of ['direct', 'spread', 'included'])
          expect([n, alias, c[alias].pageInfo]).toEqual([
            n,
            alias,
            {
              hasNextPage: k.backward ? false : more,
              hasPreviousPage: k.backward ? more : false,
              endCursor: n === 0 || total === 0 ? null : expect.any(String),
            },
          ]);
        expect(c.skipped.pageInfo).toBeUndefined();
        for (const alias of ['plain', 'spread', 'included', 'skipped'])
          expect([n, alias, c[alias].edges]).toEqual([n, alias, c.direct.edges]);
        expect(c.direct.edges).toHaveLength(Math.min(n, total));
      }
    });
  }
});
