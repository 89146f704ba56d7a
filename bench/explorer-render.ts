/**
 * How long the graph explorer takes to draw a 2,000-node pairing graph, and whether it stays
 * responsive with it, in the same headless Chromium the e2e tests use (CPU rendering). Against a
 * running scale-10 service:
 *
 *   BANGFU_DATA_DIR=/tmp/bangfu-s10 NEO4J_EMBEDDED_PORT=17710 npx bangfu seed --scale 10
 *   BANGFU_DATA_DIR=/tmp/bangfu-s10 NEO4J_EMBEDDED_PORT=17710 PORT=4010 SEED_ON_START=false npm start
 *   BENCH_URL=http://127.0.0.1:4010 npm run bench:explorer -- [runs]
 *
 * Each run, in a fresh page, as a user with a bookmarked view would: open the view of the 25 city
 * agencies (示例市直单位01–25) and 20 banner agencies (示例旗直单位01–20), one request capped at
 * 2,000 nodes; expand three more banner agencies (one request each, merged); then drag and
 * wheel-zoom it with real mouse events, timing the frames. Figures are the page's own
 * (`window.bangfuExplorer.last`): request ms, layout ms and render ms (data in → frame painted).
 * Only loopback URLs are allowed.
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { launchGuardedBrowser } from '../test/e2e/browser';

const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:4000';
const RUNS = Number(process.argv[2] ?? 3);
const two = (i: number) => String(i).padStart(2, '0');
const CITY = Array.from({ length: 25 }, (_, i) => `示例市直单位${two(i + 1)}`);
const BANNER = Array.from({ length: 23 }, (_, i) => `示例旗直单位${two(i + 1)}`);
/** The view's roots, and the helpers expanded afterwards. */
const ROOTS = [...CITY, ...BANNER.slice(0, 20)];
const EXPANDED = BANNER.slice(20);

interface Last {
  nodes: number;
  edges: number;
  added: number;
  layoutMs: number;
  renderMs: number;
  requestMs: number;
  layout: string;
  truncated: boolean;
}
interface PageGlobals {
  bangfuExplorer: {
    last: Last | null;
    expand(id: string): Promise<void>;
  };
  requestAnimationFrame(cb: (t: number) => void): void;
}

async function idOf(name: string): Promise<string> {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'query($q: String!) { search(query: $q, kinds: [ORGANIZATION], first: 1) { edges { node { id name } } } }',
      variables: { q: name },
    }),
  });
  const body = (await res.json()) as {
    data?: { search: { edges: { node: { id: string; name: string } }[] } };
  };
  const hit = body.data?.search.edges[0]?.node;
  if (hit?.name !== name) throw new Error(`${name} not found at ${BASE} (seed scale 10 first)`);
  return hit.id;
}

const last = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).bangfuExplorer.last as Last);

/**
 * Milliseconds between painted frames while a user drags the graph around and zooms with the
 * wheel (real input events, so Cytoscape takes its interactive path), 40 drag steps + 10 wheels.
 */
async function panAndZoom(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals & { frames?: number[] };
    const times: number[] = [];
    g.frames = times;
    const tick = (t: number) => {
      times.push(t);
      if (times.length < 100_000) g.requestAnimationFrame(tick);
    };
    g.requestAnimationFrame(tick);
  });
  const box = await page.locator('#graph').boundingBox();
  if (!box) throw new Error('#graph is not displayed');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(cx + (i % 20 < 10 ? i * 6 : (20 - i) * 6), cy + i * 2);
  await page.mouse.up();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  await page.waitForTimeout(300);
  const stamps = await page.evaluate(() => {
    const g = globalThis as unknown as { frames: number[] };
    const all = g.frames.slice();
    g.frames.length = 100_000; // stops the loop
    return all;
  });
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}

async function run(page: Page, ids: Map<string, string>) {
  // tsx compiles with esbuild's keepNames, which wraps the functions sent to page.evaluate in a
  // `__name(…)` helper that exists only in Node: give the page a no-op one.
  await page.addInitScript('globalThis.__name = (f) => f;');
  const roots = ROOTS.map((n) => `root=${encodeURIComponent(ids.get(n) ?? '')}`).join('&');
  await page.goto(`${BASE}/explorer/?${roots}&maxNodes=2000`);
  await page.waitForSelector('body[data-views="1"][data-busy="false"]', { timeout: 180_000 });
  const view = await last(page);
  const expansions: Last[] = [];
  for (const name of EXPANDED) {
    await page.evaluate(
      (x) => (globalThis as unknown as PageGlobals).bangfuExplorer.expand(x),
      ids.get(name) ?? '',
    );
    await page.waitForSelector(`body[data-views="${expansions.length + 2}"][data-busy="false"]`, {
      timeout: 180_000,
    });
    expansions.push(await last(page));
  }
  const frames = await panAndZoom(page);
  return { view, expansions, frames };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) / xs.length);

async function main() {
  const ids = new Map<string, string>();
  for (const name of [...ROOTS, ...EXPANDED]) ids.set(name, await idOf(name));
  const browser = await launchGuardedBrowser();
  const results: Awaited<ReturnType<typeof run>>[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.context.newPage();
      results.push(await run(page, ids));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (browser.offsite.length) throw new Error(`requests beyond localhost: ${browser.offsite.join(', ')}`);
  if (browser.errors.length) throw new Error(`page errors: ${browser.errors.join('\n')}`);

  const out = (s: string) => process.stdout.write(`${s}\n`);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  out(`explorer render bench against ${BASE}, ${RUNS} runs, ${os.cpus().length} CPUs, load average ${load}`);
  results.forEach(({ view: v, expansions, frames }, i) => {
    const ex = expansions.map((s) => `+${s.added} nodes ${s.renderMs} ms`).join(', ');
    out(
      `run ${i + 1}: view ${v.nodes} nodes/${v.edges} pairings${v.truncated ? ' (truncated)' : ''}: ` +
        `request ${v.requestMs} ms, layout ${v.layoutMs} ms, painted ${v.renderMs} ms (${v.layout}); ` +
        `expansions (render): ${ex}; drag/zoom frames mean ${mean(frames)} ms, max ${Math.round(Math.max(...frames))} ms`,
    );
  });
  const m = (f: (r: (typeof results)[number]) => number) => median(results.map(f));
  out(
    `median: ${results[0].view.nodes}-node view request ${m((r) => r.view.requestMs)} ms, ` +
      `layout ${m((r) => r.view.layoutMs)} ms, painted ${m((r) => r.view.renderMs)} ms; ` +
      `expansion ${median(results.flatMap((r) => r.expansions.map((s) => s.renderMs)))} ms; ` +
      `drag/zoom frame mean ${m((r) => mean(r.frames))} ms, max ${m((r) => Math.round(Math.max(...r.frames)))} ms`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
