import type { Page, WebSocketRoute } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';
import { assertWebBuilt, launchGuardedBrowser, type GuardedBrowser } from './browser';
import { waitForView } from './explorer-page';

// A cold Neo4j plans the first queries slowly on a loaded machine: generous budgets for loading;
// the live updates themselves must arrive within LIVE_MS.
jest.setTimeout(150_000);

/** How long a pairing created or ended elsewhere may take to show (the 10 s). */
const LIVE_MS = 10_000;

interface CyEdge {
  data(key: string): unknown;
  style(prop: string): string;
  nonempty(): boolean;
}
interface PageGlobals {
  bangfuExplorer: { cy: { getElementById(id: string): CyEdge } };
  liveTestMarker?: string;
}

/** What the page's canvas says about one element: drawn, and (for an edge) ended and opacity. */
function drawn(page: Page, id: string) {
  return page.evaluate((elementId) => {
    const el = (globalThis as unknown as PageGlobals).bangfuExplorer.cy.getElementById(elementId);
    return el.nonempty()
      ? { drawn: true, ended: el.data('ended') === true, opacity: el.style('opacity') }
      : { drawn: false, ended: false, opacity: '' };
  }, id);
}

/** Waits (at most LIVE_MS) until `id` is drawn (or not) and, for an edge, ended (or not). */
async function waitForDrawn(page: Page, id: string, want: { drawn: boolean; ended?: boolean }) {
  await page.waitForFunction(
    ([elementId, w]) => {
      const el = (globalThis as unknown as PageGlobals).bangfuExplorer.cy.getElementById(elementId);
      if (el.nonempty() !== w.drawn) return false;
      return w.ended === undefined || (el.data('ended') === true) === w.ended;
    },
    [id, want] as const,
    { timeout: LIVE_MS, polling: 50 },
  );
}

/** Waits (at most LIVE_MS) until the side panel's pairing list has this heading. */
const panelSays = (page: Page, heading: string) =>
  page.locator('#panel .pairings h3', { hasText: heading }).first().waitFor({ timeout: LIVE_MS });

/** The page was not reloaded: a marker set on its window before is still there. */
const marked = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).liveTestMarker === 'still the same page');
const mark = (page: Page) =>
  page.evaluate(() => {
    (globalThis as unknown as PageGlobals).liveTestMarker = 'still the same page';
  });

/**
 * The explorer's live updates: a pairing created or ended through the API (as another user would,
 * from another tab or instance) shows up in open explorers without a reload. Two pages watch one
 * village: one of any time (an ended pairing stays, faded) and one of a day (an ended pairing
 * disappears). The first page's WebSocket goes through a relay the test can cut, to prove that
 * after a dropped socket the page resumes from the last position it saw.
 */
describe('the explorer goes live (ledgerChanged over graphql-ws) in Chromium', () => {
  let server: TestServer;
  let browser: GuardedBrowser;
  let ledger: Ledger;
  let anyTime: Page;
  let onDay: Page;
  /** While true the relay refuses the first page's WebSocket connections (the network is down). */
  let down = false;
  const sockets: WebSocketRoute[] = [];
  /** graphql-ws messages through the relay: what the page sent and what it received. */
  const sent: { type: string; payload?: { variables?: Record<string, unknown> } }[] = [];
  const received: { type: string; payload?: { data?: { ledgerChanged?: { position: string } } } }[] = [];
  let pairingId = '';
  let version = 0;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ hardening: { requestTimeoutMs: 60_000 } });
    ledger = await createLedger(server, 'live');
    browser = await launchGuardedBrowser();
    anyTime = await browser.newPage();
    onDay = await browser.context.newPage();
    for (const p of [anyTime, onDay]) p.setDefaultTimeout(90_000);
    await anyTime.routeWebSocket(/\/graphql$/, (ws) => {
      if (down) {
        ws.close({ code: 1013, reason: 'network down (test relay)' });
        return;
      }
      sockets.push(ws);
      const upstream = ws.connectToServer();
      ws.onMessage((m) => {
        sent.push(JSON.parse(String(m)));
        upstream.send(m);
      });
      upstream.onMessage((m) => {
        received.push(JSON.parse(String(m)));
        ws.send(m);
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await ledger?.cleanup();
    await server?.close();
  });

  afterEach(() => {
    expect(browser.offsite).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('opens both views of the village and shows them live', async () => {
    const village = ledger.ids.village;
    await anyTime.goto(`${server.url}/explorer/?root=${encodeURIComponent(village)}`);
    await onDay.goto(`${server.url}/explorer/?root=${encodeURIComponent(village)}&on=2023-06-01`);
    for (const p of [anyTime, onDay]) {
      await waitForView(p, 1);
      await p.waitForSelector('#live[data-state="live"]');
      await expect(p.locator('#live').innerText()).resolves.toBe('实时 live');
      await expect(drawn(p, village)).resolves.toMatchObject({ drawn: true });
      await mark(p);
    }
  });

  it('draws a pairing created through the API within 10 s, without a reload', async () => {
    const r = await ledger.as<{ createPairing: { pairing: { id: string; version: number } } }>(
      'editor',
      'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id version } } }',
      {
        i: {
          key: `${ledger.prefix}:pair`,
          helperId: ledger.ids.agency,
          beneficiaryId: ledger.ids.village,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: '2020-01-01',
        },
      },
    );
    expect(r.errors).toBeUndefined();
    ({ id: pairingId, version } = r.data!.createPairing.pairing);
    const t0 = Date.now();
    for (const p of [anyTime, onDay]) {
      await waitForDrawn(p, pairingId, { drawn: true, ended: false });
      await waitForDrawn(p, ledger.ids.agency, { drawn: true });
      // The focused village's panel lists the new pairing, with its helper.
      await panelSays(p, '帮扶主体 Assisted by (1)');
      await expect(p.locator('#panel .pairings tbody').innerText()).resolves.toContain(
        `测试机关${ledger.prefix}`,
      );
      expect(await marked(p)).toBe(true);
      await expect(p.locator('body').getAttribute('data-views')).resolves.toBe('1');
    }
    process.stdout.write(`live: created pairing drawn on both pages after ${Date.now() - t0} ms\n`);
  });

  it('after a dropped socket, resumes from the last position: the pairing ended meanwhile shows as ended', async () => {
    const seen = received
      .filter((m) => m.type === 'next')
      .map((m) => m.payload!.data!.ledgerChanged!.position);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    const last = seen.at(-1);
    down = true;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1001, reason: 'going away (test relay)' });
    await anyTime.waitForSelector('#live[data-state="offline"]', { timeout: LIVE_MS });

    const r = await ledger.as(
      'editor',
      'mutation($i: EndPairingInput!) { endPairing(input: $i) { pairing { id validTo } } }',
      { i: { id: pairingId, expectedVersion: version, validTo: '2023-01-01', reason: '已脱贫' } },
    );
    expect(r.errors).toBeUndefined();
    // The day view (connected) drops the pairing: on 2023-06-01 it no longer holds.
    await waitForDrawn(onDay, pairingId, { drawn: false });
    await waitForDrawn(onDay, ledger.ids.agency, { drawn: false });
    await panelSays(onDay, '帮扶主体 Assisted by (0)');
    // The page cut off has heard nothing yet.
    await expect(drawn(anyTime, pairingId)).resolves.toEqual({ drawn: true, ended: false, opacity: '0.85' });

    const subscribesBefore = sent.filter((m) => m.type === 'subscribe').length;
    down = false;
    const t0 = Date.now();
    await anyTime.waitForSelector('#live[data-state="live"]', { timeout: LIVE_MS });
    await waitForDrawn(anyTime, pairingId, { drawn: true, ended: true });
    process.stdout.write(`live: ended pairing drawn after reconnecting in ${Date.now() - t0} ms\n`);
    await expect(drawn(anyTime, pairingId)).resolves.toEqual({ drawn: true, ended: true, opacity: '0.3' });
    // The subscription was sent again with the position of the last event the page received.
    const resent = sent.filter((m) => m.type === 'subscribe').slice(subscribesBefore);
    expect(resent.map((m) => m.payload?.variables?.since)).toEqual([last]);
    await anyTime
      .locator('#panel .pairings tbody td', { hasText: '2020-01-01 — 2023-01-01' })
      .waitFor({ timeout: LIVE_MS });
    expect(await marked(anyTime)).toBe(true);
  });
});
