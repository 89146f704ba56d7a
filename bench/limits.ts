/**
 * How fast the abuse limits refuse the four documents of issue 7 (depth 20, 1,000 aliases,
 * 1 MB, a 100-operation batch): round trips on loopback, an upper bound of the server's time.
 * The service's driver points at a port where nothing listens, so any Cypher would fail: every
 * answer below is a refusal that sent none.   npx tsx bench/limits.ts [repetitions=200]
 */
import pino from 'pino';
import { defaultHardening } from '../src/config/hardening-config';
import { createHttpService } from '../src/server/http-service';
import { Metrics } from '../src/server/metrics';
import { createDriver } from '../src/store/driver';
import { Gateway } from '../src/store/gateway';

const REPS = Number(process.argv[2] ?? 200);
const op = { query: '{ serverInfo { version } }' };
const CASES: Record<string, string> = {
  'depth 20': JSON.stringify({
    query: `{ adminUnits(first: 1) { edges { node { ${'parent { '.repeat(16)}name${' }'.repeat(16)} } } } }`,
  }),
  '1,000 aliases': JSON.stringify({
    query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`,
  }),
  '1 MB document': JSON.stringify({ query: `{ serverInfo { version } } # ${'x'.repeat(1024 * 1024)}` }),
  '100-operation batch': JSON.stringify(Array.from({ length: 100 }, () => op)),
};

async function main() {
  const driver = createDriver({ uri: 'bolt://127.0.0.1:1' });
  const metrics = new Metrics({ defaultMetrics: false });
  const http = await createHttpService({
    gateway: new Gateway(driver, 'neo4j', [metrics]),
    metrics,
    log: pino({ level: 'silent' }),
    service: { version: 'bench', embedded: false },
    shutdownTimeoutMs: 100,
    hardening: { ...defaultHardening('production'), rateLimitMax: 0 },
  });
  const url = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}/graphql`;
  const rows: string[] = [];
  for (const [name, body] of Object.entries(CASES)) {
    const ms: number[] = [];
    let answer = '';
    for (let i = 0; i <= REPS; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      ms.push(performance.now() - t0);
      answer = `${res.status} ${json.errors?.[0]?.extensions?.code}`;
    }
    const first = ms.shift()!; // the first of each case runs cold (JIT, schema caches)
    ms.sort((a, b) => a - b);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(ms.length * p))].toFixed(1);
    rows.push(
      `| ${name} | ${answer} | ${first.toFixed(1)} | ${q(0.5)} | ${q(0.99)} | ${ms.at(-1)!.toFixed(1)} |`,
    );
  }
  const cypher = (await metrics.cypherQueries.get()).values.reduce((s, v) => s + v.value, 0);
  process.stdout.write(
    [
      `${REPS} repetitions each; Cypher statements sent: ${cypher}`,
      '',
      '| document | answer | first (cold) ms | p50 ms | p99 ms | max ms |',
      '|---|---|---:|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n'),
  );
  await http.close();
  await driver.close();
}

void main();
