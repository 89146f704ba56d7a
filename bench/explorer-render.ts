/**
 * How long the graph explorer takes to draw a ~2,000-node pairing graph, and whether it stays
 * responsive with it, in the same headless Chromium the e2e tests use. Against a running service
 * (scale 10 gives the city agencies ~270 pairings each):
 *
 *   BANGFU_DATA_DIR=/tmp/bangfu-s10 NEO4J_EMBEDDED_PORT=17710 npx bangfu seed --scale 10
 *   BANGFU_DATA_DIR=/tmp/bangfu-s10 NEO4J_EMBEDDED_PORT=17710 PORT=4010 SEED_ON_START=false npm start
 *   BENCH_URL=http://127.0.0.1:4010 npm run bench:explorer -- [runs]
 *
 * Each run, in a fresh page, as a user would: open the view of the city agencies 示例市直单位01–06
 * (one request), then expand 07, 08, … (one request each, merged) until 2,000 nodes are shown.
 * Then it redraws that whole graph at once (`graph.replace`, the path of a fresh view) and drags
 * and wheel-zooms it with real mouse events, timing the frames. Figures are the page's own (`window.bangfuExplorer.last`): request ms,
 * and render ms from data to a painted frame. Only loopback URLs are allowed.
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { launchGuardedBrowser } from '../test/e2e/browser';

const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:4000';
const RUNS = Number(process.argv[2] ?? 3);
const TARGET_NODES = 2000;
const FIRST_VIEW = 6;
const two = (i: number) => String(i).padStart(2, '0');
/** The helpers opened, in order: the 25 city agencies, then banner agencies (synthetic, scale 10). */
const HELPERS = [
  ...Array.from({ length: 25 }, (_, i) => `示例市直单位${two(i + 1)}`),
  ...Array.from({ length: 60 }, (_, i) => `示例旗直单位${two(i + 1)}`),
];
const ids = new Map<string, string>();
async function idAt(i: number): Promise<string> {
  const name = HELPERS[i];
  let id = ids.get(name);
  if (!id) {
    id = await idOf(name);
    ids.set(name, id);
  }
  return id;
}

interface Last {
  nodes: number;
  edges: number;
  layoutMs: number;
  renderMs: number;
  requestMs: number;
  layout: string;
}
interface Element {
  data(): Record<string, unknown>;
}
interface CyLike {
  nodes(): Element[];
  edges(): Element[];
}
interface PageGlobals {
  bangfuExplorer: {
    cy: CyLike;
    graph: { replace(g: { truncated: boolean; nodes: unknown[]; edges: unknown[] }): Promise<Last> };
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

async function run(page: Page) {
  // tsx compiles with esbuild's keepNames, which wraps the functions sent to page.evaluate in a
  // `__name(…)` helper that exists only in Node: give the page a no-op one.
  await page.addInitScript('globalThis.__name = (f) => f;');
  const roots: string[] = [];
  for (let i = 0; i < FIRST_VIEW; i++) roots.push(await idAt(i));
  await page.goto(
    `${BASE}/explorer/?${roots.map((r) => `root=${encodeURIComponent(r)}`).join('&')}&maxNodes=2000`,
  );
  await page.waitForSelector('body[data-views="1"][data-busy="false"]', { timeout: 120_000 });
  const steps = [await last(page)];
  for (let i = FIRST_VIEW; i < HELPERS.length && steps[steps.length - 1].nodes < TARGET_NODES; i++) {
    const id = await idAt(i);
    await page.evaluate((x) => (globalThis as unknown as PageGlobals).bangfuExplorer.expand(x), id);
    await page.waitForSelector(`body[data-views="${steps.length + 1}"][data-busy="false"]`, {
      timeout: 120_000,
    });
    steps.push(await last(page));
  }
  const whole = await page.evaluate(() => {
    const { cy, graph } = (globalThis as unknown as PageGlobals).bangfuExplorer;
    const strip = (d: Record<string, unknown>) => ({
      ...d,
      shape: undefined,
      levelColour: undefined,
      categoryColour: undefined,
    });
    const nodes = cy.nodes().map((n) => strip(n.data()));
    const edges = cy.edges().map((e) => strip(e.data()));
    return graph.replace({ truncated: false, nodes, edges });
  });
  const frames = await panAndZoom(page);
  return { steps, whole, frames };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const browser = await launchGuardedBrowser();
  const results: Awaited<ReturnType<typeof run>>[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.context.newPage();
      results.push(await run(page));
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
  results.forEach((r, i) => {
    const [first, ...expansions] = r.steps;
    const w = r.whole;
    out(
      `run ${i + 1}: first view ${first.nodes} nodes/${first.edges} pairings: request ${first.requestMs} ms, ` +
        `layout ${first.layoutMs} ms, render ${first.renderMs} ms (${first.layout}); ` +
        `${expansions.length} expansions to ${w.nodes} nodes: render median ` +
        `${median(expansions.map((s) => s.renderMs))} ms, max ${Math.max(...expansions.map((s) => s.renderMs))} ms; ` +
        `whole ${w.nodes} nodes/${w.edges} pairings redrawn: layout ${w.layoutMs} ms, render ${w.renderMs} ms`,
    );
  });
  const frameMeans = results.map((r) => r.frames.reduce((s, x) => s + x, 0) / r.frames.length);
  const frameMax = results.map((r) => Math.max(...r.frames));
  out(
    `median: first view ${median(results.map((r) => r.steps[0].renderMs))} ms render ` +
      `(${results[0].steps[0].nodes} nodes); expansion ${median(results.flatMap((r) => r.steps.slice(1).map((s) => s.renderMs)))} ms; ` +
      `whole ${results[0].whole.nodes}-node graph ${median(results.map((r) => r.whole.renderMs))} ms; ` +
      `pan/zoom frame ${Math.round(median(frameMeans))} ms mean, ${Math.round(median(frameMax))} ms max`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
