import type { Page, Request } from 'playwright-core';

/**
 * Reading the explorer's canvas from a test. The page exposes its Cytoscape instance as
 * `window.bangfuExplorer.cy` (web/explorer/main.ts); these helpers run inside the page, so they
 * declare the little of the browser and of Cytoscape they use (the test tsconfig has no DOM lib).
 */
interface CyElement {
  id(): string;
  data(key: string): unknown;
  hasClass(c: string): boolean;
  style(prop: string): string;
  renderedPosition(): { x: number; y: number };
}
interface CyLike {
  nodes(): CyElement[];
  edges(): CyElement[];
  getElementById(id: string): CyElement;
  center(el: CyElement): void;
  container(): { getBoundingClientRect(): { left: number; top: number } };
}
interface PageGlobals {
  bangfuExplorer: {
    cy: CyLike;
    last: { nodes: number; edges: number; renderMs: number; requestMs: number } | null;
  };
}

export interface ShownNode {
  id: string;
  name: string;
  kind: string;
  level: string | null;
  category: string | null;
  provenance: string;
  root: boolean;
  expanded: boolean;
  borderStyle: string;
  fill: string;
}

export interface ShownEdge {
  id: string;
  source: string;
  target: string;
  level: string;
  provenance: string;
  lineStyle: string;
}

/** The nodes drawn on the canvas, with the style Cytoscape computed for each. */
export function shownNodes(page: Page): Promise<ShownNode[]> {
  return page.evaluate(() =>
    (globalThis as unknown as PageGlobals).bangfuExplorer.cy.nodes().map((n) => ({
      id: n.id(),
      name: String(n.data('name')),
      kind: String(n.data('kind')),
      level: (n.data('level') as string | null) ?? null,
      category: (n.data('category') as string | null) ?? null,
      provenance: String(n.data('provenance')),
      root: n.data('root') === true,
      expanded: n.hasClass('expanded'),
      borderStyle: n.style('border-style'),
      fill: n.style('background-color'),
    })),
  );
}

export function shownEdges(page: Page): Promise<ShownEdge[]> {
  return page.evaluate(() =>
    (globalThis as unknown as PageGlobals).bangfuExplorer.cy.edges().map((e) => ({
      id: e.id(),
      source: String(e.data('source')),
      target: String(e.data('target')),
      level: String(e.data('level')),
      provenance: String(e.data('provenance')),
      lineStyle: e.style('line-style'),
    })),
  );
}

/**
 * Clicks a node where it is drawn, as a user would, after panning it to the middle of the canvas
 * (the layout is not deterministic, and the legend covers a corner).
 */
export async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((nodeId) => {
    const cy = (globalThis as unknown as PageGlobals).bangfuExplorer.cy;
    cy.center(cy.getElementById(nodeId));
    const p = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(at.x, at.y);
}

/** Waits until the explorer has finished its n-th view (graph drawn and panel filled). */
export async function waitForView(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`body[data-views="${n}"][data-busy="false"]`, { timeout: 90_000 });
}

/** The variables of every ExplorerView request the page sends, in order. */
export function recordViewRequests(page: Page): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  page.on('request', (r: Request) => {
    if (r.method() !== 'POST' || !r.url().endsWith('/graphql')) return;
    const body = r.postDataJSON() as { query?: string; variables?: Record<string, unknown> } | null;
    if (body?.query?.includes('query ExplorerView')) seen.push(body.variables ?? {});
  });
  return seen;
}
