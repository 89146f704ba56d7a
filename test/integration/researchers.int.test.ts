import { toGlobalId } from '../../src/graphql/ids';
import { REPORT_DATE } from '../../src/domain/model';
import { startTestServer, type TestServer } from '../support/harness';

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
      node: { pairings: { totalCount: number; edges: { node: { kind: string; beneficiary: { id: string } } }[] } };
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

  it('the 五级四类 matrix still counts only classified pairings (准格尔旗 total on the report date)', async () => {
    const d = await data<{ pairingMatrix: { total: { pairs: number; helpers: number } } }>(
      `query($a: ID) { pairingMatrix(areaId: $a, activeOn: "${REPORT_DATE}") { total { pairs helpers } } }`,
      { a: toGlobalId('AdminUnit', 'au:zhungeer') },
    );
    expect(d.pairingMatrix.total).toEqual({ pairs: 3129, helpers: 930 });
  });
});
