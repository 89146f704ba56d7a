/**
 * Our service's memory under load, with V8's own heap sizing and with heap flags: on the scale-1
 * bench store, the built service (as the benchmark runs it) takes 6 s of concurrency 32 per
 * operation, then its peak RSS (VmHWM), current RSS and heap in use are read. One warm-up run with
 * V8's sizing (Neo4j and the service warm up; not reported as a pair), then `--pairs` pairs: V8's
 * sizing (`--max-old-space-size=0`, overriding the flags of `npm start`), then `--flags` (default:
 * those of `npm start`), each in a fresh process.
 *
 *   npx tsx bench/service-memory.ts [--flags="--max-old-space-size=160 --max-semi-space-size=16"]
 *                                   [--pairs 3] [--ops villagePage,nodeById] [--seconds 6]
 */
import { parseArgs } from 'node:util';
import { resolveFixtures } from './fixtures';
import { prepareAll, throughput } from './measure';
import { OPERATIONS } from './operations';
import { startHeapFlags, startVariant, statusMiB } from './servers';
import { openBenchStore } from './stores';

const { values } = parseArgs({
  options: {
    flags: { type: 'string', default: startHeapFlags().join(' ') },
    pairs: { type: 'string', default: '3' },
    ops: { type: 'string', default: 'villagePage,nodeById' },
    seconds: { type: 'string', default: '6' },
  },
});
const flags = values.flags.split(/\s+/).filter(Boolean);
const pairs = Number(values.pairs);
const seconds = Number(values.seconds);
const ops = OPERATIONS.filter((o) => values.ops.split(',').includes(o.name));
if (!Number.isInteger(pairs) || pairs < 1)
  throw new Error(`--pairs must be a whole number ≥ 1, got ${values.pairs}`);
if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, got ${values.seconds}`);
if (ops.length === 0) throw new Error(`--ops names none of ${OPERATIONS.map((o) => o.name).join(', ')}`);

async function main() {
  const store = await openBenchStore(1, () => undefined);
  const floor = await startVariant('floor', store.uri);
  const peer = await startVariant('peer', store.uri);
  try {
    const v8Sizing = ['--max-old-space-size=0'];
    const runs: string[][] = [v8Sizing, ...Array.from({ length: pairs }, () => [v8Sizing, flags]).flat()];
    for (const [i, nodeArgs] of runs.entries()) {
      const ours = await startVariant('ours', store.uri, { nodeArgs });
      try {
        const servers = { ours, floor, peer };
        const facts = await resolveFixtures(store.uri, servers);
        const requests = prepareAll(ops, servers, facts.fixtures);
        const idle = statusMiB(ours.pid, 'VmRSS');
        const rps: string[] = [];
        for (const op of ops) {
          const r = await throughput(op, requests, seconds, 32, new Set(['floor', 'peer']));
          rps.push(`${op.name} ${r.ours?.rps.toFixed(0)} req/s`);
        }
        const metrics = await (await fetch(`${ours.url}/metrics`)).text();
        const heap = Number(/nodejs_heap_size_used_bytes (\d+)/.exec(metrics)?.[1]) / 2 ** 20;
        console.log(
          `${i === 0 ? 'warm-up' : `pair ${Math.ceil(i / 2)}`} ${nodeArgs === v8Sizing ? "(V8's heap sizing)" : nodeArgs.join(' ')}: ` +
            `idle ${idle.toFixed(0)} MiB, peak ${statusMiB(ours.pid, 'VmHWM').toFixed(0)} MiB, ` +
            `after ${statusMiB(ours.pid, 'VmRSS').toFixed(0)} MiB, heap in use ${heap.toFixed(0)} MiB; ${rps.join(', ')}`,
        );
      } finally {
        await ours.stop();
      }
    }
  } finally {
    await floor.stop();
    await peer.stop();
    await store.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
