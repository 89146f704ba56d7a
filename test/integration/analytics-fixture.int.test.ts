import { randomUUID } from 'node:crypto';
import type { Label } from '../../src/domain/model';
import { fromGlobalId, toGlobalId } from '../../src/graphql/ids';
import { startTestServer, type TestServer } from '../support/harness';
import { allShortestPaths, betweenness, pagerank, type RefEdge } from '../support/analytics-reference';

/**
 * The analytics API on a small graph of its own: an administrative tree (测试旗 → 乡 → 3 村 + 1 社区)
 * that hangs under nothing, so it shares no node with the seeded graph and changes none of the
 * report's figures. Every id starts with a per-run prefix; afterAll deletes them.
 *
 *   A1 (旗直单位) ─ V1 ×2 pairings, H1, H2, H3 (H3 ends in the "ends pairings" test)
 *   A2 (旗直单位) ─ V2, H4                 R1 (下挂, seconded from A1) ─ V2 (STATIONED)
 *   E1 (企业, from 2020-06-01) ─ V2          K1 (县级干部) ─ T1 (LIAISON), V3, H5
 *   Q1 (科级, member of O1 in T1) ─ S1 (student in V1)      X (企业, nowhere, no pairings)
 */
const P = `t5:${randomUUID().slice(0, 8)}:`;
const id = (k: string) => `${P}${k}`;
const DAY = '2020-07-01';

const NODES: [Label, string, Record<string, unknown>][] = [
  ['AdminUnit', 'B', { name: '测试旗', kind: 'BANNER' }],
  ['AdminUnit', 'T1', { name: '测试乡', kind: 'TOWNSHIP' }],
  ['AdminUnit', 'V1', { name: '测试村1', kind: 'GACHA_VILLAGE' }],
  ['AdminUnit', 'V2', { name: '测试村2', kind: 'GACHA_VILLAGE' }],
  ['AdminUnit', 'V3', { name: '测试村3', kind: 'GACHA_VILLAGE' }],
  ['AdminUnit', 'C1', { name: '测试社区', kind: 'COMMUNITY' }],
  ['Household', 'H1', { name: '测试户1' }],
  ['Household', 'H2', { name: '测试户2' }],
  ['Household', 'H3', { name: '测试户3' }],
  ['Household', 'H4', { name: '测试户4' }],
  ['Household', 'H5', { name: '测试户5' }],
  ['Student', 'S1', { name: '测试学生' }],
  ['Organization', 'A1', { name: '测试旗直单位1', type: 'AGENCY', level: 'BANNER' }],
  ['Organization', 'A2', { name: '测试旗直单位2', type: 'PUBLIC_INSTITUTION', level: 'BANNER' }],
  ['Organization', 'O1', { name: '测试乡党政机关', type: 'AGENCY', level: 'TOWNSHIP' }],
  ['Enterprise', 'E1', { name: '测试企业1' }],
  ['Enterprise', 'X', { name: '测试企业（孤立）' }],
  ['Person', 'K1', { name: '测试县级干部', rank: 'COUNTY' }],
  ['Person', 'Q1', { name: '测试科级干部', rank: 'SECTION' }],
  ['Person', 'R1', { name: '测试下挂干部', rank: 'NONE' }],
];
const LOCATED: [string, string][] = [
  ['T1', 'B'],
  ['V1', 'T1'],
  ['V2', 'T1'],
  ['V3', 'T1'],
  ['C1', 'T1'],
  ['H1', 'V1'],
  ['H2', 'V1'],
  ['H3', 'V2'],
  ['H4', 'V3'],
  ['H5', 'V3'],
  ['S1', 'V1'],
  ['A1', 'B'],
  ['A2', 'B'],
  ['O1', 'T1'],
  ['E1', 'B'],
];
type PairingRow = {
  key: string;
  helper: string;
  beneficiary: string;
  kind: string;
  level: string;
  category: string;
  from: string;
};
const BANNER_AGENCY = { level: 'BANNER', category: 'AGENCY', kind: 'ASSIST', from: '2020-01-01' };
const PAIRINGS: PairingRow[] = [
  { key: 'p01', helper: 'A1', beneficiary: 'V1', ...BANNER_AGENCY },
  { key: 'p02', helper: 'A1', beneficiary: 'V1', ...BANNER_AGENCY },
  { key: 'p03', helper: 'A1', beneficiary: 'H1', ...BANNER_AGENCY },
  { key: 'p04', helper: 'A1', beneficiary: 'H2', ...BANNER_AGENCY },
  { key: 'p05', helper: 'A1', beneficiary: 'H3', ...BANNER_AGENCY },
  { key: 'p06', helper: 'A2', beneficiary: 'V2', ...BANNER_AGENCY },
  { key: 'p07', helper: 'A2', beneficiary: 'H4', ...BANNER_AGENCY },
  {
    key: 'p08',
    helper: 'E1',
    beneficiary: 'V2',
    level: 'BANNER',
    category: 'ENTERPRISE',
    kind: 'ASSIST',
    from: '2020-06-01',
  },
  {
    key: 'p09',
    helper: 'K1',
    beneficiary: 'T1',
    level: 'BANNER',
    category: 'LEADING_CADRE',
    kind: 'LIAISON',
    from: '2020-01-01',
  },
  {
    key: 'p10',
    helper: 'K1',
    beneficiary: 'V3',
    level: 'BANNER',
    category: 'LEADING_CADRE',
    kind: 'ASSIST',
    from: '2020-01-01',
  },
  {
    key: 'p11',
    helper: 'K1',
    beneficiary: 'H5',
    level: 'BANNER',
    category: 'LEADING_CADRE',
    kind: 'ASSIST',
    from: '2020-01-01',
  },
  {
    key: 'p12',
    helper: 'R1',
    beneficiary: 'V2',
    level: 'BANNER',
    category: 'SECONDED_CADRE',
    kind: 'STATIONED',
    from: '2020-01-01',
  },
  {
    key: 'p13',
    helper: 'Q1',
    beneficiary: 'S1',
    level: 'TOWNSHIP',
    category: 'LEADING_CADRE',
    kind: 'ASSIST',
    from: '2020-01-01',
  },
];
const labelOf = (k: string) => NODES.find((n) => n[1] === k)![0];
const gidOf = (k: string) => toGlobalId(labelOf(k), id(k));
const keyOfGid = (g: string) => {
  const { label, id: full } = fromGlobalId(g);
  return label === 'Pairing' ? full.slice(P.length + 'pairing:'.length) : full.slice(P.length);
};

describe('analytics API on a graph of its own', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ hardening: { requestTimeoutMs: 60_000 } });
    await s.gateway.writeTransaction('test.analytics.fixture', async (run) => {
      for (const [label, k, props] of NODES) {
        await run(
          'node',
          `CREATE (n:${label} {id: $id, provenance: 'SYNTHETIC', aliases: []}) SET n += $props`,
          {
            id: id(k),
            props,
          },
        );
      }
      await run(
        'located',
        'UNWIND $rels AS r MATCH (a {id: r[0]}), (b:AdminUnit {id: r[1]}) CREATE (a)-[:LOCATED_IN]->(b)',
        { rels: LOCATED.map(([a, b]) => [id(a), id(b)]) },
      );
      await run(
        'member',
        'MATCH (q:Person {id: $q}), (o:Organization {id: $o}) CREATE (q)-[:MEMBER_OF]->(o)',
        {
          q: id('Q1'),
          o: id('O1'),
        },
      );
      await run(
        'pairings',
        `UNWIND $rows AS r MATCH (h {id: r.helper}), (b {id: r.beneficiary})
         CREATE (p:Pairing {id: r.id, provenance: 'SYNTHETIC', kind: r.kind, level: r.level, category: r.category,
           mode: 'ONE_TO_ONE', validFrom: date(r.from), validTo: date('9999-12-31')})
         CREATE (p)-[:HELPER]->(h), (p)-[:BENEFICIARY]->(b)`,
        {
          rows: PAIRINGS.map((p) => ({
            ...p,
            id: id(`pairing:${p.key}`),
            helper: id(p.helper),
            beneficiary: id(p.beneficiary),
          })),
        },
      );
      await run(
        'secondment',
        `MATCH (r:Person {id: $r}), (v:AdminUnit {id: $v}), (a:Organization {id: $a})
         CREATE (r)-[:HOLDS]->(t:Tenure {id: $t, provenance: 'SYNTHETIC', post: 'STATIONED_CADRE', fullTime: true,
           validFrom: date('2020-01-01'), validTo: date('9999-12-31')})-[:IN]->(v), (t)-[:SECONDED_FROM]->(a)`,
        { r: id('R1'), v: id('V2'), a: id('A1'), t: id('tenure:R1') },
      );
    });
  });
  afterAll(async () => {
    await s.gateway.write('test.analytics.cleanup', 'MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', {
      p: P,
    });
    await s.close();
  });

  async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const { status, body } = await s.gql<T>(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data as T;
  }

  /** Ends pairing `key` on `day` (exclusive), as an editor would. */
  const endPairing = (key: string, day: string) =>
    s.gateway.write('test.analytics.end', 'MATCH (p:Pairing {id: $id}) SET p.validTo = date($day)', {
      id: id(`pairing:${key}`),
      day,
    });

  /** The fixture as stored: every relationship a path may follow, exported by an independent query. */
  async function exportPathGraph(on: string | null): Promise<RefEdge[]> {
    const rows = await s.gateway.read(
      'test.analytics.export',
      `MATCH (a)-[r:HELPER|BENEFICIARY|LOCATED_IN|MEMBER_OF|PART_OF]->(b)
       WHERE a.id STARTS WITH $p AND ($on IS NULL OR NOT a:Pairing OR (a.validFrom <= date($on) AND date($on) < a.validTo))
       RETURN labels(a)[0] + ':' + a.id AS a, labels(b)[0] + ':' + b.id AS b, type(r) AS type`,
      { p: P, on },
    );
    return rows.map((r) => ({ a: String(r.a), b: String(r.b), type: String(r.type) }));
  }

  /** The projected pairing network of the area on a day, exported independently of the API. */
  async function exportProjection(on: string): Promise<RefEdge[]> {
    const rows = await s.gateway.read(
      'test.analytics.projection',
      `MATCH (h)<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(b)
       WHERE p.id STARTS WITH $p AND p.validFrom <= date($on) AND date($on) < p.validTo
       RETURN DISTINCT labels(h)[0] + ':' + h.id AS a, labels(b)[0] + ':' + b.id AS b`,
      { p: P, on },
    );
    return rows.map((r) => ({ a: String(r.a), b: String(r.b), type: 'PAIRED' }));
  }

  type PathT = { nodes: { id: string }[]; relationships: { type: string }[] };
  const pathIds = (p: PathT) =>
    p.nodes.map((n) => {
      const k = fromGlobalId(n.id);
      return `${k.label}:${k.id}`;
    });

  it('paths equal every shortest path a plain BFS finds on the exported graph, ties and disconnected pairs included', async () => {
    const pairs: [string, string][] = [
      ['V1', 'A1'], // tie: two pairings between them
      ['H1', 'H4'], // through the admin tree
      ['Q1', 'A1'], // through MEMBER_OF
      ['H3', 'R1'],
      ['X', 'V1'], // X is connected to nothing
      ['S1', 'E1'],
    ];
    const edges = await exportPathGraph(null);
    for (const [from, to] of pairs) {
      const d = await data<{ paths: PathT[] }>(
        'query($f: ID!, $t: ID!) { paths(fromId: $f, toId: $t, first: 100) { nodes { id } relationships { type } } }',
        { f: gidOf(from), t: gidOf(to) },
      );
      const ref = allShortestPaths(edges, `${labelOf(from)}:${id(from)}`, `${labelOf(to)}:${id(to)}`, 6);
      expect(d.paths.map(pathIds).sort()).toEqual(ref.map((p) => p.nodes).sort());
      expect(d.paths.map((p) => p.relationships.map((r) => r.type)).sort()).toEqual(
        ref.map((p) => p.types).sort(),
      );
    }
    // The two pairings of A1 with V1 give two tied paths; X has none.
    const tie = await data<{ paths: PathT[] }>(
      'query($f: ID!, $t: ID!) { paths(fromId: $f, toId: $t) { nodes { id } } }',
      {
        f: gidOf('V1'),
        t: gidOf('A1'),
      },
    );
    expect(tie.paths.map((p) => keyOfGid(p.nodes[1].id))).toEqual(['p01', 'p02']);
    const none = await data<{ paths: PathT[] }>(
      'query($f: ID!, $t: ID!) { paths(fromId: $f, toId: $t) { length } }',
      {
        f: gidOf('X'),
        t: gidOf('V1'),
      },
    );
    expect(none.paths).toEqual([]);
    const pairingsOnly = await data<{ paths: PathT[] }>(
      'query($f: ID!, $t: ID!) { paths(fromId: $f, toId: $t, via: [PAIRING]) { length } }',
      { f: gidOf('Q1'), t: gidOf('A1') },
    );
    expect(pairingsOnly.paths).toEqual([]);
  });

  it('centrality equals an independent computation on the exported projection, ties sharing a rank', async () => {
    const edges = await exportProjection(DAY);
    const nodes = [...new Set(edges.flatMap((e) => [e.a, e.b]))];
    const degree = new Map(nodes.map((n) => [n, edges.filter((e) => e.a === n || e.b === n).length]));
    const refs: Record<string, Map<string, number>> = {
      DEGREE: degree,
      BETWEENNESS: betweenness(edges),
      PAGERANK: pagerank(edges, weightsOf(await exportWeights(DAY))),
    };
    for (const measure of ['DEGREE', 'BETWEENNESS', 'PAGERANK'] as const) {
      const d = await data<{
        centrality: {
          nodeCount: number;
          edgeCount: number;
          scores: { rank: number; score: number; id: string }[];
        };
      }>(
        `query($a: ID) { centrality(areaId: $a, measure: ${measure}, top: 100, activeOn: "${DAY}") {
          nodeCount edgeCount scores { rank score id } } }`,
        { a: gidOf('B') },
      );
      const c = d.centrality;
      expect(c.nodeCount).toBe(nodes.length);
      expect(c.edgeCount).toBe(edges.length);
      expect(c.scores).toHaveLength(nodes.length);
      const ref = refs[measure];
      for (const sc of c.scores) {
        const k = fromGlobalId(sc.id);
        expect(sc.score).toBeCloseTo(ref.get(`${k.label}:${k.id}`)!, measure === 'PAGERANK' ? 4 : 9);
      }
      // Ranks: 1 + the number of strictly higher scores.
      for (const sc of c.scores) expect(sc.rank).toBe(1 + c.scores.filter((o) => o.score > sc.score).length);
    }
    // The star around A1 (4 distinct partners) is the most between: C(4,2) = 6 pairs.
    expect(refs.BETWEENNESS.get(`Organization:${id('A1')}`)).toBe(6);
    expect(degree.get(`Household:${id('H1')}`)).toBe(degree.get(`Household:${id('H2')}`));
  });

  async function exportWeights(on: string) {
    return s.gateway.read(
      'test.analytics.weights',
      `MATCH (h)<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(b)
       WHERE p.id STARTS WITH $p AND p.validFrom <= date($on) AND date($on) < p.validTo
       RETURN labels(h)[0] + ':' + h.id AS a, labels(b)[0] + ':' + b.id AS b, count(p) AS w`,
      { p: P, on },
    );
  }
  const weightsOf = (rows: Record<string, unknown>[]) =>
    new Map(rows.map((r) => [`${String(r.a)}|${String(r.b)}`, Number(r.w)]));

  it('communities partition the projection without crossing its connected components', async () => {
    const edges = await exportProjection(DAY);
    const q = `query($a: ID) { communities(areaId: $a, activeOn: "${DAY}") { nodeCount count modularity
      communities(first: 100) { size helpers beneficiaries members(first: 100) { id } } } }`;
    type C = {
      communities: {
        nodeCount: number;
        count: number;
        modularity: number;
        communities: { size: number; helpers: number; beneficiaries: number; members: { id: string }[] }[];
      };
    };
    const d = await data<C>(q, { a: gidOf('B') });
    const again = await data<C>(q, { a: gidOf('B') });
    expect(again).toEqual(d); // seeded: the same graph gives the same partition
    const component = components(edges);
    const members = d.communities.communities.flatMap((c) =>
      c.members.map((m) => {
        const k = fromGlobalId(m.id);
        return `${k.label}:${k.id}`;
      }),
    );
    expect(members.sort()).toEqual([...component.keys()].sort());
    for (const c of d.communities.communities) {
      const comps = new Set(
        c.members.map((m) => {
          const k = fromGlobalId(m.id);
          return component.get(`${k.label}:${k.id}`);
        }),
      );
      expect(comps.size).toBe(1);
      expect(c.helpers + c.beneficiaries).toBe(c.size);
    }
    expect(d.communities.count).toBeGreaterThanOrEqual(new Set(component.values()).size);
    expect(d.communities.modularity).toBeGreaterThan(0);
  });

  type Violation = {
    rule: { id: string };
    helper: { key: string };
    shortfalls: { requirement: { key: string }; actual: number; missing: number }[];
  };
  const QUOTA = `query($a: ID, $on: Date) { quotaCompliance(areaId: $a, activeOn: $on, first: 100) { totalCount
    edges { node { rule { id } helper { key } shortfalls { requirement { key } actual missing } } } } }`;
  const violations = async (on: string) =>
    (
      await data<{ quotaCompliance: { totalCount: number; edges: { node: Violation }[] } }>(QUOTA, {
        a: gidOf('B'),
        on,
      })
    ).quotaCompliance;
  const brief = (v: Violation) => [
    v.rule.id,
    v.helper.key.slice(P.length),
    v.shortfalls.map((f) => `${f.requirement.key} ${f.actual}+${f.missing}`),
  ];

  it('quotaCompliance names exactly the helpers that fall short and what they miss, and follows ended pairings', async () => {
    const base = [
      ['BANNER_AGENCY', 'A2', ['households 1+2', 'secondedCadre 0+1']],
      ['COUNTY_CADRE', 'K1', ['households 1+1']],
      ['SECTION_CADRE', 'Q1', ['household 0+1']],
    ];
    const onDay = await violations(DAY);
    expect(onDay.edges.map((e) => brief(e.node))).toEqual(base);
    expect(onDay.totalCount).toBe(3);
    // The enterprise's only pairing begins on 2020-06-01: short the day before, not on the day.
    expect((await violations('2020-05-31')).edges.map((e) => brief(e.node))).toContainEqual([
      'ENTERPRISE',
      'E1',
      ['village 0+1'],
    ]);
    expect((await violations('2020-06-01')).edges.map((e) => brief(e.node))).toEqual(base);

    // End A1's pairing with H3 on 2021-01-01: A1 keeps 3 households until the day before.
    await endPairing('p05', '2021-01-01');
    expect((await violations('2020-12-31')).edges.map((e) => brief(e.node))).toEqual(base);
    expect((await violations('2021-01-01')).edges.map((e) => brief(e.node))).toEqual([
      ['BANNER_AGENCY', 'A1', ['households 2+1']],
      ...base,
    ]);
  });

  it('activeOn is half-open at a pairing’s boundaries in pairingGraph, pairingMatrix and paths', async () => {
    // p05 (A1 → H3) is valid 2020-01-01 ≤ day < 2021-01-01 (ended by the previous test).
    const graph = async (on: string) =>
      (
        await data<{
          pairingGraph: { nodes: { id: string }[]; edges: { id: string; validTo: string | null }[] };
        }>(
          'query($r: ID!, $on: Date) { pairingGraph(rootIds: [$r], activeOn: $on) { nodes { id } edges { id validTo } } }',
          { r: gidOf('A1'), on },
        )
      ).pairingGraph;
    expect((await graph('2019-12-31')).nodes.map((n) => keyOfGid(n.id))).toEqual(['A1']);
    expect((await graph('2020-01-01')).nodes.map((n) => keyOfGid(n.id)).sort()).toEqual([
      'A1',
      'H1',
      'H2',
      'H3',
      'V1',
    ]);
    const last = await graph('2020-12-31');
    expect(last.nodes.map((n) => keyOfGid(n.id))).toContain('H3');
    expect(last.edges.find((e) => keyOfGid(e.id) === 'p05')?.validTo).toBe('2021-01-01');
    expect((await graph('2021-01-01')).nodes.map((n) => keyOfGid(n.id))).not.toContain('H3');

    const agencyPairs = async (on: string) =>
      (
        await data<{
          pairingMatrix: {
            cells: {
              level: string;
              category: string;
              pairs: number;
              helpers: number;
              beneficiaries: number;
            }[];
          };
        }>(
          'query($a: ID, $on: Date) { pairingMatrix(areaId: $a, activeOn: $on) { cells { level category pairs helpers beneficiaries } } }',
          { a: gidOf('B'), on },
        )
      ).pairingMatrix.cells.filter((c) => c.pairs > 0);
    expect(await agencyPairs('2020-12-31')).toEqual([
      { level: 'BANNER', category: 'AGENCY', pairs: 7, helpers: 2, beneficiaries: 6 },
      { level: 'BANNER', category: 'LEADING_CADRE', pairs: 2, helpers: 1, beneficiaries: 2 },
      { level: 'BANNER', category: 'ENTERPRISE', pairs: 1, helpers: 1, beneficiaries: 1 },
      { level: 'BANNER', category: 'SECONDED_CADRE', pairs: 1, helpers: 1, beneficiaries: 1 },
    ]);
    expect((await agencyPairs('2021-01-01'))[0]).toEqual({
      level: 'BANNER',
      category: 'AGENCY',
      pairs: 6,
      helpers: 2,
      beneficiaries: 5,
    });

    // A path that used p05 on its last valid day must go around it the next day, as a BFS without it does.
    for (const on of ['2020-12-31', '2021-01-01']) {
      const d = await data<{ paths: PathT[] }>(
        'query($f: ID!, $t: ID!, $on: Date) { paths(fromId: $f, toId: $t, activeOn: $on, first: 100) { nodes { id } relationships { type } } }',
        { f: gidOf('H3'), t: gidOf('A1'), on },
      );
      const ref = allShortestPaths(
        await exportPathGraph(on),
        `Household:${id('H3')}`,
        `Organization:${id('A1')}`,
        6,
      );
      expect(d.paths.map(pathIds).sort()).toEqual(ref.map((p) => p.nodes).sort());
    }
  });

  it('pairingGraph edges are the induced subgraph and node categories are exact, selected or not', async () => {
    type G = {
      nodes: { id: string; kind: string; depth: number; category?: string | null }[];
      edges: { id: string; source: string; target: string; validTo: string | null }[];
      truncated: boolean;
    };
    const graph = (roots: string[], sel: string, extra = '') =>
      data<{ g: G }>(
        `query($r: [ID!]!) { g: pairingGraph(rootIds: $r, depth: 2, direction: BOTH${extra}) { ${sel} } }`,
        { r: roots.map(gidOf) },
      ).then((d) => d.g);
    const PLAIN = 'nodes { id kind depth } edges { id source target validTo } truncated';
    const WITH = 'nodes { id kind depth category } edges { id source target validTo } truncated';
    const FRAG = '...on PairingGraph { ns: nodes { ...N } } edges { id source target validTo } truncated';
    /** Every classified pairing in scope whose two ends are both in `nodes`, by key. */
    const induced = async (nodes: string[], on: string | null, categories: string[] | null) =>
      (
        await s.gateway.read(
          'test.analytics.induced',
          `MATCH (h)<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(b)
           WHERE h.id IN $ids AND b.id IN $ids AND p.level IS NOT NULL AND p.category IS NOT NULL
             AND ($on IS NULL OR (p.validFrom <= date($on) AND date($on) < p.validTo))
             AND ($cats IS NULL OR p.category IN $cats)
           RETURN p.id AS p, h.id AS h, b.id AS b ORDER BY p`,
          { ids: nodes.map((n) => id(keyOfGid(n))), on, cats: categories },
        )
      ).map((r) => [String(r.p), String(r.h), String(r.b)]);
    /** A helper's category: that of all its classified pairings (valid on `on`) when they agree. */
    const categoryOf = async (node: string, on: string | null, categories: string[] | null) => {
      const rows = await s.gateway.read(
        'test.analytics.categories',
        `MATCH ({id: $id})<-[:HELPER]-(p:Pairing)
         WHERE p.level IS NOT NULL AND p.category IS NOT NULL
           AND ($on IS NULL OR (p.validFrom <= date($on) AND date($on) < p.validTo))
           AND ($cats IS NULL OR p.category IN $cats)
         RETURN DISTINCT p.category AS c`,
        { id: id(keyOfGid(node)), on, cats: categories },
      );
      return rows.length === 1 ? String(rows[0].c) : null;
    };

    // A1 also assists V3 as an enterprise would: mixed categories make its category null, unless filtered.
    await s.gateway.write(
      'test.analytics.mixed',
      `MATCH (h {id: $h}), (b {id: $b})
       CREATE (p:Pairing {id: $p, provenance: 'SYNTHETIC', kind: 'ASSIST', level: 'BANNER', category: 'ENTERPRISE',
         mode: 'ONE_TO_ONE', validFrom: date('2020-03-01'), validTo: date('9999-12-31')})
       CREATE (p)-[:HELPER]->(h), (p)-[:BENEFICIARY]->(b)`,
      { h: id('A1'), b: id('V3'), p: id('pairing:pm') },
    );
    try {
      for (const [roots, on, cats] of [
        [['V2'], DAY, null],
        [['K1', 'A1'], null, null],
        [['V1'], '2020-02-01', null],
        [['V3'], DAY, null],
        [['V3', 'V1'], null, ['AGENCY', 'LEADING_CADRE']],
      ] as [string[], string | null, string[] | null][]) {
        const extra =
          (on ? `, activeOn: "${on}"` : '') + (cats ? `, filter: { category: [${cats.join(', ')}] }` : '');
        const plain = await graph(roots, PLAIN, extra);
        const full = await graph(roots, WITH, extra);
        const viaFragments = (
          await data<{ g: G & { ns: G['nodes'] } }>(
            `query($r: [ID!]!) { g: pairingGraph(rootIds: $r, depth: 2, direction: BOTH${extra}) { ${FRAG} } }
           fragment N on GraphNode { id kind depth category }`,
            { r: roots.map(gidOf) },
          )
        ).g;
        const ids = plain.nodes.map((n) => n.id);
        expect(plain.nodes.length).toBeGreaterThan(1);
        // Same nodes (order included) and byte-identical edges whether or not categories are asked for.
        expect(full.nodes.map(({ category: _c, ...n }) => n)).toEqual(plain.nodes);
        expect(JSON.stringify(full.edges)).toBe(JSON.stringify(plain.edges));
        expect(full.truncated).toBe(false);
        expect(viaFragments.ns).toEqual(full.nodes);
        expect(JSON.stringify(viaFragments.edges)).toBe(JSON.stringify(plain.edges));
        // The edges are exactly the induced subgraph, in key order, helper → beneficiary.
        const ends = plain.edges.map((e) => [e.id, e.source, e.target].map((g) => fromGlobalId(g).id));
        expect(ends).toEqual(await induced(ids, on, cats));
        for (const n of full.nodes)
          expect([n.id, n.category]).toEqual([n.id, await categoryOf(n.id, on, cats)]);
      }
      // Spot checks of the reference itself: A1 is mixed once pm starts, K1 is a leading cadre.
      expect(await categoryOf(gidOf('A1'), '2020-02-01', null)).toBe('AGENCY');
      expect(await categoryOf(gidOf('A1'), DAY, null)).toBeNull();
      expect(await categoryOf(gidOf('A1'), DAY, ['AGENCY'])).toBe('AGENCY');
      expect(await categoryOf(gidOf('K1'), null, null)).toBe('LEADING_CADRE');
    } finally {
      await s.gateway.write('test.analytics.unmixed', 'MATCH (p:Pairing {id: $p}) DETACH DELETE p', {
        p: id('pairing:pm'),
      });
    }
  });

  it('egoNetwork is the pairing graph around one entity; a missing entity is NOT_FOUND', async () => {
    const d = await data<{ egoNetwork: { nodes: { id: string; depth: number }[] } }>(
      `query($r: ID!) { egoNetwork(id: $r, hops: 2, activeOn: "${DAY}") { nodes { id depth } } }`,
      { r: gidOf('V2') },
    );
    expect(d.egoNetwork.nodes.map((n) => [keyOfGid(n.id), n.depth])).toEqual([
      ['V2', 0],
      ['E1', 1], // by hop distance, then kind (Enterprise < Organization < Person), then key
      ['A2', 1],
      ['R1', 1],
      ['H4', 2],
    ]);
    const { body } = await s.gql('query($r: ID!) { egoNetwork(id: $r) { truncated } }', {
      r: toGlobalId('Enterprise', id('nobody')),
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });
});

/** Connected components of an edge list: node → component index. */
function components(edges: RefEdge[]): Map<string, number> {
  const comp = new Map<string, number>();
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    adj.set(e.a, [...(adj.get(e.a) ?? []), e.b]);
    adj.set(e.b, [...(adj.get(e.b) ?? []), e.a]);
  }
  let c = 0;
  for (const start of adj.keys()) {
    if (comp.has(start)) continue;
    const stack = [start];
    comp.set(start, c);
    while (stack.length) {
      for (const n of adj.get(stack.pop()!) ?? []) {
        if (comp.has(n)) continue;
        comp.set(n, c);
        stack.push(n);
      }
    }
    c++;
  }
  return comp;
}
