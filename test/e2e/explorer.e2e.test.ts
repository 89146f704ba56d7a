import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/harness';
import { assertWebBuilt, launchGuardedBrowser, type GuardedBrowser } from './browser';
import { clickNode, recordViewRequests, shownEdges, shownNodes, waitForView } from './explorer-page';

const XINHUA = '新华社内蒙古分社';
const FINANCE_OFFICE = '内蒙古自治区人民政府金融工作办公室';
/** The report's sentence behind 城壕村's six region-level pairings (a citation of 城壕村). */
const CHENGHAO_QUOTE =
  '全旗有2个自治区级机关单位(新华社内蒙古分社、自治区政府金融办)与准格尔旗城壕村结成6个帮扶对子';

// A cold Neo4j plans the first queries slowly on a loaded machine: generous budgets, no timing asserts.
jest.setTimeout(150_000);

describe('the graph explorer (/explorer) in Chromium', () => {
  let server: TestServer;
  let browser: GuardedBrowser;
  let page: Page;
  let views: Record<string, unknown>[];

  beforeAll(async () => {
    assertWebBuilt();
    // The pages, not the deadline, are under test: a cold first query may take over the 10 s default.
    server = await startTestServer({ hardening: { requestTimeoutMs: 60_000 } });
    browser = await launchGuardedBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(90_000);
    views = recordViewRequests(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    // Every page load, search and view above stayed on localhost, and nothing broke in the page.
    expect(browser.offsite).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('finds 城壕村 by Chinese text and shows its two region-level helpers in 6 pairings', async () => {
    await page.goto(`${server.url}/explorer/`);
    await page.fill('#search-input', '城壕');
    await page.press('#search-input', 'Enter');
    const hit = page
      .locator('#search-results button')
      .filter({ has: page.locator('.name', { hasText: /^城壕村$/ }) });
    await hit.click();
    await waitForView(page, 1);

    const nodes = await shownNodes(page);
    const root = nodes.filter((n) => n.root);
    expect(root.map((n) => [n.name, n.kind, n.expanded])).toEqual([['城壕村', 'AdminUnit', true]]);
    const region = nodes.filter((n) => n.level === 'REGION');
    expect(region.map((n) => n.name).sort()).toEqual([FINANCE_OFFICE, XINHUA].sort());
    const regionEdges = (await shownEdges(page)).filter((e) => e.level === 'REGION');
    expect(regionEdges).toHaveLength(6);
    expect(new Set(regionEdges.map((e) => e.target))).toEqual(new Set([root[0].id]));

    // The side panel: 城壕村's details, its region-level pairings and the report's quote.
    await expect(page.locator('#panel-title').innerText()).resolves.toMatch(/^城壕村/);
    const regionRows = page.locator('#panel .pairings tbody tr').filter({ hasText: '自治区级' });
    expect((await regionRows.locator('td:first-child').allInnerTexts()).sort()).toEqual(
      [FINANCE_OFFICE, FINANCE_OFFICE, FINANCE_OFFICE, XINHUA, XINHUA, XINHUA].sort(),
    );
    await expect(page.locator('#panel .citations').innerText()).resolves.toContain(CHENGHAO_QUOTE);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ rootIds: [root[0].id], depth: 1, activeOn: null });
    await browser.screenshot(page, 'explorer-chenghao.png');
  });

  it('marks the synthetic layer dashed, on the canvas and in the legend', async () => {
    const nodes = await shownNodes(page);
    const edges = await shownEdges(page);
    expect(nodes.some((n) => n.provenance === 'SYNTHETIC')).toBe(true);
    for (const n of nodes) {
      const expected = n.provenance === 'SYNTHETIC' ? 'dashed' : n.expanded ? 'double' : 'solid';
      expect([n.name, n.borderStyle]).toEqual([n.name, expected]);
    }
    for (const e of edges)
      expect([e.id, e.lineStyle]).toEqual([e.id, e.provenance === 'SYNTHETIC' ? 'dashed' : 'solid']);
    await expect(page.locator('#legend-synthetic').innerText()).resolves.toContain('合成 SYNTHETIC');
  });

  it('expands a helper on click: one request rooted at it, merged, and its details in the panel', async () => {
    const xinhua = (await shownNodes(page)).find((n) => n.name === XINHUA);
    if (!xinhua) throw new Error(`${XINHUA} is not drawn`);
    const before = await shownNodes(page);
    await clickNode(page, xinhua.id);
    await waitForView(page, 2);

    expect(views).toHaveLength(2);
    expect(views[1]).toMatchObject({ rootIds: [xinhua.id], focus: xinhua.id });
    const after = await shownNodes(page);
    // Merged, not replaced: everything shown before is still there, and the helper is expanded.
    expect(after.map((n) => n.id)).toEqual(expect.arrayContaining(before.map((n) => n.id)));
    expect(after.find((n) => n.id === xinhua.id)?.expanded).toBe(true);
    await expect(page.locator('#panel-title').innerText()).resolves.toMatch(new RegExp(`^${XINHUA}`));
    await expect(page.locator('#panel .pairings h3').first().innerText()).resolves.toBe(
      '帮扶对子 Pairings as helper (3)',
    );
    await browser.screenshot(page, 'explorer-expanded.png');
  });

  it('colours by category (四类) on demand', async () => {
    await page.selectOption('#colour-by', 'category');
    const xinhua = (await shownNodes(page)).find((n) => n.name === XINHUA);
    expect(xinhua?.category).toBe('AGENCY');
    expect(xinhua?.fill).toBe('rgb(109,76,65)'); // 机关单位 AGENCY in web/explorer/palette.ts
    await expect(page.locator('#legend h4').first().innerText()).resolves.toBe('类别 四类 Category');
  });

  it('redraws for the date chosen: before 2012 no region-level pairing reaches 城壕村', async () => {
    await page.fill('#active-on', '2011-06-01');
    await waitForView(page, 3);
    const chenghao = (await shownNodes(page)).find((n) => n.name === '城壕村');
    // Both roots (城壕村 and the expanded 新华社) are asked for again, on the new date.
    expect(views[2]).toMatchObject({ activeOn: '2011-06-01', rootIds: [chenghao?.id, views[1].focus] });
    expect((await shownEdges(page)).filter((e) => e.level === 'REGION')).toEqual([]);
    await expect(page.locator('#panel .pairings h3').first().innerText()).resolves.toBe(
      '帮扶对子 Pairings as helper (0)',
    );
    expect(page.url()).toContain('on=2011-06-01');
  });
});
