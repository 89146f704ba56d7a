import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/harness';
import { assertWebBuilt, launchGuardedBrowser, type GuardedBrowser } from './browser';
import { shownEdges, shownNodes, waitForView } from './explorer-page';

const FINANCE_OFFICE = '内蒙古自治区人民政府金融工作办公室';
const REPORT_DAY = '2013-04-16';

jest.setTimeout(150_000);

/**
 * The explorer for researchers: the exemplar's network (刘显亮 and his students, pairings outside
 * the 五级四类 network), the view through time, the timeline chart and the programme column. The
 * expected figures come from the API directly, never from what the page computed.
 */
describe('the explorer through time (/explorer) in Chromium', () => {
  let server: TestServer;
  let browser: GuardedBrowser;
  let page: Page;
  let views = 0;

  const api = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const { body } = await server.gql<T>(query, variables);
    if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const idOf = async (name: string, kind: string) => {
    const data = await api<{ search: { edges: { node: { id: string; name: string } }[] } }>(
      `query($q: String!, $k: [SearchKind!]) { search(query: $q, kinds: $k, first: 5) { edges { node { id name } } } }`,
      { q: name, k: [kind] },
    );
    const hit = data.search.edges.find((e) => e.node.name === name);
    if (!hit) throw new Error(`${name} not found`);
    return hit.node.id;
  };
  /** The beneficiary ids of a helper's SPONSOR pairings, on a day or at any time. */
  const sponsoredIds = async (helperId: string, activeOn: string | null) => {
    const data = await api<{ node: { pairings: { edges: { node: { beneficiary: { id: string } } }[] } } }>(
      `query($id: ID!, $f: PairingFilter) { node(id: $id) { ... on Helper {
         pairings(first: 100, filter: $f) { edges { node { beneficiary { id } } } } } } }`,
      { id: helperId, f: { kind: ['SPONSOR'], ...(activeOn ? { activeOn } : {}) } },
    );
    return data.node.pairings.edges.map((e) => e.node.beneficiary.id).sort();
  };
  const open = async (text: string, name: string) => {
    await page.fill('#search-input', text);
    await page.press('#search-input', 'Enter');
    await page
      .locator('#search-results button')
      .filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) })
      .click();
    await waitForView(page, ++views);
  };

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ hardening: { requestTimeoutMs: 60_000 } });
    browser = await launchGuardedBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(90_000);
    await page.goto(`${server.url}/explorer/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(browser.offsite).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('draws 刘显亮 with his 38 students, dotted as sponsorships, with a legend entry', async () => {
    const liu = await idOf('刘显亮', 'PERSON');
    const students = await sponsoredIds(liu, null);
    expect(students).toHaveLength(38);
    await open('刘显亮', '刘显亮');

    const nodes = await shownNodes(page);
    expect(nodes.filter((n) => n.root).map((n) => n.id)).toEqual([liu]);
    expect(
      nodes
        .filter((n) => n.kind === 'Student')
        .map((n) => n.id)
        .sort(),
    ).toEqual(students);
    const sponsor = (await shownEdges(page)).filter((e) => e.source === liu);
    expect(sponsor.map((e) => e.target).sort()).toEqual(students);
    expect(new Set(sponsor.map((e) => e.lineStyle))).toEqual(new Set(['dotted']));
    await expect(page.locator('#legend-kind-sponsor').innerText()).resolves.toContain('助学 SPONSOR');
    // The terms chart: one bar per student, none marked (no date chosen yet).
    await page.waitForSelector(`body[data-time-for="${liu}"]`);
    await expect(page.locator('#terms-chart').getAttribute('data-terms')).resolves.toBe('38');
    await browser.screenshot(page, 'explorer-exemplar.png');
  });

  it('on 2013-04-16 shows only the students whose terms include that day, and steps a year back', async () => {
    const liu = await idOf('刘显亮', 'PERSON');
    const onDay = await sponsoredIds(liu, REPORT_DAY);
    const yearBefore = await sponsoredIds(liu, '2012-04-16');
    expect(onDay.length).toBeGreaterThan(0);
    expect(onDay.length).toBeLessThan(38);

    await page.click('#report-date');
    await waitForView(page, ++views);
    const students = async () =>
      (await shownNodes(page))
        .filter((n) => n.kind === 'Student')
        .map((n) => n.id)
        .sort();
    expect(await students()).toEqual(onDay);
    await page.waitForSelector(`#terms-chart[data-on="${onDay.length}"]`);
    expect(page.url()).toContain(`on=${REPORT_DAY}`);
    await browser.screenshot(page, 'explorer-exemplar-2013.png');

    await page.click('#time-back'); // one year, the default step
    await waitForView(page, ++views);
    expect(await page.inputValue('#active-on')).toBe('2012-04-16');
    expect(await students()).toEqual(yearBefore);
  });

  it('says so when the date lies beyond the data, and draws no pairing there', async () => {
    await page.fill('#active-on', '1950-01-01');
    await waitForView(page, ++views);
    await expect(page.locator('#time-note').getAttribute('data-place')).resolves.toBe('before');
    await expect(page.locator('#time-note').innerText()).resolves.toMatch(/^早于数据/);
    expect(await shownEdges(page)).toEqual([]);
    await page.click('#all-time');
    await waitForView(page, ++views);
    expect(page.url()).not.toContain('on=');
  });

  it('renders the timeline chart of 准格尔旗: one bar per year with the API figures', async () => {
    const banner = await idOf('准格尔旗', 'ADMIN_UNIT');
    await open('准格尔旗', '准格尔旗');
    await page.waitForSelector(`body[data-time-for="${banner}"]`);
    const year = new Date().getUTCFullYear();
    const { timeline } = await api<{ timeline: { periods: { start: string; active: number }[] } }>(
      `query($a: ID!, $to: Date!) { timeline(areaId: $a, from: "1980-01-01", to: $to, interval: YEAR) {
         periods { start active } } }`,
      { a: banner, to: `${year}-12-31` },
    );
    const bars = await page.$$eval('#timeline-chart rect.period', (rs) =>
      rs.map((r) => ({ start: r.getAttribute('data-start'), active: Number(r.getAttribute('data-active')) })),
    );
    expect(bars).toEqual(timeline.periods.map((p) => ({ start: p.start, active: p.active })));
    expect(bars).toHaveLength(year - 1980 + 1);
    // The network the report describes is drawn: pairings were active at the start of 2013.
    expect(bars.find((b) => b.start === '2013-01-01')?.active).toBeGreaterThan(0);
    await browser.screenshot(page, 'explorer-timeline.png');
  });

  it("tells 城壕村's region-level pairings apart by their programme", async () => {
    await page.click('#all-time');
    await waitForView(page, ++views);
    await open('城壕', '城壕村');
    const rows = page.locator('#panel .pairings tbody tr').filter({ hasText: FINANCE_OFFICE });
    const cells = await rows.locator('td.programme').allInnerTexts();
    // The programmes of the finance office's pairings with 城壕村, read from the seed itself.
    const seed = JSON.parse(readFileSync(path.join(__dirname, '../../seeds/report.json'), 'utf8')) as {
      pairings: { helperId: string; beneficiaryId: string; programmeId: string }[];
      programmes: { id: string; name: string }[];
      organizations: { id: string; name: string }[];
    };
    const office = seed.organizations.find((o) => o.name === FINANCE_OFFICE)?.id;
    const expected = seed.pairings
      .filter((p) => p.helperId === office && p.beneficiaryId === 'au:chenghao')
      .map((p) => seed.programmes.find((g) => g.id === p.programmeId)?.name);
    expect(expected).toHaveLength(3);
    expect(cells.sort()).toEqual(expected.sort());
    expect(new Set(cells).size).toBe(3);
  });
});
