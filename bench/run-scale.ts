import os from 'node:os';
import { prepare } from './client';
import { resolveFixtures } from './fixtures';
import {
  latency,
  MAX_P50_FOR_LOAD_MS,
  PEER_TIME_BUDGET_MS,
  prepareAll,
  throughput,
  validate,
  type Servers,
} from './measure';
import type { Operation } from './operations';
import { percentile, type ScaleResult, type VariantFigures } from './results';
import { startVariant, VARIANTS, type VariantName } from './servers';
import { openBenchStore } from './stores';

export interface ScaleSettings {
  iterations: number;
  warmup: number;
  /** Seconds of autocannon load per operation and variant; 0 skips the throughput phase. */
  seconds: number;
  connections: number;
}

/** Opens (and if needed seeds) the scale's store, runs the three variants on it, measures, stops. */
/**
 * `peerGaveUp` maps operations the peer failed at a smaller scale to that failure; the peer is not
 * asked them again (a larger graph only makes it slower), and new failures are added to it.
 */
export async function runScale(
  scale: number,
  ops: readonly Operation[],
  s: ScaleSettings,
  log: (m: string) => void,
  peerGaveUp: Map<string, string>,
): Promise<{ result: ScaleResult; neo4jVersion: string }> {
  const t0 = performance.now();
  const store = await openBenchStore(scale, log);
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(os.loadavg()[0]), 5_000);
  const started: Partial<Servers> = {};
  try {
    for (const v of VARIANTS) started[v] = await startVariant(v, store.uri);
    const servers = started as Servers;
    const facts = await resolveFixtures(store.uri, servers);
    log(
      `scale ${scale}: helper has ${facts.helperPairings} matching pairings, deep page ${facts.fixtures.page.index}`,
    );
    for (const [op, message] of Object.entries(facts.peerFailures)) {
      peerGaveUp.set(op, `failed at scale ${scale}: ${message}`);
      log(`scale ${scale}: the peer failed ${op} (${message.slice(0, 160)})`);
    }
    const requests = prepareAll(ops, servers, facts.fixtures);
    for (const op of peerGaveUp.keys()) if (requests.has(op)) requests.get(op)!.peer = null;
    const { cypher, failures, slow } = await validate(ops, servers, requests);
    for (const [op, ms] of Object.entries(slow)) {
      const message = `one request took ${(ms / 1000).toFixed(1)} s at scale ${scale}, over the ${PEER_TIME_BUDGET_MS / 1000} s budget: answered and compared, not timed`;
      peerGaveUp.set(op, message);
      log(`scale ${scale}: the peer's ${op} ${message}`);
    }
    for (const [op, message] of Object.entries(failures)) {
      peerGaveUp.set(op, `failed at scale ${scale}: ${message}`);
      log(`scale ${scale}: the peer failed ${op} (${message.slice(0, 160)}); restarting it`);
      // Its abandoned statements may still run in Neo4j; closing its connections ends them.
      await servers.peer.stop();
      servers.peer = started.peer = await startVariant('peer', store.uri);
      for (const o of ops) {
        const r = requests.get(o.name)!;
        if (r.peer) r.peer = prepare(o, servers.peer, facts.fixtures);
      }
      requests.get(op)!.peer = null;
    }
    log(`scale ${scale}: the variants agree on ${ops.length} operations; timing …`);
    const samples = await latency(ops, requests, s.iterations, s.warmup);
    const operations = [];
    for (const op of ops) {
      const tooSlow = new Set(
        [...samples.get(op.name)!]
          .filter(([, ms]) => percentile(ms, 50) > MAX_P50_FOR_LOAD_MS)
          .map(([v]) => v),
      );
      const rps = s.seconds > 0 ? await throughput(op, requests, s.seconds, s.connections, tooSlow) : {};
      const variants: Partial<Record<VariantName, VariantFigures>> = {};
      for (const [v, ms] of samples.get(op.name)!) {
        variants[v] = {
          p50: percentile(ms, 50),
          p95: percentile(ms, 95),
          p99: percentile(ms, 99),
          samples: ms.length,
          rps: rps[v]?.rps,
          errors: rps[v]?.errors,
          cypher: cypher[op.name][v],
        };
      }
      const peerFailure = peerGaveUp.get(op.name);
      operations.push({ name: op.name, title: op.title, idAnchored: op.idAnchored, variants, peerFailure });
      log(`scale ${scale}: ${op.name} ${summary(variants)}`);
    }
    const peakRssMiB = Object.fromEntries(VARIANTS.map((v) => [v, servers[v].peakRssMiB()]));
    loads.push(os.loadavg()[0]);
    return {
      neo4jVersion: facts.neo4jVersion,
      result: {
        scale,
        seed: store.seed,
        seededNow: store.seededNow,
        helperPairings: facts.helperPairings,
        pageIndex: facts.fixtures.page.index,
        operations,
        peakRssMiB,
        load: {
          mean: round(loads.reduce((a, b) => a + b, 0) / loads.length),
          max: round(Math.max(...loads)),
        },
        seconds: Math.round((performance.now() - t0) / 1000),
      },
    };
  } finally {
    clearInterval(sampler);
    for (const v of VARIANTS) await started[v]?.stop();
    await store.stop();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

function summary(variants: Partial<Record<VariantName, VariantFigures>>): string {
  return Object.entries(variants)
    .map(([v, f]) => `${v} p50 ${f.p50.toFixed(1)} ms${f.rps ? `, ${f.rps.toFixed(0)} req/s` : ''}`)
    .join(' | ');
}
