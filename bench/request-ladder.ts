/**
 * Where a light request's CPU goes, rung by rung: the service's own CPU (from /proc, as in
 * bench/service-cpu.ts) per sequential request for
 *   1. GET /healthz: Node's HTTP, Express and the middleware in front of every route;
 *   2. `{ __typename }`: plus the body, the bearer token, the limits and Apollo's pipeline;
 *   3. nodeById with one field: plus one read from Neo4j through the loaders;
 *   4. the benchmark's nodeById: plus its other fields and the parent;
 * and the floor's nodeById beside them. `--strace` then counts the system calls of each server
 * per nodeById (strace -c -f), to check what a CPU profile says about socket writes.
 *
 *   npx tsx bench/request-ladder.ts [--rounds 5] [--n 300] [--strace]
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { toGlobalId } from '../src/graphql/ids';
import { answer, HEADERS, pageRequest, send } from './client';
import { median, OPS } from './middleware-cost';
import { procCpuUs, startVariant, type VariantServer } from './servers';
import { openBenchStore } from './stores';

const VILLAGE = 'au:chenghao';

type Rung = { name: string; server: 'ours' | 'floor'; send: (s: VariantServer) => Promise<unknown> };

/** Our GraphQL answer to `query`; an error or a non-200 status throws (bench/client.ts). */
const graphql =
  (query: string, variables: Record<string, unknown> = {}) =>
  async (s: VariantServer) =>
    answer('ours', await send(pageRequest(s, query, variables)));

const id = toGlobalId('AdminUnit', VILLAGE);
const RUNGS: Rung[] = [
  {
    name: 'GET /healthz',
    server: 'ours',
    send: async (s) => {
      const res = await fetch(`${s.url}/healthz`);
      if (!res.ok) throw new Error(`/healthz answered HTTP ${res.status}`);
      return res.text();
    },
  },
  { name: '{ __typename }', server: 'ours', send: graphql('{ __typename }') },
  {
    name: 'nodeById, name only',
    server: 'ours',
    send: graphql('query N($id: ID!) { node(id: $id) { id ... on AdminUnit { name } } }', { id }),
  },
  { name: 'nodeById (the benchmark operation)', server: 'ours', send: graphql(OPS.nodeById.query, { id }) },
  {
    name: 'floor nodeById',
    server: 'floor',
    send: async (s) =>
      answer(
        'floor',
        await send({ url: `${s.url}/op/nodeById`, body: JSON.stringify({ id: VILLAGE }), headers: HEADERS }),
      ),
  },
];

/** System calls of `pid` (all threads) while `work` runs, per call of work's unit, by name. */
async function syscalls(pid: number, n: number, work: () => Promise<void>): Promise<string> {
  const out: string[] = [];
  const st = spawn('strace', ['-c', '-f', '-p', String(pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
  st.stderr.setEncoding('utf8').on('data', (d: string) => out.push(d));
  await new Promise((r) => setTimeout(r, 1_000)); // attached
  await work();
  st.kill('SIGINT');
  await new Promise((r) => st.on('exit', r));
  const rows = out
    .join('')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length >= 5 && /^\d/.test(c[0]) && c.at(-1) !== 'total');
  // columns: % time, seconds, usecs/call, calls, [errors], syscall
  return rows
    .filter((c) => ['write', 'writev', 'read', 'epoll_pwait', 'epoll_wait', 'futex'].includes(c.at(-1)!))
    .map((c) => `${c.at(-1)} ${(Number(c[3]) / n).toFixed(2)}/req at ${c[2]} µs`)
    .join(', ');
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      n: { type: 'string', default: '300' },
      strace: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.n);
  const store = await openBenchStore(1, (m) => process.stderr.write(`${m}\n`));
  const servers = {
    ours: await startVariant('ours', store.uri),
    floor: await startVariant('floor', store.uri),
  };
  try {
    for (const r of RUNGS) for (let i = 0; i < 200; i++) await r.send(servers[r.server]); // warm-up
    const cpu = new Map<string, number[]>();
    for (let round = 0; round < Number(values.rounds); round++)
      for (let k = 0; k < RUNGS.length; k++) {
        const r = RUNGS[(k + round) % RUNGS.length];
        const s = servers[r.server];
        const c0 = procCpuUs(s.pid);
        for (let i = 0; i < n; i++) await r.send(s);
        cpu.set(r.name, [...(cpu.get(r.name) ?? []), (procCpuUs(s.pid) - c0) / n]);
      }
    const lines = [
      `${new Date().toISOString()}, load ${os.loadavg()[0].toFixed(2)}; ${values.rounds} rounds × ${n} sequential requests; server CPU µs/request, median [rounds]`,
      '',
      '| request | server CPU µs/req | rounds |',
      '|---|---:|---|',
      ...RUNGS.map(
        (r) =>
          `| ${r.name} | ${median(cpu.get(r.name)!).toFixed(0)} | ${cpu
            .get(r.name)!
            .map((x) => x.toFixed(0))
            .join(' ')} |`,
      ),
    ];
    if (values.strace)
      for (const r of RUNGS.filter((x) => x.name.includes('nodeById') && !x.name.includes('only'))) {
        const s = servers[r.server];
        const counts = await syscalls(s.pid, 1_000, async () => {
          for (let i = 0; i < 1_000; i++) await r.send(s);
        });
        lines.push('', `system calls, ${r.name}: ${counts}`);
      }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await servers.ours.stop();
    await servers.floor.stop();
    await store.stop();
  }
  process.exit(0);
}

void main();
