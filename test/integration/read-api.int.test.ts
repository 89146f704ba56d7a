import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, type TestServer } from '../support/harness';

type Conn<T> = { totalCount?: number; edges: { cursor: string; node: T }[]; pageInfo?: PageInfo };
type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
};

type VillagePage = {
  assistedBy: Conn<{ id: string; helper: { id: string; pairings: Conn<{ id: string }> } }>;
} & Record<string, unknown>;

/** The read API on the seeded scale-1 graph of the report. */
describe('read API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const { status, body } = await s.gql<T>(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data as T;
  }

  it('answers the analyst: 城壕村 is assisted at region level by exactly two agencies in 6 pairings, since 2012, with sources', async () => {
    const d = await data<{ search: Conn<{ name: string; assistedBy: Conn<Record<string, unknown>> }> }>(`{
      search(query: "城壕村", kinds: [ADMIN_UNIT], first: 1) { edges { node { name ... on AdminUnit {
        assistedBy(filter: { level: [REGION] }, first: 10) { totalCount edges { node {
          level category kind validFrom validTo programme { name }
          helper { __typename name } citations { quote source { title published } } } } } } } } } }`);
    const village = d.search.edges[0].node;
    expect(village.name).toBe('城壕村');
    const pairs = village.assistedBy.edges.map((e) => e.node);
    expect(village.assistedBy.totalCount).toBe(6);
    expect(new Set(pairs.map((p) => (p.helper as { name: string }).name))).toEqual(
      new Set(['新华社内蒙古分社', '内蒙古自治区人民政府金融工作办公室']),
    );
    expect(new Set(pairs.map((p) => (p.programme as { name: string }).name))).toEqual(
      new Set(['北疆基层党组织固本工程', '万名党员干部下基层办实事转作风', '三到']),
    );
    for (const p of pairs) {
      expect(p).toMatchObject({
        level: 'REGION',
        category: 'AGENCY',
        kind: 'ASSIST',
        validFrom: '2012-01-01',
        validTo: null,
      });
      expect(p.citations).toContainEqual({
        quote: '全旗有2个自治区级机关单位(新华社内蒙古分社、自治区政府金融办)与准格尔旗城壕村结成6个帮扶对子',
        source: {
          title: '转变作风下基层 服务百姓心连心 ——准旗加强基层组织建设纪实',
          published: '2013-04-16',
        },
      });
    }
  });

  it('shows every one of the 76 banner agencies assisting ≥1 village and ≥3 poor households', async () => {
    const d = await data<{ organizations: Conn<{ v: { totalCount: number }; h: { totalCount: number } }> }>(`{
      organizations(filter: { level: [BANNER], nameContains: "示例旗直单位" }, first: 100) { totalCount edges { node {
        v: pairings(filter: { beneficiaryKind: [VILLAGE] }) { totalCount }
        h: pairings(filter: { beneficiaryKind: [HOUSEHOLD] }) { totalCount } } } } }`);
    expect(d.organizations.totalCount).toBe(76);
    const short = d.organizations.edges.filter((e) => e.node.v.totalCount < 1 || e.node.h.totalCount < 3);
    expect(short).toEqual([]);
  });

  it('counts the 2015 banner-level 帮扶对子 with a combined filter', async () => {
    const d = await data<{
      all: { totalCount: number };
      counted: { totalCount: number };
      notLiaison: { totalCount: number };
    }>(`{
      all: pairings(filter: { level: [BANNER] }) { totalCount }
      counted: pairings(filter: { AND: [{ level: [BANNER] }, { kind: [ASSIST, STATIONED] }, { beneficiaryKind: [VILLAGE, HOUSEHOLD] }] }) { totalCount }
      notLiaison: pairings(filter: { level: [BANNER], NOT: { kind: [LIAISON] } }) { totalCount } }`);
    expect(d.counted.totalCount).toBe(2015);
    expect(d.all.totalCount - d.notLiaison.totalCount).toBe(54); // each county-level cadre liaises one township
  });

  it('pages through all banner pairings forward and backward without duplicates or gaps', async () => {
    const q = `query Page($first: Int, $after: String, $last: Int, $before: String) {
      pairings(filter: { level: [BANNER] }, first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { key } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const forward: string[] = [];
    let after: string | null = null;
    let total: number | undefined;
    for (;;) {
      const d: { pairings: Conn<{ key: string }> & { totalCount: number; pageInfo: PageInfo } } = await data(
        q,
        { first: 100, after },
      );
      total = d.pairings.totalCount;
      forward.push(...d.pairings.edges.map((e) => e.node.key));
      if (!d.pairings.pageInfo.hasNextPage) break;
      after = d.pairings.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(1000);
    if (total === undefined) throw new Error('no page was read');
    expect(forward).toHaveLength(total);
    expect(new Set(forward).size).toBe(total);
    expect([...forward].sort()).toEqual(forward); // default order: by key

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const d: { pairings: Conn<{ key: string }> & { pageInfo: PageInfo } } = await data(q, {
        last: 100,
        before,
      });
      backward.unshift(...d.pairings.edges.map((e) => e.node.key));
      if (!d.pairings.pageInfo.hasPreviousPage) break;
      before = d.pairings.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('keeps the Cypher round trips of a nested page bounded by depth, not by the number of parents', async () => {
    const q = `query VillagePage($n: Int) { adminUnits(filter: { kind: [GACHA_VILLAGE] }, first: $n) { edges { node {
      name assistedBy(first: 5) { edges { node { level helper { name pairings(first: 5) { edges { node {
        beneficiary { name } projects(first: 3) { edges { node { name amountYuan } } } } } } } } } } } } } }`;
    const run = async (n: number) => {
      const before = await s.cypherCount();
      const d = await data<{
        adminUnits: Conn<{ assistedBy: Conn<{ helper: { pairings: Conn<unknown> } }> }>;
      }>(q, { n });
      const pairings = d.adminUnits.edges.flatMap((e) => e.node.assistedBy.edges);
      const helperPairings = pairings.flatMap((p) => p.node.helper.pairings.edges);
      return {
        queries: (await s.cypherCount()) - before,
        villages: d.adminUnits.edges.length,
        pairings: pairings.length,
        helperPairings: helperPairings.length,
      };
    };
    const small = await run(10);
    const large = await run(60);
    expect(large.villages).toBe(60);
    expect(large.pairings).toBeGreaterThanOrEqual(50);
    expect(large.helperPairings).toBeGreaterThanOrEqual(50);
    // 10 villages: all six levels in one statement (11 × 6 × 6 × 4 rows are within the row budget);
    // 60 villages: the budget (2,000 rows per statement) stops the first statement after the
    // helpers, and their pairings, beneficiaries and projects take a second
    expect(small.queries).toBe(1);
    expect(large.queries).toBe(2);
  });

  it('answers the README village page in one statement, exactly as level-by-level requests do', async () => {
    const village = toGlobalId('AdminUnit', 'au:chenghao');
    const before = await s.cypherCount();
    const page = await data<{ node: VillagePage }>(
      `query($id: ID!) { node(id: $id) { ... on AdminUnit { name kind parent { name }
        assistedBy(first: 20) { totalCount edges { node { id level category helper { __typename id name
          pairings(first: 5) { totalCount edges { node { id beneficiary { name }
            projects(first: 3) { edges { node { name amountYuan } } } } } } } } } } } } }`,
      { id: village },
    );
    expect((await s.cypherCount()) - before).toBe(1);

    // the same answer, assembled from one request per level and item
    const top = await data<{ node: VillagePage }>(
      `query($id: ID!) { node(id: $id) { ... on AdminUnit { name kind parent { name }
        assistedBy(first: 20) { totalCount edges { node { id level category } } } } } }`,
      { id: village },
    );
    const helperOf = async (pairing: string) =>
      (
        await data<{ node: { helper: { __typename: string; id: string; name: string } } }>(
          `query($id: ID!) { node(id: $id) { ... on Pairing { helper { __typename id name } } } }`,
          { id: pairing },
        )
      ).node.helper;
    const pairingsOf = async (helper: string) =>
      (
        await data<{ node: { pairings: Conn<{ id: string }> } }>(
          `query($id: ID!) { node(id: $id) { ... on Helper { pairings(first: 5) { totalCount edges { node { id } } } } } }`,
          { id: helper },
        )
      ).node.pairings;
    const pairingDetail = async (pairing: string) =>
      (
        await data<{ node: object }>(
          `query($id: ID!) { node(id: $id) { ... on Pairing { beneficiary { name }
          projects(first: 3) { edges { node { name amountYuan } } } } } }`,
          { id: pairing },
        )
      ).node;
    const edges = [];
    for (const e of top.node.assistedBy.edges) {
      const helper = await helperOf(e.node.id);
      const pairings = await pairingsOf(helper.id);
      const nested = [];
      for (const p of pairings.edges)
        nested.push({ node: { id: p.node.id, ...(await pairingDetail(p.node.id)) } });
      edges.push({
        node: {
          ...e.node,
          helper: { ...helper, pairings: { totalCount: pairings.totalCount, edges: nested } },
        },
      });
    }
    expect(top.node.assistedBy.edges.length).toBe(14);
    expect(page.node).toEqual({ ...top.node, assistedBy: { ...top.node.assistedBy, edges } });
  });

  it('answers a search with nested lists on hits of two kinds in one statement, each hit as node(id:) answers it', async () => {
    const selection = `__typename id name
      ... on AdminUnit { kind parent { name } assistedBy(first: 3) { totalCount edges { node { level helper { name } } } } }
      ... on Organization { pairings(first: 2) { totalCount edges { node { kind beneficiary { name } } } } }`;
    const before = await s.cypherCount();
    const d = await data<{ search: Conn<{ __typename: string; id: string }> }>(
      `query($q: String!) { search(query: $q, kinds: [ADMIN_UNIT, ORGANIZATION], first: 20) {
        edges { kind node { ${selection} } } } }`,
      { q: '准格尔旗' },
    );
    expect((await s.cypherCount()) - before).toBe(1);
    const hits = d.search.edges.map((e) => e.node);
    expect(new Set(hits.map((h) => h.__typename))).toEqual(new Set(['AdminUnit', 'Organization']));
    for (const hit of hits) {
      const one = await data<{ node: object }>(
        `query($id: ID!) { node(id: $id) { ... on Entity { ${selection} } } }`,
        {
          id: hit.id,
        },
      );
      expect(hit).toEqual(one.node);
    }
  });

  it("answers a page of a node's list after a cursor in one statement, as the first page, whether the cursor is a variable or inline", async () => {
    type Pairings = { node: { pairings: Conn<{ key: string; beneficiary: { name: string } }> } };
    const helper = toGlobalId('Organization', 'syn:city-agency:08');
    const fields = `edges { cursor node { key beneficiary { name } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
    const list = (args: string) =>
      `node(id: $id) { ... on Organization { pairings(filter: { kind: [ASSIST] }, ${args}) { ${fields} } } }`;
    const byVariable = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      ${list('first: $first, after: $after, last: $last, before: $before')} }`;
    const counted = async (query: string, variables: Record<string, unknown>) => {
      const before = await s.cypherCount();
      const d = await data<Pairings>(query, variables);
      return { page: d.node.pairings, statements: (await s.cypherCount()) - before };
    };
    const all = (await counted(byVariable, { id: helper, first: 100 })).page.edges.map((e) => e.node);
    expect(all.length).toBeGreaterThan(14);
    // forward in pages of 7: every page after the first is one statement too
    const forward: { key: string; beneficiary: { name: string } }[] = [];
    const cursors: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { page, statements } = await counted(byVariable, { id: helper, first: 7, after });
      expect(statements).toBe(1);
      forward.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo!.hasNextPage) break;
      after = page.pageInfo!.endCursor;
      cursors.push(after!);
    }
    expect(forward).toEqual(all);
    // the same cursor written into the document: the same page, in one statement
    const second = await counted(byVariable, { id: helper, first: 7, after: cursors[0] });
    const inline = await counted(
      `query($id: ID!) { ${list(`first: 7, after: ${JSON.stringify(cursors[0])}`)} }`,
      {
        id: helper,
      },
    );
    expect(inline).toEqual(second);
    expect(second.page.edges.map((e) => e.node)).toEqual(all.slice(7, 14));
    // backward from the second page's start: the first page, in one statement
    const back = await counted(byVariable, {
      id: helper,
      last: 7,
      before: second.page.pageInfo!.startCursor,
    });
    expect(back.statements).toBe(1);
    expect(back.page.edges.map((e) => e.node)).toEqual(all.slice(0, 7));
  });

  it('fetches ahead fields selected on some helper types only, with their own arguments', async () => {
    const q = (
      variant: string,
    ) => `{ adminUnits(first: 5) { edges { node { key assistedBy(first: 10) { edges { node {
      key helper { __typename ${variant} } } } } } } } }`;
    const both = `... on Organization { key pairings(first: 2) { totalCount edges { node { key } } } }
      ... on Person { key pairings(first: 4, filter: { level: [BANNER] }) { edges { node { key level } } } }`;
    const before = await s.cypherCount();
    const together = await data<object>(q(both));
    expect((await s.cypherCount()) - before).toBe(1);
    const orgs = await data<object>(
      q('... on Organization { key pairings(first: 2) { totalCount edges { node { key } } } }'),
    );
    const people = await data<object>(
      q(
        '... on Person { key pairings(first: 4, filter: { level: [BANNER] }) { edges { node { key level } } } }',
      ),
    );
    // each helper takes the fields of its own type from the single-type answers
    const merge = (a: unknown, b: unknown): unknown => {
      if (Array.isArray(a)) return a.map((x, i) => merge(x, (b as unknown[])[i]));
      if (!a || typeof a !== 'object') return a;
      const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
      return Object.fromEntries(
        [...new Set([...Object.keys(x), ...Object.keys(y)])].map((k) => [
          k,
          k in x ? (k in y ? merge(x[k], y[k]) : x[k]) : y[k],
        ]),
      );
    };
    expect(together).toEqual(merge(orgs, people));
    const kinds = JSON.stringify(together).match(/"__typename":"(Organization|Person)","key"/g) ?? [];
    expect(new Set(kinds).size).toBe(2);
  });

  it('answers aliases of one field with different selections and arguments as separate requests do', async () => {
    const village = toGlobalId('AdminUnit', 'au:chenghao');
    const parts = {
      a: `a: assistedBy(first: 3) { edges { node { key helper { __typename ... on Entity { name } } } } }`,
      b: `b: assistedBy(first: 3) { edges { node { validFrom helper { ... on Organization { orgType key } } } } }`,
      c: `c: assistedBy(first: 2, filter: { level: [REGION] }) { totalCount edges { node { key level } } }`,
      d: `d: parent { key } e: parent { name kind }`,
      // the same fetch twice, and under several types: fetched once, primed for both
      f: `f: parent { name } g: parent { name } h: assistedBy(first: 2) { edges { node { helper { ... on Entity { name } } } } }`,
      i: `i: assistedBy(first: 2) { edges { node { helper { ... on Entity { name } } } } }`,
    };
    const one = (sel: string) =>
      data<{ node: Record<string, unknown> }>(
        `query($id: ID!) { node(id: $id) { ... on AdminUnit { ${sel} } } }`,
        {
          id: village,
        },
      );
    const before = await s.cypherCount();
    const together = await one(Object.values(parts).join(' '));
    expect((await s.cypherCount()) - before).toBe(1);
    const apart = {};
    for (const sel of Object.values(parts)) Object.assign(apart, (await one(sel)).node);
    expect(together.node).toEqual(apart);
    expect(together.node).toMatchObject({
      b: { edges: [{ node: { helper: { orgType: expect.any(String) } } }, {}, {}] },
      c: { totalCount: 6 },
      e: { name: expect.any(String) },
      f: { name: expect.any(String) },
      g: { name: expect.any(String) },
      i: { edges: [{ node: { helper: { name: expect.any(String) } } }, {}] },
    });
  });

  it('refetches any object by its global id, and several in order', async () => {
    const d = await data<{ search: Conn<{ id: string; name: string }> }>(
      `{ search(query: "刘显亮") { edges { node { id name } } } }`,
    );
    const { id } = d.search.edges[0].node;
    const again = await data<{ node: { id: string; name: string; __typename: string } }>(
      `query($id: ID!) { node(id: $id) { __typename id ... on Entity { name provenance } } }`,
      { id },
    );
    expect(again.node).toEqual({ __typename: 'Person', id, name: '刘显亮', provenance: 'REPORTED' });
    const missing = Buffer.from('Person:nobody').toString('base64url');
    const many = await data<{ nodes: unknown[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [missing, id],
    });
    expect(many.nodes).toEqual([null, { id }]);
    // a malformed id fails its own item only, wherever it stands, with an error naming it
    for (const at of [0, 1, 2]) {
      const ids = [id, missing, id];
      ids[at] = 'not-an-id!';
      const { status, body } = await s.gql<{ nodes: unknown[] }>(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        {
          ids,
        },
      );
      expect(status).toBe(200);
      expect(body.data?.nodes).toEqual(
        [{ id }, null, { id }].map((v, i) => (i === at ? null : i === 1 ? null : v)),
      );
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: `ids[${at}] is not a valid id: "not-an-id!"`,
          path: ['nodes', at],
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: `ids[${at}]` }),
        }),
      ]);
    }
  });

  it('rejects a malformed id and an oversized page with BAD_USER_INPUT naming the argument', async () => {
    const bad = await s.gql(`{ node(id: "not-an-id!") { id } }`);
    expect(bad.body.errors?.[0]).toMatchObject({
      message: 'id is not a valid id: "not-an-id!"',
      extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
    });
    const big = await s.gql(`{ pairings(first: 101) { edges { cursor } } }`);
    expect(big.body.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 100, got 101',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    const area = await s.gql(`query($a: ID!) { pairings(filter: { areaId: $a }) { totalCount } }`, {
      a: Buffer.from('Person:person:liu-xianliang').toString('base64url'),
    });
    expect(area.body.errors?.[0]).toMatchObject({
      message: 'filter.areaId must be the id of a AdminUnit, got a Person',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('filters by area (any ancestor), validity date and programme', async () => {
    const ids = await data<{ search: Conn<{ id: string }>; p: Conn<{ id: string }> }>(
      `{ search(query: "城壕村", kinds: [ADMIN_UNIT], first: 1) { edges { node { id } } } p: programmes(filter: { nameContains: "三到" }) { edges { node { id } } } }`,
    );
    const area = ids.search.edges[0].node.id;
    const programme = ids.p.edges[0].node.id;
    const d = await data<{
      before: { totalCount: number };
      during: { totalCount: number };
      sandao: { totalCount: number };
    }>(
      `query($area: ID!, $programme: ID!) {
        before: pairings(filter: { areaId: $area, level: [REGION], activeOn: "2011-12-31" }) { totalCount }
        during: pairings(filter: { areaId: $area, level: [REGION], activeOn: "2013-04-16" }) { totalCount }
        sandao: pairings(filter: { areaId: $area, level: [REGION], programmeId: $programme }) { totalCount } }`,
      { area, programme },
    );
    expect(d).toEqual({ before: { totalCount: 0 }, during: { totalCount: 6 }, sandao: { totalCount: 2 } });
  });

  it.each([
    ['刘显亮', '刘显亮'],
    ['显亮', '刘显亮'],
    ['城壕', '城壕村'],
    ['刘', '刘显亮'],
  ])('search finds %s → %s', async (query, name) => {
    const d = await data<{ search: Conn<{ name: string }> & { totalCount: number } }>(
      `query($q: String!) { search(query: $q, kinds: [PERSON, ADMIN_UNIT]) { totalCount edges { score kind node { name } } } }`,
      { q: query },
    );
    expect(d.search.edges.map((e) => e.node.name)).toContain(name);
  });

  it.each(['"', 'AND (', '*', '~', '\\', 'OR NOT', '[城壕'])(
    'search treats Lucene syntax %j literally, without error',
    async (query) => {
      const { status, body } = await s.gql(
        `query($q: String!) { search(query: $q) { totalCount edges { node { name } } } }`,
        { q: query },
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    },
  );
});
