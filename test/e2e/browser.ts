import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../src/config/paths';

/** Debian's Chromium (`apt-get install chromium`); .ci/run installs it when absent. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and quiet: no first-run, sync, component-update or other background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go (git-ignored; CI keeps them as artifacts). */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs that stay on this machine: loopback http(s)/ws(s), and data:/blob:/about:. */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && LOCAL_HOSTS.has(u.hostname);
}

export interface GuardedBrowser {
  context: BrowserContext;
  /** Every URL a page tried to reach beyond localhost (each was aborted, never sent). */
  offsite: string[];
  /** Console errors, uncaught page errors and CSP violations, prefixed with the page URL. */
  errors: string[];
  newPage(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile whose pages may reach only localhost: any other request is
 * recorded in `offsite` and aborted, so a test can fail on it without the request leaving.
 */
export async function launchGuardedBrowser(): Promise<GuardedBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const offsite: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    if (!isLocalUrl(req.url()) && !offsite.includes(req.url())) offsite.push(req.url());
  });
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: uncaught ${e.message}`));
    page.on('websocket', (ws) => {
      if (!isLocalUrl(ws.url())) offsite.push(ws.url());
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });

  return {
    context,
    offsite,
    errors,
    newPage: async () => context.pages().find((p) => p.url() === 'about:blank') ?? context.newPage(),
    async screenshot(page, name) {
      const file = path.join(ARTIFACTS_DIR, name);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The built pages the service serves; the e2e tests need `npm run build` (or build:web) first. */
export function assertWebBuilt(): void {
  for (const page of ['playground', 'explorer']) {
    const index = path.join(REPO_ROOT, 'dist', 'web', page, 'index.html');
    if (!fs.existsSync(index)) throw new Error(`${index} is missing: run \`npm run build:web\` first`);
  }
}
