import { toGlobalId } from '../../src/graphql/ids';
import { REPORT_DATE } from '../../src/domain/model';
import { startTestServer, type TestServer } from '../support/harness';

/**
 * The analytics API on the seeded scale-1 graph of the report (read-only: nothing here writes).
 * The figures are the report's (docs/model.md) or follow from the deterministic synthetic layer.
 */
describe('analytics API on the seeded graph', () => {
  let s: TestServer;
  const ZHUNGEER = toGlobalId('AdminUnit', 'au:zhungeer');
  const XINHUA = toGlobalId('Organization', 'org:xinhua-nmg');
  const CHENGHAO = toGlobalId('AdminUnit', 'au:chenghao');
  const HOUSEHOLD = toGlobalId('Household', 'syn:b001:household:00001'); // lives in 城壕村

  beforeAll(async () => {
    s = await startTestServer({ hardening: { requestTimeoutMs: 60_000 } });
  });
  afterAll(() => s.close());

  async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const { status, body } = await s.gql<T>(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data as T;
  }

  type Cell = {
    level: string | null;
    category: string | null;
    pairs: number;
    helpers: number;
    beneficiaries: number;
  };

  it('pairingMatrix reproduces the report: 6 / 649 / 2015 pairs and 2 / 25 / 54 + 76 + 155 + 159 helpers', async () => {
    for (const activeOn of [REPORT_DATE, null]) {
      const d = await data<{
        pairingMatrix: { activeOn: string; cells: Cell[]; levels: Cell[]; total: Cell };
      }>(
        `query($a: ID, $on: Date) { pairingMatrix(areaId: $a, activeOn: $on) { activeOn
          cells { level category pairs helpers beneficiaries }
          levels { level category pairs helpers beneficiaries }
          total { level category pairs helpers beneficiaries } } }`,
        { a: ZHUNGEER, on: activeOn },
      );
      const m = d.pairingMatrix;
      const cell = (level: string, category: string) =>
        m.cells.find((c) => c.level === level && c.category === category);
      expect(m.cells).toHaveLength(20);
      expect(cell('REGION', 'AGENCY')).toMatchObject({ pairs: 6, helpers: 2, beneficiaries: 1 });
      expect(cell('CITY', 'AGENCY')).toMatchObject({ pairs: 649, helpers: 25, beneficiaries: 182 });
      expect(cell('BANNER', 'LEADING_CADRE')).toMatchObject({ pairs: 162, helpers: 54 });
      expect(cell('BANNER', 'AGENCY')).toMatchObject({ pairs: 1539, helpers: 76 });
      expect(cell('BANNER', 'ENTERPRISE')).toMatchObject({ pairs: 155, helpers: 155 });
      expect(cell('BANNER', 'SECONDED_CADRE')).toMatchObject({ pairs: 159, helpers: 159 });
      expect(cell('TOWNSHIP', 'LEADING_CADRE')).toMatchObject({
        pairs: 459,
        helpers: 459,
        beneficiaries: 459,
      });
      expect(m.levels.map((l) => [l.level, l.pairs])).toEqual([
        ['REGION', 6],
        ['CITY', 649],
        ['BANNER', 2015],
        ['TOWNSHIP', 459],
        ['VILLAGE', 0],
      ]);
      // Banner level: 182 villages + 1357 agency households + 108 cadre households = 1647 beneficiaries.
      expect(m.levels[2]).toMatchObject({ helpers: 444, beneficiaries: 1647 });
      // 182 villages + 1924 paired households.
      expect(m.total).toEqual({
        level: null,
        category: null,
        pairs: 3129,
        helpers: 930,
        beneficiaries: 2106,
      });
    }
  });

  it('drills down from every matrix cell to its pairings in a bounded number of statements', async () => {
    const before = await s.cypherCount();
    const d = await data<{
      pairingMatrix: {
        cells: (Cell & { pairings: { totalCount: number; edges: { node: Record<string, string> }[] } })[];
      };
    }>(
      `query($a: ID) { pairingMatrix(areaId: $a, activeOn: "${REPORT_DATE}") { cells { level category pairs
        pairings(first: 2) { totalCount edges { node { level category kind } } } } } }`,
      { a: ZHUNGEER },
    );
    // area check + matrix + 20 lists and 20 counts in batches of 5.
    expect((await s.cypherCount()) - before).toBeLessThanOrEqual(10);
    for (const c of d.pairingMatrix.cells) {
      expect(c.pairings.totalCount).toBe(c.pairs);
      for (const e of c.pairings.edges) {
        expect(e.node).toMatchObject({ level: c.level, category: c.category });
        expect(['ASSIST', 'STATIONED']).toContain(e.node.kind);
      }
    }
    const enterprises = d.pairingMatrix.cells.find(
      (c) => c.level === 'BANNER' && c.category === 'ENTERPRISE',
    );
    expect(enterprises?.pairings.edges).toHaveLength(2);
  });

  it('quotaCompliance finds no helper short of the report’s quotas in 准格尔旗, on the report date and today', async () => {
    for (const activeOn of [REPORT_DATE, null]) {
      const d = await data<{
        quotaCompliance: {
          totalCount: number;
          edges: unknown[];
          summary: { rule: { id: string }; subjects: number; violating: number }[];
        };
      }>(
        `query($a: ID, $on: Date) { quotaCompliance(areaId: $a, activeOn: $on) { totalCount edges { cursor }
          summary { rule { id } subjects violating } } }`,
        { a: ZHUNGEER, on: activeOn },
      );
      expect(d.quotaCompliance.edges).toEqual([]);
      expect(d.quotaCompliance.totalCount).toBe(0);
      expect(d.quotaCompliance.summary).toEqual([
        { rule: { id: 'COUNTY_CADRE' }, subjects: 54, violating: 0 },
        { rule: { id: 'BANNER_AGENCY' }, subjects: 76, violating: 0 },
        { rule: { id: 'SECTION_CADRE' }, subjects: 459, violating: 0 },
        { rule: { id: 'ENTERPRISE' }, subjects: 155, violating: 0 },
      ]);
    }
  });

  it('quotaRules are data with their quotes', async () => {
    const d = await data<{
      quotaRules: {
        id: string;
        citation: { quote: string };
        requirements: { key: string; minimum: number }[];
      }[];
    }>('{ quotaRules { id citation { quote } requirements { key minimum } } }');
    expect(d.quotaRules.map((r) => [r.id, r.requirements.map((q) => `${q.key}≥${q.minimum}`)])).toEqual([
      ['COUNTY_CADRE', ['township≥1', 'village≥1', 'households≥2']],
      ['BANNER_AGENCY', ['village≥1', 'households≥3', 'secondedCadre≥1']],
      ['SECTION_CADRE', ['household≥1', 'student≥1']],
      ['ENTERPRISE', ['village≥1']],
    ]);
    expect(d.quotaRules[3].citation.quote).toBe('每个民营企业帮扶1个嘎查村');
  });

  it('coverage rolls up through the admin tree: 182 villages covered, 1924 of 2000 households paired', async () => {
    type Ben = { registered: number; assisted: number; unassisted: number };
    const d = await data<{
      coverage: {
        villages: Ben;
        households: Ben & {
          unassistedList: { totalCount: number; edges: { node: { __typename: string } }[] };
        };
        students: Ben;
        helpersPerVillage: { helpers: number; villages: number; villageList: { totalCount: number } }[];
        children: { area: { kind: string }; villages: Ben; households: Ben }[];
      };
    }>(
      `query($a: ID) { coverage(areaId: $a, activeOn: "${REPORT_DATE}") {
        villages { registered assisted unassisted }
        households { registered assisted unassisted unassistedList(first: 3) { totalCount edges { node { __typename } } } }
        students { registered assisted unassisted }
        helpersPerVillage { helpers villages villageList(first: 1) { totalCount } }
        children { area { kind } villages { registered assisted unassisted } households { registered assisted unassisted } } } }`,
      { a: ZHUNGEER },
    );
    const c = d.coverage;
    expect(c.villages).toEqual({ registered: 182, assisted: 182, unassisted: 0 });
    expect(c.households).toMatchObject({ registered: 2000, assisted: 1924, unassisted: 76 });
    expect(c.households.unassistedList.totalCount).toBe(76);
    expect(c.households.unassistedList.edges.map((e) => e.node.__typename)).toEqual([
      'Household',
      'Household',
      'Household',
    ]);
    // 459 township cadres' students + the 6 of 刘显亮's 38 whose 4-year terms include 2013-04-16.
    expect(c.students).toEqual({ registered: 497, assisted: 465, unassisted: 32 });
    expect(c.helpersPerVillage.reduce((t, h) => t + h.villages, 0)).toBe(182);
    expect(Math.min(...c.helpersPerVillage.map((h) => h.helpers))).toBeGreaterThanOrEqual(2);
    for (const h of c.helpersPerVillage) expect(h.villageList.totalCount).toBe(h.villages);
    expect(c.children.map((x) => x.area.kind).sort()).toEqual([
      ...Array(4).fill('STREET'),
      ...Array(9).fill('TOWNSHIP'),
    ]);
    const sum = (f: (x: (typeof c.children)[number]) => number) => c.children.reduce((t, x) => t + f(x), 0);
    expect(sum((x) => x.villages.registered)).toBe(182);
    expect(sum((x) => x.households.registered)).toBe(2000);
    expect(sum((x) => x.households.assisted)).toBe(1924);
  });

  it('indicators: every observation of the report matches the value computed from the graph', async () => {
    const d = await data<{
      indicators: {
        key: string;
        reported: number;
        computed: number;
        status: string;
        matches: boolean;
        observation: { key: string };
      }[];
    }>(
      'query($s: ID) { indicators(sourceId: $s) { key reported computed status matches observation { key } } }',
      { s: toGlobalId('Source', 'src:ordos-daily-2013-04-16') },
    );
    expect(d.indicators).toHaveLength(54);
    expect(d.indicators.filter((i) => i.status !== 'MATCH')).toEqual([]);
    expect(d.indicators.find((i) => i.key === 'obs:city-pairings')).toMatchObject({
      reported: 649,
      computed: 649,
      matches: true,
      observation: { key: 'obs:city-pairings' },
    });
  });

  type GNode = {
    id: string;
    kind: string;
    name: string;
    level: string | null;
    category: string | null;
    root: boolean;
    depth: number;
  };
  type GEdge = {
    id: string;
    source: string;
    target: string;
    kind: string;
    level: string;
    category: string;
    validTo: string | null;
  };
  const GRAPH = `nodes { id kind name level category root depth } edges { id source target kind level category validTo } truncated`;

  it('pairingGraph: 新华社内蒙古分社 assists 城壕村 through 3 pairings; two hops reach its 9 other helpers', async () => {
    const d = await data<{
      g1: { nodes: GNode[]; edges: GEdge[]; truncated: boolean };
      g2: { nodes: GNode[]; edges: GEdge[]; truncated: boolean };
    }>(
      `query($x: ID!) { g1: pairingGraph(rootIds: [$x]) { ${GRAPH} } g2: pairingGraph(rootIds: [$x], depth: 2) { ${GRAPH} } }`,
      { x: XINHUA },
    );
    expect(d.g1.nodes).toEqual([
      {
        id: XINHUA,
        kind: 'Organization',
        name: '新华社内蒙古分社',
        level: 'REGION',
        category: 'AGENCY',
        root: true,
        depth: 0,
      },
      { id: CHENGHAO, kind: 'AdminUnit', name: '城壕村', level: null, category: null, root: false, depth: 1 },
    ]);
    expect(d.g1.edges).toHaveLength(3);
    for (const e of d.g1.edges) {
      expect(e).toMatchObject({
        source: XINHUA,
        target: CHENGHAO,
        kind: 'ASSIST',
        level: 'REGION',
        category: 'AGENCY',
        validTo: null,
      });
    }
    expect(d.g1.truncated).toBe(false);
    // 城壕村 has 10 helpers (histogram of coverage); every edge joins two returned nodes.
    expect(d.g2.nodes.filter((n) => n.depth === 2)).toHaveLength(9);
    const ids = new Set(d.g2.nodes.map((n) => n.id));
    for (const e of d.g2.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(d.g2.edges.filter((e) => e.target === CHENGHAO).length).toBeGreaterThanOrEqual(10);
  });

  it('pairingGraph follows the direction asked and caps nodes with truncated', async () => {
    const d = await data<{
      out: { nodes: GNode[] };
      inn: { nodes: GNode[] };
      cut: { nodes: GNode[]; edges: GEdge[]; truncated: boolean };
    }>(
      `query($c: ID!) { out: pairingGraph(rootIds: [$c], direction: OUT) { nodes { id } }
        inn: pairingGraph(rootIds: [$c], direction: IN) { nodes { id depth } }
        cut: pairingGraph(rootIds: [$c], maxNodes: 4) { nodes { id } edges { source target } truncated } }`,
      { c: CHENGHAO },
    );
    expect(d.out.nodes).toEqual([{ id: CHENGHAO }]); // a village assists no one
    expect(d.inn.nodes).toHaveLength(11); // itself + 10 helpers
    expect(d.cut.nodes).toHaveLength(4);
    expect(d.cut.truncated).toBe(true);
    const ids = new Set(d.cut.nodes.map((n) => n.id));
    for (const e of d.cut.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  type PathT = {
    length: number;
    nodes: { id: string; kind: string }[];
    relationships: {
      type: string;
      forward: boolean;
      pairing: { key: string } | null;
      citations: { quote: string }[];
    }[];
  };
  const PATH = 'length nodes { id kind } relationships { type forward pairing { key } citations { quote } }';

  it('paths: 新华社内蒙古分社 reaches a 城壕村 household by three equally short paths, one per pairing', async () => {
    const d = await data<{ paths: PathT[]; geo: PathT[]; short: PathT[] }>(
      `query($x: ID!, $h: ID!) { paths(fromId: $x, toId: $h) { ${PATH} }
        geo: paths(fromId: $x, toId: $h, via: [LOCATED_IN]) { ${PATH} }
        short: paths(fromId: $x, toId: $h, maxHops: 2) { length } }`,
      { x: XINHUA, h: HOUSEHOLD },
    );
    expect(d.paths).toHaveLength(3);
    expect(d.paths.map((p) => p.relationships[0].pairing?.key)).toEqual([
      'pair:xinhua-nmg:chenghao:gubeng',
      'pair:xinhua-nmg:chenghao:sandao',
      'pair:xinhua-nmg:chenghao:wanming',
    ]);
    for (const p of d.paths) {
      expect(p.length).toBe(3);
      expect(p.nodes.map((n) => n.kind)).toEqual(['Organization', 'Pairing', 'AdminUnit', 'Household']);
      expect(p.relationships.map((r) => [r.type, r.forward])).toEqual([
        ['HELPER', false],
        ['BENEFICIARY', true],
        ['LOCATED_IN', false],
      ]);
      expect(p.relationships[0].citations.map((c) => c.quote)).toContain(
        '全旗有2个自治区级机关单位(新华社内蒙古分社、自治区政府金融办)与准格尔旗城壕村结成6个帮扶对子',
      );
    }
    // Through the admin tree only: 新华社 → 自治区 ← 市 ← 旗 ← 乡镇 ← 城壕村 ← household.
    expect(d.geo).toHaveLength(1);
    expect(d.geo[0].length).toBe(6);
    expect(d.short).toEqual([]);
  });

  it('exemplars: 刘显亮 first, then the 6 organizations and 8 persons 《七月聚焦》 features', async () => {
    const d = await data<{
      exemplars: {
        totalCount: number;
        edges: {
          node: {
            entity: { name: string; __typename: string };
            reasons: string[];
            pairings: { totalCount: number };
          };
        }[];
      };
    }>(
      '{ exemplars(first: 100) { totalCount edges { node { entity { __typename name } reasons pairings { totalCount } } } } }',
    );
    const e = d.exemplars;
    expect(e.totalCount).toBe(15);
    expect(e.edges[0].node).toEqual({
      entity: { __typename: 'Person', name: '刘显亮' },
      reasons: ['EXEMPLAR'],
      pairings: { totalCount: 38 },
    });
    expect(e.edges.filter((x) => x.node.entity.__typename === 'Organization')).toHaveLength(6);
    expect(
      e.edges.filter((x) => x.node.reasons.includes('FEATURED') && x.node.entity.__typename === 'Person'),
    ).toHaveLength(8);
  });

  it('Exemplar.network gives the same graph with or without node categories, batched per selection', async () => {
    type Net = { nodes: { id: string; depth: number; category?: string | null }[]; edges: { id: string }[] };
    const d = await data<{ exemplars: { edges: { node: { a: Net; b: Net } }[] } }>(
      `{ exemplars(first: 8) { edges { node {
          a: network(depth: 1) { nodes { id depth category } edges { id } }
          b: network(depth: 1) { nodes { id depth } edges { id } } } } } }`,
    );
    expect(d.exemplars.edges).toHaveLength(8);
    for (const { node } of d.exemplars.edges) {
      expect(node.a.nodes.map(({ category: _c, ...n }) => n)).toEqual(node.b.nodes);
      expect(node.a.edges).toEqual(node.b.edges);
      for (const n of node.a.nodes) expect(n.category === null || typeof n.category === 'string').toBe(true);
    }
  });

  it('refuses bad arguments with coded errors naming them', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['query($a: ID) { pairingMatrix(areaId: $a) { activeOn } }', { a: XINHUA }, 'BAD_USER_INPUT', 'areaId'],
      [
        'query($a: ID) { coverage(areaId: $a) { activeOn } }',
        { a: toGlobalId('AdminUnit', 'au:nowhere') },
        'NOT_FOUND',
        'areaId',
      ],
      [
        'query($x: ID!) { pairingGraph(rootIds: [$x], maxNodes: 5000) { truncated } }',
        { x: XINHUA },
        'BAD_USER_INPUT',
        'maxNodes',
      ],
      [
        'query($x: ID!) { pairingGraph(rootIds: [$x], depth: 7) { truncated } }',
        { x: XINHUA },
        'BAD_USER_INPUT',
        'depth',
      ],
      [
        'query($x: ID!) { paths(fromId: $x, toId: $x, maxHops: 11) { length } }',
        { x: XINHUA },
        'BAD_USER_INPUT',
        'maxHops',
      ],
      [
        'query($x: ID!) { centrality(measure: DEGREE, top: 0, areaId: $x) { nodeCount } }',
        { x: ZHUNGEER },
        'BAD_USER_INPUT',
        'top',
      ],
    ];
    for (const [query, variables, code, argument] of cases) {
      const { body } = await s.gql(query, variables);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code, argument });
    }
  });

  it('refuses a timeline of more than 600 periods with advice that fits the interval asked', async () => {
    const asked = async (from: string, to: string, interval: string) =>
      (await s.gql(`{ timeline(from: "${from}", to: "${to}", interval: ${interval}) { periods { start } } }`))
        .body.errors?.[0]?.message;
    expect(await asked('0001-01-01', '9999-12-31', 'YEAR')).toBe(
      'timeline is limited to 600 periods; 0001-01-01 to 9999-12-31 by YEAR has 9999: narrow from/to',
    );
    expect(await asked('1950-01-01', '2013-12-31', 'MONTH')).toBe(
      'timeline is limited to 600 periods; 1950-01-01 to 2013-12-31 by MONTH has 768: narrow from/to or use YEAR',
    );
    // YEAR is advised only where it would be answered
    expect(await asked('0001-01-01', '9999-12-31', 'MONTH')).toBe(
      'timeline is limited to 600 periods; 0001-01-01 to 9999-12-31 by MONTH has 119988: narrow from/to',
    );
  });

  it("answers a reported figure's citations as its observation does (one short list, one path)", async () => {
    type Check = { key: string; citations: { id: string }[]; observation: { citations: { id: string }[] } };
    const d = await data<{ indicators: Check[] }>(
      '{ indicators { key citations { id } observation { citations { id } } } }',
    );
    expect(d.indicators.length).toBeGreaterThanOrEqual(54);
    expect(d.indicators.filter((c) => c.citations.length > 0).length).toBeGreaterThanOrEqual(54);
    for (const c of d.indicators) expect([c.key, c.citations]).toEqual([c.key, c.observation.citations]);
  });
});
