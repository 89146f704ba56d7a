import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { fromGlobalId, toGlobalId } from '../../src/graphql/ids';
import { REPORT_DATE } from '../../src/domain/model';
import { startTestServer, testDriver, type TestServer } from '../support/harness';

/**
 * What a researcher looks at on the seeded scale-1 graph: exemplar networks drawn with every kind
 * of pairing (刘显亮's 38 SPONSOR pairings included). Read-only.
 */
describe('researchers: every pairing drawable', () => {
  let s: TestServer;
  const LIU = toGlobalId('Person', 'person:liu-xianliang');
  const XINHUA = toGlobalId('Organization', 'org:xinhua-nmg');

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

  type Graph = {
    nodes: { id: string; kind: string; root: boolean; depth: number }[];
    edges: {
      id: string;
      source: string;
      target: string;
      kind: string;
      level: string | null;
      category: string | null;
      validFrom: string;
      validTo: string | null;
    }[];
    truncated: boolean;
  };
  const GRAPH = `nodes { id kind root depth } edges { id source target kind level category validFrom validTo } truncated`;

  /** 刘显亮's sponsored students (beneficiary ids) through the read API, independently of pairingGraph. */
  async function liuStudents(activeOn: string | null): Promise<string[]> {
    const d = await data<{
      node: {
        pairings: { totalCount: number; edges: { node: { kind: string; beneficiary: { id: string } } }[] };
      };
    }>(
      `query($id: ID!, $f: PairingFilter) { node(id: $id) { ... on Person {
        pairings(first: 100, filter: $f) { totalCount edges { node { kind beneficiary { id } } } } } } }`,
      { id: LIU, f: activeOn ? { activeOn } : null },
    );
    expect(d.node.pairings.edges).toHaveLength(d.node.pairings.totalCount);
    return d.node.pairings.edges.map((e) => e.node.beneficiary.id).sort();
  }

  it('刘显亮’s pairingGraph draws him and his 38 students, every edge a SPONSOR pairing without level or category', async () => {
    const d = await data<{ g: Graph; ego: Graph }>(
      `query($r: ID!) { g: pairingGraph(rootIds: [$r]) { ${GRAPH} } ego: egoNetwork(id: $r) { ${GRAPH} } }`,
      { r: LIU },
    );
    const students = await liuStudents(null);
    expect(students).toHaveLength(38);
    for (const g of [d.g, d.ego]) {
      expect(g.truncated).toBe(false);
      expect(g.nodes).toHaveLength(39);
      expect(g.nodes[0]).toEqual({ id: LIU, kind: 'Person', root: true, depth: 0 });
      expect(g.nodes.slice(1).every((n) => n.kind === 'Student' && n.depth === 1)).toBe(true);
      expect(
        g.nodes
          .slice(1)
          .map((n) => n.id)
          .sort(),
      ).toEqual(students);
      expect(g.edges).toHaveLength(38);
      for (const e of g.edges) {
        expect(e).toMatchObject({ source: LIU, kind: 'SPONSOR', level: null, category: null });
      }
      expect(g.edges.map((e) => e.target).sort()).toEqual(students);
    }
  });

  it('on 2013-04-16 刘显亮’s graph holds exactly the students whose terms include that day', async () => {
    const d = await data<{ g: Graph }>(
      `query($r: ID!, $on: Date) { g: pairingGraph(rootIds: [$r], activeOn: $on) { ${GRAPH} } }`,
      { r: LIU, on: REPORT_DATE },
    );
    const active = await liuStudents(REPORT_DATE);
    // a strict subset: some students finished before the report, so the day matters
    expect(active.length).toBeGreaterThan(0);
    expect(active.length).toBeLessThan(38);
    expect(
      d.g.nodes
        .filter((n) => !n.root)
        .map((n) => n.id)
        .sort(),
    ).toEqual(active);
    for (const e of d.g.edges) {
      expect(e.validFrom <= REPORT_DATE && (e.validTo === null || REPORT_DATE < e.validTo)).toBe(true);
    }
    expect(d.g.edges.map((e) => e.target).sort()).toEqual(active);
  });

  it('kinds are included or excluded through the filter; excluding SPONSOR gives the 五级四类 graph', async () => {
    const d = await data<{ liu: Graph; only: Graph; x: Graph; xAll: Graph }>(
      `query($r: ID!, $x: ID!) {
        liu: pairingGraph(rootIds: [$r], filter: {NOT: {kind: [SPONSOR]}}) { ${GRAPH} }
        only: pairingGraph(rootIds: [$r, $x], filter: {kind: [SPONSOR]}) { ${GRAPH} }
        x: pairingGraph(rootIds: [$x], depth: 2, filter: {NOT: {kind: [SPONSOR]}}) { ${GRAPH} }
        xAll: pairingGraph(rootIds: [$x], depth: 2) { ${GRAPH} } }`,
      { r: LIU, x: XINHUA },
    );
    expect(d.liu.nodes.map((n) => n.id)).toEqual([LIU]);
    expect(d.liu.edges).toEqual([]);
    expect(d.only.edges).toHaveLength(38);
    expect(d.only.edges.every((e) => e.kind === 'SPONSOR')).toBe(true);
    // without SPONSOR every edge has a level and a category (the 五级四类 network) …
    expect(d.x.edges.length).toBeGreaterThan(10);
    expect(d.x.edges.every((e) => e.level !== null && e.category !== null)).toBe(true);
    // … and it is the full graph's classified part
    const kept = new Set(d.x.nodes.map((n) => n.id));
    expect(d.x.edges.map((e) => e.id)).toEqual(
      d.xAll.edges
        .filter((e) => e.level !== null && kept.has(e.source) && kept.has(e.target))
        .map((e) => e.id),
    );
  });

  it('城壕村’s three pairings with 自治区政府金融办 are told apart by their programme (and key)', async () => {
    const d = await data<{
      node: {
        assistedBy: {
          edges: {
            node: {
              key: string;
              level: string;
              category: string;
              kind: string;
              validFrom: string;
              validTo: string | null;
              helper: { name: string };
              programme: { name: string } | null;
            };
          }[];
        };
      };
    }>(
      `query($c: ID!) { node(id: $c) { ... on AdminUnit { assistedBy(first: 100) { edges { node {
        key level category kind validFrom validTo helper { name } programme { name } } } } } } }`,
      { c: toGlobalId('AdminUnit', 'au:chenghao') },
    );
    const finance = d.node.assistedBy.edges
      .map((e) => e.node)
      .filter((p) => p.helper.name === '内蒙古自治区人民政府金融工作办公室');
    expect(finance).toHaveLength(3);
    // alike in everything the side panel showed …
    const look = (p: (typeof finance)[number]) =>
      [p.level, p.category, p.kind, p.validFrom, p.validTo].join('|');
    expect(new Set(finance.map(look))).toEqual(new Set(['REGION|AGENCY|ASSIST|2012-01-01|']));
    // … and apart by programme and key
    expect(finance.map((p) => p.programme?.name).sort()).toEqual(
      ['万名党员干部下基层办实事转作风', '三到', '北疆基层党组织固本工程'].sort(),
    );
    expect(new Set(finance.map((p) => p.key)).size).toBe(3);
  });

  it('the 五级四类 matrix still counts only classified pairings (准格尔旗 total on the report date)', async () => {
    const d = await data<{ pairingMatrix: { total: { pairs: number; helpers: number } } }>(
      `query($a: ID) { pairingMatrix(areaId: $a, activeOn: "${REPORT_DATE}") { total { pairs helpers } } }`,
      { a: toGlobalId('AdminUnit', 'au:zhungeer') },
    );
    expect(d.pairingMatrix.total).toEqual({ pairs: 3129, helpers: 930 });
  });
});

/**
 * The timeline analytic against independent counts: `pairings(filter: {activeOn})` for `active`,
 * and for started/ended/beneficiaries the scope's pairings read once (ids, dates, beneficiary) and
 * counted in JavaScript — no date arithmetic shared with the implementation.
 */
describe('researchers: the network through time', () => {
  let s: TestServer;
  let driver: Driver;
  const LIU = toGlobalId('Person', 'person:liu-xianliang');
  const XINHUA = toGlobalId('Organization', 'org:xinhua-nmg');
  const ZHUNGEER = toGlobalId('AdminUnit', 'au:zhungeer');
  const CHENGHAO = toGlobalId('AdminUnit', 'au:chenghao');
  const areas: string[] = [ZHUNGEER, CHENGHAO];
  const helpers: string[] = [LIU, XINHUA];

  beforeAll(async () => {
    s = await startTestServer({ hardening: { requestTimeoutMs: 120_000, maxAliases: 100 } });
    driver = testDriver();
    const col = async (cypher: string) =>
      (await driver.executeQuery(cypher)).records.map((r) => String(r.get(0)));
    areas.push(
      ...(await col("MATCH (a:AdminUnit {kind: 'TOWNSHIP'}) RETURN a.id ORDER BY a.id LIMIT 2")).map((k) =>
        toGlobalId('AdminUnit', k),
      ),
    );
    helpers.push(
      ...(
        await col(
          "MATCH (o:Organization {level: 'CITY'})<-[:HELPER]-(:Pairing) WITH o, count(*) AS n ORDER BY n DESC, o.id LIMIT 1 RETURN o.id",
        )
      ).map((k) => toGlobalId('Organization', k)),
    );
  });
  afterAll(async () => {
    await driver.close();
    await s.close();
  });

  async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const { status, body } = await s.gql<T>(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data as T;
  }

  type Period = {
    start: string;
    end: string;
    level: string | null;
    category: string | null;
    kind: string | null;
    active: number;
    started: number;
    ended: number;
    beneficiaries: number;
  };
  type TimelineT = { from: string; to: string; periods: Period[] };
  const SEL = 'from to periods { start end level category kind active started ended beneficiaries }';

  async function timelineOf(args: Record<string, unknown>): Promise<TimelineT> {
    const d = await data<{ t: TimelineT }>(
      `query($a: ID, $h: ID, $from: Date!, $to: Date!, $i: TimelineInterval, $g: TimelineGroupBy) {
        t: timeline(areaId: $a, helperId: $h, from: $from, to: $to, interval: $i, groupBy: $g) { ${SEL} } }`,
      args,
    );
    return d.t;
  }

  /** The scope's pairings, read plainly: `validTo` null while open. */
  async function scopePairings(scope: {
    area?: string;
    helper?: string;
  }): Promise<{ from: string; to: string | null; b: string; kind: string; level: string | null }[]> {
    const id = (g: string) => fromGlobalId(g, 'id').id;
    const cypher = scope.helper
      ? 'MATCH (h {id: $id})<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(b) RETURN p, b.id AS b'
      : 'MATCH (p:Pairing)-[:BENEFICIARY]->(b) WHERE EXISTS { (b)-[:LOCATED_IN*0..6]->(:AdminUnit {id: $id}) } RETURN p, b.id AS b';
    const res = await driver.executeQuery(cypher, { id: id(scope.helper ?? scope.area!) });
    return res.records.map((r) => {
      const p = r.get('p').properties as Record<string, unknown>;
      const to = String(p.validTo);
      return {
        from: String(p.validFrom),
        to: to === '9999-12-31' ? null : to,
        b: String(r.get('b')),
        kind: String(p.kind),
        level: p.level == null ? null : String(p.level),
      };
    });
  }

  /** `active` of each start through the read API (one request, aliased). */
  async function activeCounts(
    scope: { area?: string; helper?: string },
    starts: string[],
  ): Promise<number[]> {
    const q = starts
      .map((d, i) =>
        scope.helper
          ? `a${i}: node(id: $h) { ... on Helper { pairings(filter: {activeOn: "${d}"}) { totalCount } } }`
          : `a${i}: pairings(filter: {activeOn: "${d}", areaId: $a}) { totalCount }`,
      )
      .join('\n');
    const vars = scope.helper ? `$h: ID!` : `$a: ID!`;
    const d = await data<Record<string, { totalCount?: number; pairings?: { totalCount: number } }>>(
      `query(${vars}) { ${q} }`,
      scope.helper ? { h: scope.helper } : { a: scope.area },
    );
    return starts.map((_, i) => d[`a${i}`].totalCount ?? d[`a${i}`].pairings!.totalCount);
  }

  it('property: every period’s active equals pairings(activeOn: start); started, ended and beneficiaries equal direct counts', async () => {
    const scopeArb = fc.oneof(
      fc.constantFrom(...areas).map((area) => ({ area, helper: undefined as string | undefined })),
      fc.constantFrom(...helpers).map((helper) => ({ area: undefined as string | undefined, helper })),
    );
    const dayArb = fc
      .date({
        min: new Date('1988-01-01T00:00:00Z'),
        max: new Date('2016-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        scopeArb,
        dayArb,
        fc.constantFrom('YEAR', 'MONTH'),
        fc.integer({ min: 1, max: 8 }),
        async (scope, from, interval, n) => {
          const to =
            interval === 'YEAR'
              ? `${Number(from.slice(0, 4)) + n - 1}-12-31`
              : n === 1
                ? from
                : addMonths(from, n - 1);
          const t = await timelineOf({ a: scope.area, h: scope.helper, from, to, i: interval });
          expect(t.periods).toHaveLength(n);
          const starts = t.periods.map((p) => p.start);
          // periods tile [from rounded down, to's period end)
          expect(starts[0] <= from && from < t.periods[0].end).toBe(true);
          for (let i = 1; i < n; i++) expect(t.periods[i].start).toBe(t.periods[i - 1].end);
          expect(t.to).toBe(t.periods[n - 1].end);
          expect(t.periods[n - 1].start <= to && to < t.to).toBe(true);
          expect(t.periods.map((p) => p.active)).toEqual(await activeCounts(scope, starts));
          const ps = await scopePairings(scope);
          const within = (d: string | null, p: Period) => d !== null && p.start <= d && d < p.end;
          const activeAt = (x: (typeof ps)[number], d: string) => x.from <= d && (x.to === null || d < x.to);
          expect(t.periods.map((p) => [p.started, p.ended, p.beneficiaries])).toEqual(
            t.periods.map((p) => [
              ps.filter((x) => within(x.from, p)).length,
              ps.filter((x) => within(x.to, p)).length,
              new Set(ps.filter((x) => activeAt(x, p.start)).map((x) => x.b)).size,
            ]),
          );
        },
      ),
      { numRuns: 14, seed: Number(process.env.FC_SEED ?? 20261202), endOnFailure: true },
    );
  });

  it('grouped by KIND or LEVEL, every group is its own series and the groups add up to the whole', async () => {
    const whole = await timelineOf({ a: ZHUNGEER, from: '2010-01-01', to: '2014-12-31', i: 'YEAR' });
    for (const g of ['KIND', 'LEVEL', 'CATEGORY']) {
      const t = await timelineOf({ a: ZHUNGEER, from: '2010-01-01', to: '2014-12-31', i: 'YEAR', g });
      const groups = new Set(t.periods.map((p) => `${p.kind}|${p.level}|${p.category}`));
      expect(t.periods).toHaveLength(whole.periods.length * groups.size);
      for (const w of whole.periods) {
        const mine = t.periods.filter((p) => p.start === w.start);
        expect(mine).toHaveLength(groups.size);
        for (const m of ['active', 'started', 'ended'] as const) {
          expect(mine.reduce((x, p) => x + p[m], 0)).toBe(w[m]);
        }
      }
    }
  });

  it('准格尔旗 by YEAR: the 6 region pairings of 城壕村 start in 2012 and are active from 2013', async () => {
    const t = await timelineOf({ a: ZHUNGEER, from: '2011-01-01', to: '2014-12-31', i: 'YEAR', g: 'LEVEL' });
    const region = t.periods.filter((p) => p.level === 'REGION');
    expect(region.map((p) => [p.start, p.active, p.started, p.ended, p.beneficiaries])).toEqual([
      ['2011-01-01', 0, 0, 0, 0],
      ['2012-01-01', 6, 6, 0, 1],
      ['2013-01-01', 6, 0, 0, 1],
      ['2014-01-01', 6, 0, 0, 1],
    ]);
    // 刘显亮's SPONSOR pairings are the null-level series (his students live in the banner)
    const none = t.periods.filter((p) => p.level === null);
    expect(none.map((p) => p.active)).toEqual([
      liuActive(2011),
      liuActive(2012),
      liuActive(2013),
      liuActive(2014),
    ]);
  });

  /** 刘显亮's students by the seed's rule: student s starts in 1991 + ⌊22s/38⌋ on 1 Sep, for 4 years (to 1 Jul). */
  const liuYears = Array.from({ length: 38 }, (_, s) => 1991 + Math.floor((s * 22) / 38));
  const liuActive = (y: number) => liuYears.filter((x) => x < y && x + 4 >= y).length;

  it('刘显亮 by YEAR, 1990–2017: his 38 students start and finish as the seed has them', async () => {
    const t = await timelineOf({ h: LIU, from: '1990-01-01', to: '2017-12-31', i: 'YEAR' });
    const years = Array.from({ length: 28 }, (_, i) => 1990 + i);
    expect(t.periods.map((p) => [p.start, p.active, p.started, p.ended, p.beneficiaries])).toEqual(
      years.map((y) => [
        `${y}-01-01`,
        liuActive(y),
        liuYears.filter((x) => x === y).length,
        liuYears.filter((x) => x + 4 === y).length,
        liuActive(y),
      ]),
    );
    expect(t.periods.reduce((x, p) => x + p.started, 0)).toBe(38);
    expect(t.periods.reduce((x, p) => x + p.ended, 0)).toBe(38);
    // by MONTH, the 2013 school year: active on 1 Sep 2012 → new students counted on 1 Oct
    const m = await timelineOf({ h: LIU, from: '2012-08-15', to: '2012-10-01', i: 'MONTH', g: 'KIND' });
    expect(m.periods.map((p) => [p.start, p.kind, p.started])).toEqual([
      ['2012-08-01', 'SPONSOR', 0],
      ['2012-09-01', 'SPONSOR', liuYears.filter((x) => x === 2012).length],
      ['2012-10-01', 'SPONSOR', 0],
    ]);
  });

  it('two statements per timeline whatever the number of periods: the area lookup and the counts (1 year; 60 months by kind)', async () => {
    const query = `query($a: ID!, $i: TimelineInterval!, $to: Date!) {
      timeline(areaId: $a, from: "2010-01-01", to: $to, interval: $i, groupBy: KIND) {
        periods { start kind active started ended beneficiaries } } }`;
    const cost = async (i: string, to: string) => {
      const before = await s.cypherCount();
      await data(query, { a: ZHUNGEER, i, to });
      return (await s.cypherCount()) - before;
    };
    const yearly = await cost('YEAR', '2010-12-31');
    const monthly = await cost('MONTH', '2014-12-31');
    // One statement checks that the area exists (NOT_FOUND otherwise), one counts every period.
    expect([yearly, monthly]).toEqual([2, 2]);
  });

  it('dates beyond the data answer zeros; from after to is BAD_USER_INPUT naming from; too many periods is QUERY_TOO_COMPLEX', async () => {
    const t = await timelineOf({ h: LIU, from: '2100-01-01', to: '2102-12-31', i: 'YEAR' });
    expect(t.periods.map((p) => [p.start, p.active, p.started, p.ended, p.beneficiaries])).toEqual([
      ['2100-01-01', 0, 0, 0, 0],
      ['2101-01-01', 0, 0, 0, 0],
      ['2102-01-01', 0, 0, 0, 0],
    ]);
    const early = await timelineOf({ a: CHENGHAO, from: '1950-03-04', to: '1950-03-04', i: 'MONTH' });
    expect(early).toEqual({
      from: '1950-03-01',
      to: '1950-04-01',
      periods: [
        {
          start: '1950-03-01',
          end: '1950-04-01',
          level: null,
          category: null,
          kind: null,
          active: 0,
          started: 0,
          ended: 0,
          beneficiaries: 0,
        },
      ],
    });
    const bad = await s.gql('{ timeline(from: "2014-01-01", to: "2013-01-01") { from } }');
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    const big = await s.gql('{ timeline(from: "1950-01-01", to: "2013-01-01", interval: MONTH) { from } }');
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', argument: 'to' });
    // 600 periods is the bound, inclusive
    const edge = await s.gql('{ timeline(from: "1960-01-01", to: "2009-12-31", interval: MONTH) { to } }');
    expect(edge.body.errors).toBeUndefined();
    const wrong = await s.gql(
      'query($h: ID) { timeline(helperId: $h, from: "2013-01-01", to: "2013-01-01") { from } }',
      {
        h: CHENGHAO,
      },
    );
    expect(wrong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'helperId' });
  });
});

/** ISO day `n` months after `d` (day clamped to 28, enough for period arithmetic). */
function addMonths(d: string, n: number): string {
  const k = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}-${d.slice(8, 10) > '28' ? '28' : d.slice(8, 10)}`;
}
