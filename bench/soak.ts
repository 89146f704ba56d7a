/**
 * Soak test: the built service (`dist/main.js`, as in production) under a bounded, mixed load on
 * loopback for SOAK_SECONDS (default 60) with autocannon, sampling its memory (RSS and heap from
 * its own /metrics) and the answers by status every SOAK_SAMPLE_SECONDS (default 5).
 *
 *   npm run build && npm run soak                       # own embedded Neo4j, seeded (≈ 1 min)
 *   NEO4J_URI=bolt://127.0.0.1:7687 npm run soak        # an existing seeded Neo4j
 *   SOAK_SECONDS=600 SOAK_CONNECTIONS=32 npm run soak
 *
 * Only 127.0.0.1 is ever targeted; the run stops by itself. Figures: docs/reliability.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDriver } from '../src/store/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/store/embedded/embedded-neo4j';
import { Gateway } from '../src/store/gateway';
import { migrate } from '../src/store/migrations/migrations';
import { seedIfEmpty } from '../src/seed/seed-if-empty';
import { freePort, runService } from '../test/support/processes';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const SAMPLE_S = Number(process.env.SOAK_SAMPLE_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 16);

/** The mix: weights roughly as analysts and front ends use the API, plus refused requests. */
const OPERATIONS: [weight: number, name: string, body: object][] = [
  [3, 'serverInfo', { query: '{ serverInfo { version neo4jVersion } }' }],
  [
    3,
    'search',
    {
      query: 'query($q: String!) { search(query: $q, first: 10) { totalCount edges { node { name } } } }',
      variables: { q: '城壕' },
    },
  ],
  [
    3,
    'pairingsPage',
    {
      query:
        '{ pairings(first: 50, filter: { level: [BANNER] }) { totalCount edges { cursor node { key kind validFrom helper { name } beneficiary { name } } } } }',
    },
  ],
  [
    2,
    'villagePage',
    {
      query:
        '{ adminUnits(filter: { kind: [GACHA_VILLAGE] }, first: 20) { edges { node { name assistedBy(first: 5) { edges { node { level helper { name pairings(first: 5) { totalCount } } } } } } } } }',
    },
  ],
  [
    1,
    'tooDeep',
    {
      query: `{ adminUnits(first: 1) { edges { node { ${'parent { '.repeat(17)}name${' }'.repeat(17)} } } } }`,
    },
  ],
  [
    1,
    'badVariables',
    { query: 'query($n: Int) { pairings(first: $n) { totalCount } }', variables: { n: 'many' } },
  ],
  [1, 'syntaxError', { query: '{ pairings(first: 5) { totalCount ' }],
];
const BAG = OPERATIONS.flatMap(([w, name, body]) =>
  Array.from({ length: w }, () => ({ name, body: JSON.stringify(body) })),
);

async function main() {
  const log = (m: string) => process.stderr.write(`[soak] ${m}\n`);
  let neo: EmbeddedNeo4j | undefined;
  let storeDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-soak-'));
    neo = await startEmbeddedNeo4j({ storeDir, boltPort: await freePort(), log });
    uri = neo.uri;
  }
  const driver = createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  const gw = new Gateway(driver, process.env.NEO4J_DATABASE ?? 'neo4j');
  await migrate(gw);
  await seedIfEmpty(gw, log);
  await driver.close();

  const port = await freePort();
  const svc = runService({
    NODE_ENV: 'production',
    PORT: String(port),
    NEO4J_URI: uri,
    SEED_ON_START: 'false',
    RATE_LIMIT_MAX: '0',
    AUTH_ANONYMOUS_READ: 'true',
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: 'soak-secret-soak-secret-soak-secret-00',
    PII_HASH_SALT: 'soak-salt-soak-salt-soak-salt-000000',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if ((await fetch(`${base}/readyz`).catch(() => undefined))?.ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`service ready at ${base}; ${SECONDS} s, ${CONNECTIONS} connections`);

  const memory = async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const metric = (name: string) =>
      Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
    return {
      rssMiB: metric('bangfu_process_resident_memory_bytes'),
      heapMiB: metric('bangfu_nodejs_heap_size_used_bytes'),
    };
  };
  type Window = {
    t: number;
    responses: number;
    byStatus: Record<string, number>;
    rssMiB: number;
    heapMiB: number;
    p99ms: number;
  };
  const windows: Window[] = [];
  let current = { responses: 0, byStatus: {} as Record<string, number>, latencies: [] as number[] };
  const start = Date.now();
  windows.push({ t: 0, responses: 0, byStatus: {}, ...(await memory()), p99ms: 0 });
  const sampler = setInterval(async () => {
    const w = current;
    current = { responses: 0, byStatus: {}, latencies: [] };
    w.latencies.sort((a, b) => a - b);
    const p99ms = Math.round(w.latencies[Math.floor(w.latencies.length * 0.99)] ?? 0);
    windows.push({
      t: Math.round((Date.now() - start) / 1000),
      responses: w.responses,
      byStatus: w.byStatus,
      ...(await memory()),
      p99ms,
    });
  }, SAMPLE_S * 1000);

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: BAG[Math.floor(Math.random() * BAG.length)].body }),
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      current.responses++;
      current.byStatus[statusCode] = (current.byStatus[statusCode] ?? 0) + 1;
      current.latencies.push(responseTime);
    });
  });
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 500));

  const rows = windows.map(
    (w) =>
      `| ${w.t} | ${w.responses} | ${Object.entries(w.byStatus)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')} | ${w.p99ms} | ${w.rssMiB.toFixed(1)} | ${w.heapMiB.toFixed(1)} |`,
  );
  const out = [
    `soak: ${SECONDS} s, ${CONNECTIONS} connections, ${result.requests.total} requests (${result.requests.average.toFixed(0)}/s), latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
    '',
    '| t (s) | answers | by status | p99 (ms) | RSS (MiB) | heap used (MiB) |',
    '|---:|---:|---|---:|---:|---:|',
    ...rows,
  ].join('\n');
  process.stdout.write(`${out}\n`);

  svc.child.kill('SIGTERM');
  const code = await svc.exited;
  log(`service exited with ${code}`);
  await neo?.stop();
  if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
  process.exit(result.errors > 0 || code !== 0 ? 1 : 0);
}

void main();
