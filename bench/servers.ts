import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { REPO_ROOT } from '../src/config/paths';
import { SignJWT } from 'jose';
import { freePort } from '../test/support/processes';

/**
 * The three variants as separate processes on loopback, so that each has its own event loop and
 * its peak RSS can be read, and the load generator (this process) is never one of them.
 */

export type VariantName = 'ours' | 'floor' | 'peer';
export const VARIANTS: readonly VariantName[] = ['ours', 'floor', 'peer'];

export interface VariantServer {
  name: VariantName;
  url: string;
  /** Headers every request to this variant carries (ours: an analyst's bearer token). */
  headers: Record<string, string>;
  pid: number;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** Cypher statements the variant has sent so far. */
  cypherCount(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Our service masks personal fields (household and student names) for callers below the analyst
 * role; the peer and the floor have no such policy, so the bench reads as an analyst (a token
 * signed with this secret) to get the same data from all three.
 */
const BENCH_JWT_SECRET = 'bench-secret-of-bangfu-graph-benchmarks-0123456789';

/** All three variants run as deployed: graphql-js and Express skip their development-time checks. */
export const ALL_BENCH_ENV: Readonly<Record<string, string>> = { NODE_ENV: 'production' };

/**
 * Limits of our service for the bench, set through its documented variables: rate limiting off
 * (one client sends thousands of requests a minute), and depth/cost/alias limits that the
 * benchmarked operations stay under by a wide margin. Request logging is off (LOG_LEVEL=warn):
 * neither peer nor floor logs per request.
 */
export const OUR_BENCH_ENV: Readonly<Record<string, string>> = {
  RATE_LIMIT_MAX: '0',
  MAX_COST: '1000000',
  MAX_DEPTH: '32',
  MAX_ALIASES: '200',
  MAX_TOKENS: '20000',
  MAX_BODY_BYTES: '1048576',
  REQUEST_TIMEOUT_MS: '120000',
  AUTH_JWT_SECRET: BENCH_JWT_SECRET,
  PII_HASH_SALT: 'bench-salt-of-bangfu-graph-benchmarks',
  LOG_LEVEL: 'warn',
  SEED_ON_START: 'false',
};

/** An analyst's token for the whole run (a scale-100 run takes hours on a loaded machine). */
function analystToken(): Promise<string> {
  return new SignJWT({ role: 'analyst' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench')
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(new TextEncoder().encode(BENCH_JWT_SECRET));
}

/**
 * The V8 heap flags of `npm start` in `root`'s package.json (`--max-old-space-size=192
 * --max-semi-space-size=32`): our service runs with them in the bench as it does when started
 * as documented.
 */
export function startHeapFlags(root = REPO_ROOT): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return pkg.scripts.start.split(/\s+/).filter((t) => /^--max-[a-z-]+-size=\d+$/.test(t));
}

function command(name: VariantName, root: string): string[] {
  if (name === 'ours') return [path.join(root, 'dist', 'main.js')];
  return ['--import', 'tsx', path.join(REPO_ROOT, 'bench', `${name}-server.ts`)];
}

/**
 * Where a variant runs from and how: `root` is the checkout whose built service runs (another
 * tree's dist/, to compare two versions side by side), `nodeArgs` go to node before the script
 * (e.g. --cpu-prof), after ours' heap flags from `npm start`, so a later flag overrides them
 * (`--max-old-space-size=0` is V8's own default).
 */
export interface VariantOptions {
  root?: string;
  nodeArgs?: string[];
}

export async function startVariant(
  name: VariantName,
  neo4jUri: string,
  o: VariantOptions = {},
): Promise<VariantServer> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    BENCH_NEO4J_URI: neo4jUri,
    ...ALL_BENCH_ENV,
    ...(name === 'ours' ? { ...OUR_BENCH_ENV, NEO4J_URI: neo4jUri, NEO4J_DATABASE: 'neo4j' } : {}),
  };
  const root = o.root ?? REPO_ROOT;
  const heap = name === 'ours' ? startHeapFlags(root) : [];
  const child = spawn(process.execPath, [...heap, ...(o.nodeArgs ?? []), ...command(name, root)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const url = `http://127.0.0.1:${port}`;
  // Our service logs its ready line at info level, which the bench turns off: poll /readyz instead.
  try {
    await waitReady(child, name === 'ours' ? () => ready(url) : null, () => stderr.join(''));
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const headers: Record<string, string> =
    name === 'ours' ? { authorization: `Bearer ${await analystToken()}` } : {};
  return {
    name,
    url,
    headers,
    pid: child.pid!,
    peakRssMiB: () => peakRss(child.pid!),
    cypherCount: () => (name === 'ours' ? oursCypherCount(url) : ownCypherCount(url)),
    stop: () => stop(child),
  };
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/** Resolves when `probe` says so (polled), or else when the child prints its BENCH_READY line. */
function waitReady(
  child: ChildProcess,
  probe: (() => Promise<boolean>) | null,
  stderr: () => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 120 s: ${stderr()}`)), 120_000);
    const done = () => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve();
    };
    const poll = setInterval(() => void probe?.().then((ok) => ok && done()), 250);
    if (!probe) clearInterval(poll);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!probe && line.startsWith('BENCH_READY')) done();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`exited with ${code} before it was ready: ${stderr().slice(-2000)}`));
    });
  });
}

function peakRss(pid: number): number {
  return Math.round(statusMiB(pid, 'VmHWM'));
}

/** A memory line of a process's /proc status (VmHWM: peak RSS, VmRSS: RSS now), in MiB. */
export function statusMiB(pid: number, key: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

const TICK_US = 1e6 / 100; // USER_HZ: /proc times are in 1/100 s on Linux

/** A process's CPU time so far (user + system, from /proc/<pid>/stat), in µs. */
export function procCpuUs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_US; // utime, stime (fields 14, 15)
}

/** Sum of `bangfu_cypher_queries_total` over all labels, from the service's /metrics. */
async function oursCypherCount(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('bangfu_cypher_queries_total'))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

async function ownCypherCount(url: string): Promise<number> {
  return ((await (await fetch(`${url}/cypher-count`)).json()) as { statements: number }).statements;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
