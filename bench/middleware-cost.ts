/**
 * What each per-request layer of the service costs, measured one by one: one in-process service
 * with every layer on (production hardening, a verified analyst token, request logging at info
 * written to /dev/null), and beside it one service per layer with only that layer off, all on the
 * same Neo4j and in the same process run. The operations are `{ __typename }` (no database at
 * all) and nodeById (one id-anchored read), so the layers' share is not lost in database time.
 * Reported per operation: p50 latency at concurrency 1 (sequential requests from this process)
 * and requests/s at concurrency 32 (autocannon in a worker thread), each the median of the
 * rounds; a layer's cost is the difference to "all on" (Δ µs/request at c=32 is
 * 1e6/rps(all on) − 1e6/rps(without), the server time the layer adds to each request).
 *
 *   npx tsx bench/middleware-cost.ts [--rounds 5] [--seconds 2] [--latency 150] [--ops typename,nodeById] [--docs]
 *
 * `--docs` writes the table into docs/benchmarks.md between the per-middleware-cost markers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import pino, { type Logger } from 'pino';
import { defaultHardening } from '../src/config/hardening-config';
import { analyticsConfig } from '../src/config/analytics-config';
import { REPO_ROOT } from '../src/config/paths';
import { toGlobalId } from '../src/graphql/ids';
import { createHttpService, type HttpService, type HttpServiceDeps } from '../src/server/http-service';
import { Metrics } from '../src/server/metrics';
import { SERVICE_LAYERS, type ServiceLayer } from '../src/server/service-layers';
import { createAuthenticator, type Authenticator } from '../src/server/token';
import { sha256 } from '../src/server/trusted-documents';
import { AnalyticsEngine } from '../src/store/analytics/analytics-engine';
import { createDriver } from '../src/store/driver';
import { Gateway } from '../src/store/gateway';
import { openBenchStore } from './stores';

const SECRET = 'middleware-cost-bench-secret-0123456789abcdef';
const VILLAGE = 'au:chenghao';

export const OPS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  typename: { query: '{ __typename }' },
  nodeById: {
    query: `query NodeById($id: ID!) { node(id: $id) { id ... on AdminUnit { key name kind aliases provenance designations parent { name } } } }`,
    variables: { id: toGlobalId('AdminUnit', VILLAGE) },
  },
  villagePage: {
    query: `query VillagePage($id: ID!) { node(id: $id) { ... on AdminUnit { name kind parent { name }
        assistedBy(first: 20) { totalCount edges { node { level category helper { __typename name
          pairings(first: 5) { totalCount edges { node { beneficiary { name }
            projects(first: 3) { edges { node { name amountYuan } } } } } } } } } } } } }`,
    variables: { id: toGlobalId('AdminUnit', VILLAGE) },
  },
};

/** One service under test: which layers it runs and how it verifies tokens and logs. */
export interface Variant {
  name: string;
  what: string;
  without: ServiceLayer[];
  /** Skip JWT verification: a fixed analyst viewer (what a perfect token cache would give). */
  noVerify?: boolean;
  /** Verify every token in full (the verified-token cache off). */
  noRemember?: boolean;
  logLevel?: 'info' | 'warn';
  /** Trusted-documents mode on (off by default in production, so this one ADDS a layer). */
  trusted?: boolean;
}

const LAYER_WHAT: Record<ServiceLayer, string> = {
  requestLogging: 'pino-http (request id, child logger, one line per request)',
  httpMetrics: 'HTTP request counter + latency histogram',
  operationMetrics: 'operation counter + error logging plugin',
  cors: 'CORS on /graphql (no origins configured)',
  allowedMethods: '405 for methods a route does not take',
  staticRoutes: 'playground/explorer/possible-types routers in front of /graphql',
  rateLimit: 'express-rate-limit, in-memory store (limit never reached)',
  documentLimits: 'depth/alias/directive validation rules',
  queryCost: 'fan-out cost estimate + filter bounds plugin',
  apq: 'automatic persisted queries',
  csrf: 'Apollo CSRF prevention',
  circuitBreaker: 'database circuit breaker plugin',
  unavailableStatus: '503 status plugin',
  deadline: 'request deadline on every transaction',
};

export const VARIANTS: Variant[] = [
  { name: 'all on', what: 'production settings, analyst token, log at info', without: [] },
  {
    name: 'jwtVerification',
    what: 'JWT check with verified tokens remembered (vs a fixed viewer)',
    without: [],
    noVerify: true,
  },
  {
    name: '+jwtEveryRequest',
    what: 'HS256 verified in full on every request (no remembering), vs all on',
    without: [],
    noRemember: true,
  },
  { name: 'logLevel', what: 'request log line written (info vs warn)', without: [], logLevel: 'warn' },
  ...SERVICE_LAYERS.map((l) => ({ name: l, what: LAYER_WHAT[l], without: [l] })),
  { name: '+trustedDocuments', what: 'sha256 of the document vs the manifest', without: [], trusted: true },
  {
    name: 'all layers off',
    what: 'every layer above off, no verification, log at warn',
    without: [...SERVICE_LAYERS],
    noVerify: true,
    logLevel: 'warn',
  },
];

export async function analystToken(): Promise<string> {
  return new SignJWT({ role: 'analyst' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));
}

function logger(level: 'info' | 'warn'): Logger {
  // Request lines go to /dev/null (their cost is what is measured); errors to stderr, to be seen.
  return pino(
    { level },
    pino.multistream([
      { level, stream: pino.destination({ dest: '/dev/null', sync: false }) },
      { level: 'error', stream: process.stderr },
    ]),
  );
}

export async function startVariant(
  v: Variant,
  gatewayOf: (m: Metrics) => Gateway,
  analytics: AnalyticsEngine,
  extra: Partial<HttpServiceDeps> = {},
): Promise<{ url: string; service: HttpService }> {
  const real = createAuthenticator(
    {
      jwtSecret: SECRET,
      jwksUrl: null,
      issuer: null,
      audience: null,
      anonymousRead: true,
    },
    undefined,
    !v.noRemember,
  );
  const fixed: Authenticator = {
    anonymousRead: false,
    authenticate: () => Promise.resolve({ anonymous: false, subject: 'bench', role: 'analyst' }),
  };
  const metrics = new Metrics({ defaultMetrics: false });
  const service = await createHttpService({
    gateway: gatewayOf(metrics),
    metrics,
    log: logger(v.logLevel ?? 'info'),
    service: { version: 'bench', embedded: false },
    shutdownTimeoutMs: 100,
    auth: v.noVerify ? fixed : real,
    hardening: { ...defaultHardening('production'), rateLimitMax: 1_000_000_000, requestTimeoutMs: 120_000 },
    trustedDocuments: v.trusted ? new Set(Object.values(OPS).map((o) => sha256(o.query))) : null,
    analytics,
    without: new Set(v.without),
    ...extra,
  });
  const { port } = await service.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}/graphql`, service };
}

interface Sample {
  p50us: number[];
  cpuUs: number[];
  rps: number[];
}

export async function post(url: string, headers: Record<string, string>, body: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  if (res.status !== 200 || text.includes('"errors"'))
    throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
}

export async function latencyP50(url: string, headers: Record<string, string>, body: string, n: number) {
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await post(url, headers, body);
    ms.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  lastCpuUs = (cpu.user + cpu.system) / n;
  return median(ms) * 1000;
}

/**
 * Process CPU time (user + system, µs) per request of the last `latencyP50` run: server and
 * client in one process, the client's share the same for every variant. Unlike wall time it
 * hardly moves when other processes load the machine.
 */
export let lastCpuUs = 0;

export async function rps(url: string, headers: Record<string, string>, body: string, seconds: number) {
  const res = await autocannon({
    url,
    method: 'POST',
    headers,
    body,
    connections: 32,
    duration: seconds,
    workers: 1,
  });
  if (res.non2xx + res.errors > 0) throw new Error(`${url}: ${res.non2xx} non-2xx, ${res.errors} errors`);
  return res['2xx'] / seconds;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Markdown rows: per variant and operation, p50 and req/s, and the difference to "all on". */
export function table(variants: Variant[], ops: string[], results: Map<string, Map<string, Sample>>): string {
  const base = results.get('all on')!;
  const head = [
    '| layer switched off | what it does |',
    ...ops.map((o) => ` ${o} CPU µs/req | Δ CPU µs | p50 c=1 µs | req/s c=32 |`),
  ].join('');
  const sep = `|---|---|${ops.map(() => '---:|---:|---:|---:|').join('')}`;
  const rows = variants.map((v) => {
    const cells = ops.map((o) => {
      const s = results.get(v.name)!.get(o)!;
      const b = base.get(o)!;
      const p50 = median(s.p50us);
      const cpu = median(s.cpuUs);
      const r = s.rps.length ? median(s.rps).toFixed(0) : 'n/m';
      const sign = v.name.startsWith('+') ? -1 : 1; // an added layer: its cost is (with − all on)
      const dcpu = v.name === 'all on' ? '—' : (sign * (median(b.cpuUs) - cpu)).toFixed(0);
      return ` ${cpu.toFixed(0)} | ${dcpu} | ${p50.toFixed(0)} | ${r} |`;
    });
    return `| ${v.name} | ${v.what} |${cells.join('')}`;
  });
  return [head, sep, ...rows].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '2' },
      latency: { type: 'string', default: '150' },
      ops: { type: 'string', default: 'typename,nodeById' },
      only: { type: 'string' },
      docs: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  const seconds = Number(values.seconds);
  const n = Number(values.latency);
  const ops = values.ops!.split(',');
  const variants = values.only
    ? VARIANTS.filter((v) => v.name === 'all on' || values.only!.split(',').includes(v.name))
    : VARIANTS;
  const say = (m: string) => process.stderr.write(`${m}\n`);
  const store = await openBenchStore(1, say);
  const driver = createDriver({ uri: store.uri });
  const analytics = new AnalyticsEngine(analyticsConfig());
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${await analystToken()}` };
  const started = new Map<string, { url: string; service: HttpService }>();
  for (const v of variants)
    started.set(v.name, await startVariant(v, (m) => new Gateway(driver, 'neo4j', [m]), analytics));
  const results = new Map(
    variants.map((v) => [v.name, new Map(ops.map((o) => [o, { p50us: [], cpuUs: [], rps: [] } as Sample]))]),
  );
  const uptimes = [
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  ];
  for (const v of variants)
    for (const o of ops) await latencyP50(started.get(v.name)!.url, headers, JSON.stringify(OPS[o]), 30);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(r + k) % variants.length];
      for (const o of ops) {
        const body = JSON.stringify(OPS[o]);
        const s = results.get(v.name)!.get(o)!;
        s.p50us.push(await latencyP50(started.get(v.name)!.url, headers, body, n));
        s.cpuUs.push(lastCpuUs);
        if (seconds > 0) s.rps.push(await rps(started.get(v.name)!.url, headers, body, seconds));
      }
    }
    uptimes.push(
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
    );
    say(`round ${r + 1}/${rounds} done; load ${uptimes.at(-1)}`);
  }
  const text = [
    `${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}; ${rounds} rounds of ${n} sequential requests + ${seconds} s at c=32 per variant and operation; medians of the rounds.`,
    `Load average (1/5/15 min) at the start and after each round: ${uptimes.join(' → ')} (the bench's own service, Neo4j and load generator keep about 2 busy; a load well above that means other work shared the machine).`,
    '',
    table(variants, ops, results),
    '',
  ].join('\n');
  process.stdout.write(text);
  if (values.docs) writeDocs(text, process.argv.slice(2).join(' '));
  for (const { service } of started.values()) await service.close().catch(() => undefined);
  await driver.close();
  await store.stop();
  process.exit(0);
}

const BEGIN = '<!-- per-middleware-cost:begin — generated by bench/middleware-cost.ts --docs -->';
const END = '<!-- per-middleware-cost:end -->';

function writeDocs(text: string, args: string) {
  const file = path.join(REPO_ROOT, 'docs', 'benchmarks.md');
  const doc = fs.readFileSync(file, 'utf8');
  const block = `${BEGIN}\n\n\`npx tsx bench/middleware-cost.ts ${args}\`\n\n${text}\n${END}`;
  const at = doc.indexOf(BEGIN);
  const next =
    at < 0
      ? `${doc.trimEnd()}\n\n${block}\n`
      : doc.slice(0, at) + block + doc.slice(doc.indexOf(END) + END.length);
  fs.writeFileSync(file, next);
}

if (process.argv[1] && /middleware-cost/.test(process.argv[1])) void main();
