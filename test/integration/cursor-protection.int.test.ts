import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';

/**
 * Page cursors are opaque and tamper-proof: they carry no readable sort value (a household's name
 * when a list is ordered by name), a cursor that was altered or issued by another list, order,
 * filter or parent is refused with BAD_USER_INPUT naming the argument, and ordering by a personal
 * field below analyst orders by what the caller sees of it.
 */
describe('page cursors: opaque, tamper-proof, bound to their list', () => {
  let s: TestServer;
  let l: Ledger;
  let banner: string;
  beforeAll(async () => {
    s = await startTestServer();
    l = await createLedger(s, 'cursors');
    const r = await l.as<{ search: { edges: { node: { id: string } }[] } }>(
      'viewer',
      '{ search(query: "准格尔旗", kinds: [ADMIN_UNIT], first: 1) { edges { node { id } } } }',
    );
    banner = r.data!.search.edges[0].node.id;
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  type Page = {
    edges: { cursor: string; node: { key: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const page = async (role: 'viewer' | 'analyst', field: string, args: string, area = banner) => {
    const r = await l.as<{ c: Page }>(
      role,
      `query($a: ID!) { c: ${field}(filter: { areaId: $a }, ${args}) { edges { cursor node { key name } } pageInfo { hasNextPage endCursor } } }`,
      { a: area },
    );
    return r;
  };
  /** Every item of a list, page by page with the cursors it gives. */
  const walk = async (
    role: 'viewer' | 'analyst',
    field: string,
    order: string,
    area: string,
    size: number,
  ) => {
    const items: { key: string; name: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const r = await page(
        role,
        field,
        `orderBy: ${order}, first: ${size}${after ? `, after: "${after}"` : ''}`,
        area,
      );
      expect(r.errors).toBeUndefined();
      items.push(...r.data!.c.edges.map((e) => e.node));
      if (!r.data!.c.pageInfo.hasNextPage) return items;
      after = r.data!.c.pageInfo.endCursor;
    }
  };

  it.each([
    ['households', 'viewer'],
    ['students', 'viewer'],
    ['households', 'analyst'],
  ] as const)('%s ordered by name give %s cursors that decode to no name or key', async (field, role) => {
    const r = await page(role, field, 'orderBy: NAME, first: 20');
    expect(r.errors).toBeUndefined();
    const edges = r.data!.c.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      const decoded = Buffer.from(e.cursor, 'base64url').toString('utf8');
      expect(decoded).not.toContain(e.node.key);
      expect(decoded).not.toContain(e.node.name.slice(0, 1));
      expect(decoded).not.toMatch(/^\[/);
    }
  });

  it("orders a viewer's households by the first character of the name, then by key — what the masks show", async () => {
    // names whose full order differs from the order of their first characters and keys
    const names = ['张丙', '李甲', '张甲', '王乙', '张乙', '李丙'];
    for (const [i, name] of names.entries()) {
      const r = await l.as(
        'editor',
        'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id } } }',
        { i: { key: `${l.prefix}:order-${i}`, name, unitId: l.ids.village } },
      );
      expect(r.errors).toBeUndefined();
    }
    // walked two by two, so every page after the first starts from a cursor
    const full = await walk('analyst', 'households', 'NAME', l.ids.region, 2);
    const masked = await walk('viewer', 'households', 'NAME', l.ids.region, 2);
    expect(full.length).toBe(names.length + 1); // and the ledger's own household
    const initial = (n: string) => [...n][0] ?? '';
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = [...full]
      .sort((a, b) => cmp(initial(a.name), initial(b.name)) || cmp(a.key, b.key))
      .map((h) => [h.key, `${initial(h.name)}**`]);
    expect(masked.map((h) => [h.key, h.name])).toEqual(expected);
    // the analyst's order is the full names' order, and it is not the viewer's
    const byName = [...full].sort((a, b) => cmp(a.name, b.name) || cmp(a.key, b.key)).map((h) => h.key);
    expect(full.map((h) => h.key)).toEqual(byName);
    expect(masked.map((h) => h.key)).not.toEqual(byName);
  });

  it('refuses an altered cursor, and cursors of another order, filter, list or role', async () => {
    const first = await page('viewer', 'households', 'orderBy: NAME, first: 2');
    const cursor = first.data!.c.pageInfo.endCursor!;
    const raw = Buffer.from(cursor, 'base64url');
    raw[raw.length >> 1] ^= 1;
    const altered = raw.toString('base64url');
    const handMade = Buffer.from(JSON.stringify(['刘显', ''])).toString('base64url');
    const keyOrder = (await page('viewer', 'households', 'orderBy: KEY, first: 2')).data!.c.pageInfo
      .endCursor!;
    const refused = [
      // altered, or made by hand
      ['households', `orderBy: NAME, first: 2, after: "${altered}"`, 'after'],
      ['households', `orderBy: NAME, first: 2, after: "${handMade}"`, 'after'],
      // from another order, used forward and backward
      ['households', `orderBy: KEY, first: 2, after: "${cursor}"`, 'after'],
      ['households', `orderBy: NAME, last: 2, before: "${keyOrder}"`, 'before'],
      // from another list
      ['students', `orderBy: NAME, first: 2, after: "${cursor}"`, 'after'],
    ] as const;
    for (const [field, args, argument] of refused) {
      const r = await page('viewer', field, args);
      expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([
        ['BAD_USER_INPUT', argument],
      ]);
      expect(r.errors![0].message).toMatch(new RegExp(`^${argument} is not a cursor of this list`));
    }
    // another filter: the same list without the area
    const r = await l.as(
      'viewer',
      `{ households(orderBy: NAME, first: 2, after: "${cursor}") { edges { cursor } } }`,
    );
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    // an analyst's name order is not a viewer's: its cursors do not cross
    const analyst = (await page('analyst', 'households', 'orderBy: NAME, first: 2')).data!.c.pageInfo
      .endCursor!;
    const crossed = await page('viewer', 'households', `orderBy: NAME, first: 2, after: "${analyst}"`);
    expect(crossed.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it("refuses a nested list's cursor under another parent", async () => {
    const r = await l.as<{ households: { edges: { node: { unit: { id: string } } }[] } }>(
      'viewer',
      'query($a: ID!) { households(filter: { areaId: $a }, first: 100) { edges { node { unit { id } } } } }',
      { a: banner },
    );
    const [a, b] = [...new Set(r.data!.households.edges.map((e) => e.node.unit.id))];
    expect(b).toBeDefined();
    const q = (id: string, after?: string) =>
      l.as<{ node: { households: Page } }>(
        'viewer',
        `query($id: ID!, $after: String) { node(id: $id) { ... on AdminUnit { households(first: 1, orderBy: NAME, after: $after) { edges { cursor node { key name } } pageInfo { hasNextPage endCursor } } } } }`,
        { id, after },
      );
    const cursor = (await q(a)).data!.node.households.pageInfo.endCursor!;
    const same = await q(a, cursor);
    expect(same.errors).toBeUndefined();
    const other = await q(b, cursor);
    expect(other.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([
      ['BAD_USER_INPUT', 'after'],
    ]);
  });
});
