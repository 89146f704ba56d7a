import { readmeExamples } from '../support/readme-examples';
import { startTestServer, type TestServer } from '../support/harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form response bodies

/** What a user sees when pasting each README example into the playground, on the scale-1 graph. */
const EXPECTED: Record<string, (data: Json) => void> = {
  'analyst-who-assists': (d) => {
    const village = d.search.edges[0].node;
    expect(village.name).toBe('城壕村');
    expect(village.assistedBy.totalCount).toBe(6);
    const pairs = village.assistedBy.edges.map((e: Json) => e.node);
    expect(pairs.map((p: Json) => p.helper.name).sort()).toEqual([
      '内蒙古自治区人民政府金融工作办公室',
      '内蒙古自治区人民政府金融工作办公室',
      '内蒙古自治区人民政府金融工作办公室',
      '新华社内蒙古分社',
      '新华社内蒙古分社',
      '新华社内蒙古分社',
    ]);
    expect(pairs.every((p: Json) => p.validFrom === '2012-01-01')).toBe(true);
    // the two region-level projects of the report hang off these pairings
    expect(pairs.flatMap((p: Json) => p.projects.edges)).toHaveLength(2);
    expect(pairs[0].citations.map((c: Json) => c.quote)).toContain(
      '全旗有2个自治区级机关单位(新华社内蒙古分社、自治区政府金融办)与准格尔旗城壕村结成6个帮扶对子',
    );
  },
  'analyst-banner-agencies': (d) => {
    expect(d.organizations.totalCount).toBe(76);
    expect(d.organizations.edges.map((e: Json) => e.node.name)).toEqual([
      '示例旗直单位01',
      '示例旗直单位02',
      '示例旗直单位03',
    ]);
    for (const e of d.organizations.edges) {
      expect(e.node.villages.totalCount).toBeGreaterThanOrEqual(1);
      expect(e.node.households.totalCount).toBeGreaterThanOrEqual(3);
    }
  },
  'frontend-village-page': (d) => {
    expect(d.node).toMatchObject({
      name: '城壕村',
      kind: 'GACHA_VILLAGE',
      parent: { name: '城壕村所属乡镇（报道未载）' },
    });
    const helpers = d.node.assistedBy.edges.map((e: Json) => e.node);
    expect(helpers.filter((p: Json) => p.level === 'REGION')).toHaveLength(6);
    for (const p of helpers) expect(p.helper.pairings.edges.length).toBeGreaterThan(0);
  },
  'researcher-exemplar': (d) => {
    const hit = d.search.edges[0];
    expect(hit.node).toMatchObject({
      name: '刘显亮',
      roles: ['EXEMPLAR'],
      citations: [{ quote: '刘显亮老人22年助学38名学生的感人事迹就是开展“三到”服务活动中发现的先进典型' }],
    });
    expect(hit.node.pairings.totalCount).toBe(38);
    expect(hit.node.pairings.edges[0].node.validFrom).toBe('1991-09-01');
  },
  'researcher-both-directions': (d) => {
    const household = d.households.edges[0].node;
    expect(household.unit.parent.name).toBeTruthy();
    const helper = household.assistedBy.edges[0].node.helper;
    expect(helper.pairings.totalCount).toBeGreaterThanOrEqual(1);
  },
  'analyst-active-on': (d) => {
    expect(d).toEqual({
      region: { totalCount: 6 },
      city: { totalCount: 649 },
      bannerPairs: { totalCount: 2015 },
    });
  },
};

describe('README example operations', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const examples = readmeExamples();

  it('lists at least five examples, each with an expectation here', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.map((e) => e.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(examples.map((e) => [e.name, e] as const))('%s answers as documented', async (name, ex) => {
    const { status, body } = await s.gql<Json>(ex.query, ex.variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    EXPECTED[name](body.data as Json);
  });
});
