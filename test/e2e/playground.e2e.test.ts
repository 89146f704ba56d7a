import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';
import { assertWebBuilt, launchGuardedBrowser, type GuardedBrowser } from './browser';

/** The response editor, and whichever of the variables/headers editors is shown. */
const RESPONSE = '.graphiql-response .CodeMirror';
const SHOWN_TOOL_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';

/** The text of a GraphiQL (CodeMirror 5) editor; CodeMirror hangs its instance on the wrapper. */
function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
    const el = doc.querySelector(sel) as { CodeMirror?: { getValue(): string } } | null;
    return el?.CodeMirror?.getValue() ?? '';
  }, selector);
}

interface HelpersResult {
  data: {
    search: {
      edges: {
        node: {
          name: string;
          assistedBy: { totalCount: number; edges: { node: { helper: { name: string } } }[] };
        };
      }[];
    };
  };
}

// A cold Neo4j plans the first queries slowly on a loaded machine: generous budgets, no timing asserts.
jest.setTimeout(150_000);

describe('the GraphiQL playground (/playground) in Chromium', () => {
  let server: TestServer;
  let browser: GuardedBrowser;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    // The pages, not the deadline, are under test: a cold first query may take over the 10 s default.
    server = await startTestServer({ hardening: { requestTimeoutMs: 60_000 } });
    browser = await launchGuardedBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(90_000);
  });

  let ledger: Ledger | undefined;

  afterAll(async () => {
    await browser?.close();
    await ledger?.cleanup();
    await server?.close();
  });

  afterEach(() => {
    expect(browser.offsite).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('is served with a Content-Security-Policy that allows only its own origin', async () => {
    const res = await fetch(`${server.url}/playground/`);
    expect(res.status).toBe(200);
    const csp = (res.headers.get('content-security-policy') ?? '').split(';');
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "font-src 'self' data:",
      ]),
    );
  });

  it('sends a browser that opens /graphql to the playground, not to a CDN landing page', async () => {
    await page.goto(`${server.url}/graphql`);
    expect(page.url()).toBe(`${server.url}/playground/`);
    await page.waitForSelector('.graphiql-container');
  });

  it('lists saved examples for three user groups, in Chinese and English', async () => {
    const pane = page.locator('.bangfu-examples');
    await pane.waitFor();
    expect(await pane.locator('h3').allInnerTexts()).toEqual([
      '分析人员 Analysts',
      '前端开发 Front-end developers',
      '研究人员 Researchers',
      '身份令牌 JWT',
    ]);
    await expect(page.locator('#example-sources-citations').innerText()).resolves.toBe(
      '来源与引文\nSources and verbatim citations',
    );
  });

  it("runs the example 城壕村's region-level helpers: 6 pairings with two helpers", async () => {
    await page.click('#example-chenghao-region-helpers');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction((sel) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
      const el = doc.querySelector(sel) as { CodeMirror?: { getValue(): string } } | null;
      return (el?.CodeMirror?.getValue() ?? '').includes('"data"');
    }, RESPONSE);
    const result = JSON.parse(await editorText(page, RESPONSE)) as HelpersResult;
    const chenghao = result.data.search.edges[0].node;
    expect(chenghao.name).toBe('城壕村');
    expect(chenghao.assistedBy.totalCount).toBe(6);
    expect(new Set(chenghao.assistedBy.edges.map((e) => e.node.helper.name))).toEqual(
      new Set(['新华社内蒙古分社', '内蒙古自治区人民政府金融工作办公室']),
    );
    await browser.screenshot(page, 'playground.png');
  });

  it('has a headers editor ready for a JWT', async () => {
    await page.click('#insert-jwt-header');
    await expect(editorText(page, SHOWN_TOOL_EDITOR)).resolves.toContain('"Authorization": "Bearer ');
    await expect(
      page.locator('.graphiql-editor-tools button[data-name="headers"]').getAttribute('class'),
    ).resolves.toContain('active');
  });

  it('shows the schema in the docs explorer', async () => {
    await page.click('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]');
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await page.locator('.graphiql-doc-explorer').getByText('pairingGraph', { exact: true }).waitFor();
    await expect(page.locator('.graphiql-doc-explorer-title').innerText()).resolves.toBe('Query');
    await browser.screenshot(page, 'playground-docs.png');
  });

  it('runs a subscription over graphql-ws: a pairing created through the API shows in the response', async () => {
    ledger = await createLedger(server, 'playground-live');
    await page.goto(`${server.url}/playground/`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    const subscription = `subscription Live { ledgerChanged(kinds: [PAIRING_CREATED]) { position kind recordId } }`;
    // Type the subscription into the query editor (CodeMirror 5 hangs its instance on the wrapper).
    await page.evaluate((text) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
      const el = doc.querySelector('.graphiql-query-editor .CodeMirror') as {
        CodeMirror: { setValue(v: string): void };
      };
      el.CodeMirror.setValue(text);
    }, subscription);
    // GraphiQL reads the operation name from the editor after a debounce; clicked before it, the
    // previous tab's operation name goes out with the new text, over HTTP (400, unknown operation).
    // The tab takes the new operation's name at the same moment.
    await page.waitForSelector('.graphiql-tab-active .graphiql-tab-button[title="Live"]');
    await page.click('.graphiql-execute-button');
    // The socket is open once the execute button turns into a stop button.
    await page.waitForSelector('.graphiql-execute-button[aria-label^="Stop"]');
    // The button turns to Stop before the socket has subscribed, and a subscription hears only
    // what commits after it: create a pairing every 3 s until the response shows one of them.
    const created: string[] = [];
    const responseHas = (ids: string[]) =>
      editorText(page, RESPONSE).then((text) => ids.find((x) => text.includes(x)));
    let id: string | undefined;
    for (let i = 0; i < 6 && !id; i++) {
      const r = await ledger.as<{ createPairing: { pairing: { id: string } } }>(
        'editor',
        'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }',
        {
          i: {
            key: `${ledger.prefix}:pg-pair-${i}`,
            helperId: ledger.ids.agency,
            beneficiaryId: ledger.ids.village,
            level: 'BANNER',
            category: 'AGENCY',
            kind: 'ASSIST',
            // One year each: the same helper and village may not be paired twice at once.
            validFrom: `${2020 + i}-01-01`,
            validTo: `${2021 + i}-01-01`, // exclusive
          },
        },
      );
      expect(r.errors).toBeUndefined();
      created.push(r.data!.createPairing.pairing.id);
      for (let t = 0; t < 6 && !id; t++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        id = await responseHas(created);
      }
    }
    expect(id).toBeDefined();
    const shown = JSON.parse(await editorText(page, RESPONSE)) as {
      data: { ledgerChanged: { kind: string; recordId: string } };
    };
    expect(shown.data.ledgerChanged).toMatchObject({ kind: 'PAIRING_CREATED', recordId: id });
    expect(shown.data.ledgerChanged.recordId).toMatch(/^[A-Za-z0-9+/=_-]+$/); // a global id, not a key
    await page.click('.graphiql-execute-button'); // stop: the socket closes
    await browser.screenshot(page, 'playground-subscription.png');
  });
});
