import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';

/**
 * A household's personal fields are masked below analyst in EVERY path that reaches it: node(),
 * nested connections, search, pairing graphs, paths and history — and search or name filters do
 * not reveal names to viewers either.
 */
describe('personal data: masked for viewers in every path, shown to analysts', () => {
  let s: TestServer;
  let l: Ledger;
  beforeAll(async () => {
    s = await startTestServer();
    l = await createLedger(s, 'mask');
    const r = await l.as(
      'editor',
      'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }',
      {
        i: {
          key: `${l.prefix}:pair`,
          helperId: l.ids.agency,
          beneficiaryId: l.ids.household,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: '2012-01-01',
        },
      },
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  const FULL = { name: '刘显明', idNumber: '**************002X', phone: '+8613812345678' };
  const MASKED = { name: '刘**', idNumber: null, phone: null };
  const household = '... on Household { name idNumber phone }';

  it.each([
    ['anonymous', MASKED],
    ['viewer', MASKED],
    ['analyst', FULL],
    ['editor', FULL],
    ['admin', FULL],
  ] as const)(
    'node() and a nested connection show %s the household as the policy says',
    async (role, expected) => {
      const r = await l.as<{
        node: Record<string, unknown>;
        agency: { pairings: { edges: { node: { beneficiary: unknown } }[] } };
      }>(
        role,
        `query($h: ID!, $a: ID!) { node(id: $h) { ${household} }
        agency: node(id: $a) { ... on Organization { pairings(first: 5) { edges { node { beneficiary { ${household} } } } } } } }`,
        { h: l.ids.household, a: l.ids.agency },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.node).toEqual(expected);
      expect(r.data!.agency.pairings.edges.map((e) => e.node.beneficiary)).toEqual([expected]);
    },
  );

  it('masks the household in a pairing graph and in paths', async () => {
    const q = `query($a: ID!, $h: ID!) {
      pairingGraph(rootIds: [$a], depth: 1) { nodes { kind name } }
      paths(fromId: $a, toId: $h) { nodes { kind name } } }`;
    const names = async (role: 'viewer' | 'analyst') => {
      const r = await l.as<{
        pairingGraph: { nodes: { kind: string; name: string }[] };
        paths: { nodes: { kind: string; name: string | null }[] }[];
      }>(role, q, { a: l.ids.agency, h: l.ids.household });
      expect(r.errors).toBeUndefined();
      const d = r.data!;
      return [
        ...d.pairingGraph.nodes.filter((n) => n.kind === 'Household').map((n) => n.name),
        ...d.paths.flatMap((p) => p.nodes.filter((n) => n.kind === 'Household').map((n) => n.name)),
      ];
    };
    expect(await names('viewer')).toEqual(['刘**', '刘**']);
    expect(await names('analyst')).toEqual(['刘显明', '刘显明']);
  });

  it('search finds households by name for analysts only; viewers get the other kinds', async () => {
    const q = `query($q: String!) { search(query: $q) { totalCount edges { kind node { name } } } }`;
    const analyst = await l.as<{
      search: { totalCount: number; edges: { kind: string; node: { name: string } }[] };
    }>('analyst', q, { q: '刘显明' });
    expect(
      analyst.data!.search.edges.filter((e) => e.kind === 'HOUSEHOLD').map((e) => e.node.name),
    ).toContain('刘显明');
    const viewer = await l.as<{ search: { totalCount: number; edges: { kind: string }[] } }>('viewer', q, {
      q: '刘显明',
    });
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data!.search.edges.filter((e) => e.kind === 'HOUSEHOLD' || e.kind === 'STUDENT')).toEqual(
      [],
    );
    const only = await l.as(
      'anonymous',
      'query($q: String!) { search(query: $q, kinds: [HOUSEHOLD]) { totalCount edges { kind } } }',
      { q: '刘显明' },
    );
    expect(only.data).toEqual({ search: { totalCount: 0, edges: [] } });
  });

  it('filtering households by name needs analyst', async () => {
    const q = `query($a: ID!) { households(filter: { areaId: $a, nameContains: "刘" }) { totalCount } }`;
    const viewer = await l.as('viewer', q, { a: l.ids.region });
    expect(viewer.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      argument: 'filter.nameContains',
      requiredRole: 'analyst',
    });
    expect((await l.as('analyst', q, { a: l.ids.region })).data).toEqual({ households: { totalCount: 1 } });
    // Without a name filter, viewers still list households (masked).
    const list = await l.as(
      'viewer',
      `query($a: ID!) { households(filter: { areaId: $a }) { edges { node { name } } } }`,
      { a: l.ids.region },
    );
    expect(list.data).toEqual({ households: { edges: [{ node: { name: '刘**' } }] } });
  });

  it('masks the same fields in the audit history', async () => {
    const q = 'query($id: ID!) { history(id: $id) { edges { node { after } } } }';
    const viewer = await l.as<{ history: { edges: { node: { after: Record<string, unknown> } }[] } }>(
      'viewer',
      q,
      {
        id: l.ids.household,
      },
    );
    expect(viewer.data!.history.edges[0].node.after).toMatchObject({ name: '刘**' });
    expect(Object.keys(viewer.data!.history.edges[0].node.after)).not.toEqual(
      expect.arrayContaining(['phone']),
    );
    expect(Object.keys(viewer.data!.history.edges[0].node.after)).not.toContain('idNumberLast4');
    const analyst = await l.as<{ history: { edges: { node: { after: Record<string, unknown> } }[] } }>(
      'analyst',
      q,
      {
        id: l.ids.household,
      },
    );
    expect(analyst.data!.history.edges[0].node.after).toMatchObject({
      name: '刘显明',
      phone: '+8613812345678',
      idNumberLast4: '002X',
    });
  });
});
