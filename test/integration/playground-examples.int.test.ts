import { Kind, parse } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../../web/playground/examples';
import { startTestServer, type TestServer } from '../support/harness';

/**
 * Every saved example of the playground, run against the seeded graph with its own variables,
 * with the figures it exists to show. An example without checks here fails, and so does an
 * analytics field that no example uses.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** 刘显亮's students by the seed's rule: student s starts in 1991 + ⌊22s/38⌋ (1 Sep), for 4 years. */
const liuYears = Array.from({ length: 38 }, (_, s) => 1991 + Math.floor((s * 22) / 38));
const liuActive = (y: number) => liuYears.filter((x) => x < y && x + 4 >= y).length;

const CHECKS: Record<string, (d: Any) => void> = {
  'chenghao-region-helpers': (d) => {
    expect(d.search.edges[0].node.assistedBy.totalCount).toBe(6);
  },
  'pairings-by-level': (d) => {
    expect(d.region.totalCount).toBe(6);
    expect(d.village.totalCount).toBe(0);
  },
  'chenghao-pairing-graph': (d) => {
    expect(d.pairingGraph.nodes[0]).toMatchObject({ name: '城壕村', depth: 0 });
    expect(d.pairingGraph.nodes.filter((n: Any) => n.depth === 1)).toHaveLength(10);
  },
  'admin-units-page': (d) => {
    expect(d.adminUnits.edges).toHaveLength(5);
    expect(d.adminUnits.pageInfo.hasNextPage).toBe(true);
  },
  'search-cjk': (d) => {
    expect(d.search.edges[0].node.name).toBe('内蒙古自治区人民政府金融工作办公室');
  },
  'node-by-id': (d) => {
    expect(d.node).toMatchObject({ __typename: 'AdminUnit', name: '城壕村', kind: 'GACHA_VILLAGE' });
  },
  'sources-citations': (d) => {
    expect(d.sources.edges.length).toBeGreaterThan(0);
    expect(d.sources.edges[0].node.citations.totalCount).toBeGreaterThan(0);
  },
  'reported-vs-synthetic': (d) => {
    expect(d.reported.totalCount).toBe(6);
    expect(d.synthetic.totalCount).toBeGreaterThan(3000);
  },
  'entity-citations': (d) => {
    expect(d.search.edges[0].node.name).toBe('新华社内蒙古分社');
    expect(d.search.edges[0].node.citations.length).toBeGreaterThan(0);
  },
  'matrix-drilldown': (d) => {
    const m = d.pairingMatrix;
    expect(m.total).toEqual({ pairs: 3129, helpers: 930, beneficiaries: 2106 });
    const region = m.cells.find((c: Any) => c.level === 'REGION' && c.category === 'AGENCY');
    expect(region).toMatchObject({ pairs: 6, helpers: 2 });
    // the drill-down lists the very pairings the row counts
    expect(m.levels.map((l: Any) => l.pairings.totalCount)).toEqual(m.levels.map((l: Any) => l.pairs));
    expect(m.levels.map((l: Any) => l.pairs)).toEqual([6, 649, 2015, 459, 0]);
  },
  coverage: (d) => {
    const c = d.coverage;
    expect(c.villages).toMatchObject({ assisted: c.villages.registered, unassisted: 0 });
    expect(c.households.unassisted).toBe(c.households.unassistedList.totalCount);
    expect(c.helpersPerVillage.reduce((s: number, h: Any) => s + h.villages, 0)).toBe(c.villages.registered);
  },
  'quota-compliance': (d) => {
    expect(d.quotaRules.map((r: Any) => r.id)).toEqual([
      'COUNTY_CADRE',
      'BANNER_AGENCY',
      'SECTION_CADRE',
      'ENTERPRISE',
    ]);
    expect(d.quotaCompliance.totalCount).toBe(0); // the seeded graph meets every quota
    expect(d.quotaCompliance.summary.every((s: Any) => s.subjects > 0 && s.violating === 0)).toBe(true);
  },
  indicators: (d) => {
    expect(d.indicators.filter((c: Any) => c.status === 'MISMATCH')).toEqual([]);
    const liu = d.indicators.find((c: Any) => c.key === 'obs:liu-xianliang-students');
    expect(liu).toMatchObject({ reported: 38, computed: 38, status: 'MATCH' });
  },
  'ego-network-kinds': (d) => {
    const g = d.egoNetwork;
    expect(g.nodes).toHaveLength(39);
    expect(g.edges).toHaveLength(38);
    expect(g.edges.every((e: Any) => e.kind === 'SPONSOR' && e.level === null)).toBe(true);
  },
  'timeline-chart': (d) => {
    const sponsor = d.timeline.periods.filter((p: Any) => p.kind === 'SPONSOR');
    expect(sponsor.map((p: Any) => p.active)).toEqual([2010, 2011, 2012, 2013, 2014].map(liuActive));
    expect(
      d.timeline.periods.find((p: Any) => p.kind === 'ASSIST' && p.start === '2013-01-01').active,
    ).toBeGreaterThan(3000);
  },
  exemplars: (d) => {
    const liu = d.exemplars.edges.find((e: Any) => e.node.entity.name === '刘显亮').node;
    expect(liu.pairings.totalCount).toBe(38);
    expect(liu.network.nodes).toHaveLength(39);
    expect(liu.network.edges).toHaveLength(38);
  },
  'exemplar-timeline': (d) => {
    const t = d.timeline;
    expect(t.helper.name).toBe('刘显亮');
    expect(t.periods.reduce((s: number, p: Any) => s + p.started, 0)).toBe(38);
    expect(t.periods.map((p: Any) => p.active)).toEqual(
      Array.from({ length: 23 }, (_, i) => liuActive(1991 + i)),
    );
  },
  'paths-citations': (d) => {
    expect(d.paths.length).toBeGreaterThan(0);
    for (const p of d.paths) {
      expect(p.nodes[0].name).toBe('新华社内蒙古分社');
      expect(p.nodes[p.nodes.length - 1].kind).toBe('Household');
      expect(p.nodes.some((n: Any) => n.name === '城壕村')).toBe(true);
    }
    const [first] = d.paths;
    expect(first.length).toBe(3); // 新华社 -HELPER- pairing -BENEFICIARY- 城壕村 -LOCATED_IN- household
    expect(first.relationships[0].pairing.kind).toBe('ASSIST');
    expect(first.relationships[0].citations.map((c: Any) => c.quote)).toContain(
      '全旗有2个自治区级机关单位(新华社内蒙古分社、自治区政府金融办)与准格尔旗城壕村结成6个帮扶对子',
    );
  },
  centrality: (d) => {
    expect(d.centrality.nodeCount).toBeGreaterThan(2000);
    const scores = d.centrality.scores;
    expect(scores).toHaveLength(5);
    expect(scores[0].rank).toBe(1);
    // ranks follow scores (ties share a rank)
    for (let i = 1; i < 5; i++) {
      expect(scores[i].score).toBeLessThanOrEqual(scores[i - 1].score);
      expect(scores[i].rank).toBe(scores[i].score === scores[i - 1].score ? scores[i - 1].rank : i + 1);
    }
  },
  communities: (d) => {
    const c = d.communities;
    expect(c.count).toBeGreaterThan(1);
    expect(c.communities).toHaveLength(5);
    for (const x of c.communities) expect(x.helpers + x.beneficiaries).toBe(x.size);
  },
};

describe('playground examples on the seeded graph', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ hardening: { requestTimeoutMs: 120_000 } });
  });
  afterAll(() => s.close());

  it('every analytics field of the schema is shown by an example, and every example is checked here', () => {
    const dir = join(__dirname, '../../schema');
    const sdl = readdirSync(dir)
      .filter((f) => /^analytics-.*\.graphql$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const fields = parse(sdl.join('\n')).definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_EXTENSION && d.name.value === 'Query'
        ? (d.fields ?? []).map((f) => f.name.value)
        : [],
    );
    expect(fields.length).toBeGreaterThan(10);
    const missing = fields.filter(
      (f) => !EXAMPLES.some((e) => new RegExp(`\\b${f}\\s*\\(|\\b${f}\\s*\\{`).test(e.query)),
    );
    expect(missing).toEqual([]);
    expect(EXAMPLES.map((e) => e.id).filter((id) => !CHECKS[id])).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    '%s answers with its key figures',
    async (_id, e) => {
      const { status, body } = await s.gql<Any>(e.query, e.variables);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      CHECKS[e.id](body.data);
    },
    240_000,
  );
});
