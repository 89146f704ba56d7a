/**
 * The service's own CPU time per request, per benchmark operation: each service runs as the
 * benchmark runs it (built dist/, NODE_ENV=production, bench settings) on the scale-1 bench
 * store, takes N sequential requests per round, and its user + system time is read from
 * /proc/<pid>/stat before and after. Unlike wall time this hardly moves when other processes
 * load the machine, so two versions of our service (`--old <checkout with a built dist/>`) and
 * the peer can be compared side by side, rounds interleaved. Also reported: p50 latency at
 * concurrency 1, Cypher statements per request (our /metrics counter) and Neo4j's own CPU time
 * per request (its process, read the same way), so the two halves of a request's cost on this
 * 2-core machine are seen apart. `--floor` adds the floor server (one hand-written statement).
 * `--c32 SECONDS` then also measures throughput at 32 connections (autocannon), SECONDS per
 * variant and operation in each round, the variants taking turns, and the CPU each process (the
 * service, Neo4j, this bench as the client) spent per answered request under that load.
 *
 *   npx tsx bench/service-cpu.ts [--rounds 3] [--n 300] [--ops nodeById,villagePage,helperPairings]
 *                                [--old /path/to/old/checkout] [--peer] [--floor] [--c32 SECONDS]
 *                                [--profile DIR]
 *
 * `--profile DIR` runs our (new) service under `node --cpu-prof` and leaves its profile in DIR.
 */
import autocannon from 'autocannon';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { answer, HEADERS, pageRequest, prepare, send } from './client';
import { list, str } from './json';
import { median } from './middleware-cost';
import { type Fixtures, OPERATIONS } from './operations';
import {
  DEEP_PAGE,
  floorPageParams,
  OURS_PAIRINGS_PAGE,
  oursPageVars,
  PEER_PAIRINGS_PAGE,
  peerPageVars,
} from './pairings-page';
import { procCpuUs, startVariant, type VariantServer } from './servers';
import { openBenchStore } from './stores';

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      n: { type: 'string', default: '300' },
      ops: { type: 'string', default: 'nodeById,villagePage,helperPairings' },
      old: { type: 'string' },
      peer: { type: 'boolean', default: false },
      floor: { type: 'boolean', default: false },
      c32: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const say = (m: string) => process.stderr.write(`${m}\n`);
  const store = await openBenchStore(1, say);
  const servers: { label: string; s: VariantServer }[] = [];
  try {
    const profile = values.profile ? path.resolve(values.profile) : null;
    servers.push({
      label: 'new',
      s: await startVariant('ours', store.uri, {
        nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, '--cpu-prof-interval=200'] : [],
      }),
    });
    if (values.old)
      servers.push({ label: 'old', s: await startVariant('ours', store.uri, { root: values.old }) });
    if (values.peer) servers.push({ label: 'peer', s: await startVariant('peer', store.uri) });
    if (values.floor) servers.push({ label: 'floor', s: await startVariant('floor', store.uri) });
    // The deep page of the helper's pairings, walked to by each variant as the benchmark's fixtures do.
    const f: Fixtures = {
      village: 'au:chenghao',
      helper: 'syn:city-agency:08',
      graphRoot: 'syn:b001:cadre:0001',
      area: 'au:zhungeer',
      pathFrom: 'org:xinhua-nmg',
      pathTo: 'syn:b001:household:00001',
      page: { index: DEEP_PAGE, ours: null, peer: null, floor: null },
    };
    const ours = servers.find((x) => x.s.name === 'ours')!.s;
    const peer = servers.find((x) => x.s.name === 'peer')?.s;
    const floor = servers.find((x) => x.s.name === 'floor')?.s;
    // (page DEEP_PAGE, or the last page when there are fewer, as bench/fixtures.ts picks it)
    for (let p = 1; p < DEEP_PAGE; p++) {
      const d = answer(
        'ours',
        await send(pageRequest(ours, OURS_PAIRINGS_PAGE, oursPageVars(f, f.page.ours))),
      );
      if (!d.node.pairings.pageInfo.hasNextPage) break;
      f.page.ours = str(d.node.pairings.pageInfo.endCursor);
      f.page.index = p + 1;
      if (peer) {
        const e = answer(
          'peer',
          await send(pageRequest(peer, PEER_PAIRINGS_PAGE, peerPageVars(f, f.page.peer))),
        );
        f.page.peer = str(list(e.organizations)[0].pairingsConnection.pageInfo.endCursor);
      }
      if (floor) {
        const url = `${floor.url}/op/helperPairings`;
        const body = JSON.stringify(floorPageParams(f, f.page.floor));
        const rows = answer('floor', await send({ url, body, headers: HEADERS }));
        f.page.floor = str(list(list(rows)[0].pairings).at(-1)?.key);
      }
    }
    const ops = OPERATIONS.filter((o) => values.ops!.split(',').includes(o.name));
    const n = Number(values.n);
    const call = async (s: VariantServer, o: (typeof ops)[number]) => {
      const r = prepare(o, s, f);
      if (!r) throw new Error(`${s.name} has no ${o.name}`);
      answer(s.name, await send(r));
    };
    for (const { s } of servers) for (const o of ops) for (let i = 0; i < 200; i++) await call(s, o); // warm-up
    const cpu = new Map<string, number[]>();
    const dbCpu = new Map<string, number[]>();
    const p50 = new Map<string, number[]>();
    const stmts = new Map<string, number>();
    const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
    // Each round sends n requests per variant in blocks of BLOCK, the variants taking turns, so a
    // change of the machine's load during a round falls on all variants alike.
    const BLOCK = 20;
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const o of ops) {
        const spent = new Map<string, { cpu: number; db: number; ms: number[]; q: number }>();
        for (let done = 0; done < n; done += BLOCK) {
          for (let k = 0; k < servers.length; k++) {
            const { label, s } = servers[(r + k + done / BLOCK) % servers.length];
            const acc = spent.get(label) ?? { cpu: 0, db: 0, ms: [], q: 0 };
            spent.set(label, acc);
            const q0 = await s.cypherCount();
            const c0 = procCpuUs(s.pid);
            const d0 = procCpuUs(store.pid);
            for (let i = 0; i < Math.min(BLOCK, n - done); i++) {
              const t0 = performance.now();
              await call(s, o);
              acc.ms.push(performance.now() - t0);
            }
            acc.cpu += procCpuUs(s.pid) - c0;
            acc.db += procCpuUs(store.pid) - d0;
            acc.q += (await s.cypherCount()) - q0;
          }
        }
        for (const [label, acc] of spent) {
          push(cpu, `${o.name}|${label}`, acc.cpu / n);
          push(dbCpu, `${o.name}|${label}`, acc.db / n);
          push(p50, `${o.name}|${label}`, median(acc.ms) * 1000);
          stmts.set(`${o.name}|${label}`, acc.q / n);
        }
      }
      say(
        `round ${r + 1}/${values.rounds} done; load ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      );
    }
    const rps = new Map<string, number[]>();
    const loadCpu = new Map<string, number[]>();
    const loadDb = new Map<string, number[]>();
    const loadClient = new Map<string, number[]>();
    if (values.c32)
      for (let r = 0; r < Number(values.rounds); r++)
        for (const o of ops)
          for (let k = 0; k < servers.length; k++) {
            const { label, s } = servers[(r + k) % servers.length];
            const q = prepare(o, s, f)!;
            const c0 = procCpuUs(s.pid);
            const d0 = procCpuUs(store.pid);
            const b0 = process.cpuUsage();
            const res = await autocannon({
              ...q,
              method: 'POST',
              connections: 32,
              duration: Number(values.c32),
            });
            push(rps, `${o.name}|${label}`, res['2xx'] / Number(values.c32));
            // CPU per answered request under load: what decides throughput on 2 cores.
            const b = process.cpuUsage(b0);
            const done = Math.max(1, res['2xx']);
            push(loadCpu, `${o.name}|${label}`, (procCpuUs(s.pid) - c0) / done);
            push(loadDb, `${o.name}|${label}`, (procCpuUs(store.pid) - d0) / done);
            push(loadClient, `${o.name}|${label}`, (b.user + b.system) / done);
            await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the server catch up
          }
    const each = (xs: number[] | undefined) => (xs ?? []).map((x) => x.toFixed(0)).join(' ');
    const lines = [
      `${new Date().toISOString()}, load ${os.loadavg()[0].toFixed(2)}; ${values.rounds} rounds × ${n} sequential requests; service CPU (user+system) µs/request, median of rounds [each round]`,
      '',
      '| operation | variant | CPU µs/req | rounds | Neo4j CPU µs/req | p50 c=1 µs | statements/req | req/s @32 | rounds | @32 service / Neo4j / client CPU µs/req |',
      '|---|---|---:|---|---:|---:|---:|---:|---|---|',
    ];
    for (const o of ops)
      for (const { label } of servers) {
        const k = `${o.name}|${label}`;
        const cells = [
          o.name,
          label,
          median(cpu.get(k)!).toFixed(0),
          each(cpu.get(k)),
          median(dbCpu.get(k)!).toFixed(0),
          median(p50.get(k)!).toFixed(0),
          stmts.get(k)!.toFixed(2),
          rps.has(k) ? median(rps.get(k)!).toFixed(0) : '—',
          each(rps.get(k)),
          rps.has(k)
            ? [loadCpu, loadDb, loadClient].map((m) => median(m.get(k)!).toFixed(0)).join(' / ')
            : '—',
        ];
        lines.push(`| ${cells.join(' | ')} |`);
      }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const { s } of servers) await s.stop().catch(() => undefined);
    await store.stop();
  }
  process.exit(0);
}

void main();
