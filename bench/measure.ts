import autocannon from 'autocannon';
import { answer, prepare, send, type PreparedRequest } from './client';
import { canonicalJson } from './json';
import type { Fixtures, Operation } from './operations';
import type { VariantName, VariantServer } from './servers';

/**
 * The three phases of one scale: check that the variants agree (and count their Cypher statements
 * per request), time them at concurrency 1 round-robin, then load them at concurrency 32.
 */

export type Servers = Record<VariantName, VariantServer>;

/** Thrown when two variants answer an operation differently; the bench stops. */
export class MismatchError extends Error {
  override name = 'MismatchError';
}

/** Each variant's request per operation (null where it has none). */
export function prepareAll(ops: readonly Operation[], servers: Servers, f: Fixtures) {
  return new Map(
    ops.map((op) => [
      op.name,
      Object.fromEntries(Object.values(servers).map((s) => [s.name, prepare(op, s, f)])) as Record<
        VariantName,
        PreparedRequest | null
      >,
    ]),
  );
}

/** What validation found: Cypher statements per request, and the peer's failures (message). */
export interface Validation {
  cypher: Record<string, Partial<Record<VariantName, number>>>;
  failures: Record<string, string>;
  /** Operations whose one peer request took longer than the budget: its time in ms. */
  slow: Record<string, number>;
}

/**
 * A peer request slower than this is answered and compared, but not timed: the latency phase would
 * send it `iterations + warmup` more times (the peer's pairingMatrix takes ~78 s a request at
 * scale 100, 30 minutes of one run) and the throughput phase could not complete a request anyway.
 */
export const PEER_TIME_BUDGET_MS = 10_000;

/**
 * Runs every operation once per variant, compares the canonical answers, and measures Cypher
 * statements per request (the counter's increase over up to `repeat` sequential requests).
 * Different answers abort the run (MismatchError). An error from ours or the floor aborts it too;
 * an error from the peer (e.g. its pool exhausted by 156 concurrent statements) is recorded, and
 * the peer is left out of that operation's timing (its request is removed from `requests`).
 */
export async function validate(
  ops: readonly Operation[],
  servers: Servers,
  requests: ReturnType<typeof prepareAll>,
  repeat = 3,
): Promise<Validation> {
  const result: Validation = { cypher: {}, failures: {}, slow: {} };
  for (const op of ops) {
    const forms: Partial<Record<VariantName, string>> = {};
    const cypher: Partial<Record<VariantName, number>> = (result.cypher[op.name] = {});
    for (const s of Object.values(servers)) {
      const r = requests.get(op.name)![s.name];
      if (!r) continue;
      const before = await s.cypherCount();
      const t0 = performance.now();
      let data;
      try {
        data = answer(s.name, await send(r));
      } catch (e) {
        if (s.name !== 'peer') throw e;
        result.failures[op.name] = (e as Error).message.slice(0, 300);
        requests.get(op.name)!.peer = null;
        continue;
      }
      const ms = performance.now() - t0;
      const n = ms > 5_000 ? 1 : repeat;
      for (let i = 1; i < n; i++) await send(r);
      cypher[s.name] = ((await s.cypherCount()) - before) / n;
      if (s.name === 'peer' && ms > PEER_TIME_BUDGET_MS) {
        result.slow[op.name] = ms;
        requests.get(op.name)!.peer = null;
      }
      const canon = s.name === 'floor' ? op.canon.floor(data as never) : op.canon[s.name]!(data);
      forms[s.name] = canonicalJson(canon);
    }
    const [first, ...rest] = Object.entries(forms);
    for (const [name, form] of rest) {
      if (form !== first[1]) {
        throw new MismatchError(
          `${op.name}: ${name} answers differently from ${first[0]}:\n${difference(first[0], first[1], name, form)}`,
        );
      }
    }
    if (first[1] === '[]' || first[1] === 'null')
      throw new MismatchError(`${op.name}: every variant answered nothing`);
  }
  return result;
}

/**
 * Concurrency-1 latency: `iterations` rounds; in each round every operation is sent once to every
 * variant, the variants' order rotating by round, so load from elsewhere on the machine falls on
 * all variants alike. The first `warmup` rounds are not recorded. A variant whose samples of an
 * operation already took `budgetMs` in all stops there (after at least 5), so one very slow
 * answer (the peer's matrix at scale 100) cannot hold the run for hours; the sample count is kept.
 */
export async function latency(
  ops: readonly Operation[],
  requests: ReturnType<typeof prepareAll>,
  iterations: number,
  warmup: number,
  budgetMs = 90_000,
): Promise<Map<string, Map<VariantName, number[]>>> {
  const samples = new Map(ops.map((op) => [op.name, new Map<VariantName, number[]>()]));
  const names: VariantName[] = ['ours', 'floor', 'peer'];
  const spent = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
  for (let round = 0; round < warmup + iterations; round++) {
    for (const op of ops) {
      const m = samples.get(op.name)!;
      for (let k = 0; k < names.length; k++) {
        const v = names[(round + k) % names.length];
        const r = requests.get(op.name)![v];
        if (!r || ((m.get(v)?.length ?? 0) >= 5 && spent(m.get(v)) > budgetMs)) continue;
        const t0 = performance.now();
        await send(r);
        const ms = performance.now() - t0;
        if (round >= warmup) m.set(v, [...(m.get(v) ?? []), ms]);
      }
    }
  }
  return samples;
}

/** Variants whose p50 at concurrency 1 exceeds this are not loaded at concurrency 32. */
export const MAX_P50_FOR_LOAD_MS = 1_000;

/**
 * Throughput at `connections` concurrent connections (autocannon), per operation: two turns per
 * variant of `seconds / 2` each (one turn when `seconds` < 4), alternating variants, summed.
 * Returns requests/second. Variants in `skip` (too slow at concurrency 1: 32 of their requests
 * would still be running long after the turn) are left out.
 */
export async function throughput(
  op: Operation,
  requests: ReturnType<typeof prepareAll>,
  seconds: number,
  connections: number,
  skip: ReadonlySet<VariantName> = new Set(),
): Promise<Partial<Record<VariantName, { rps: number; errors: number }>>> {
  const slices = seconds >= 4 ? 2 : 1;
  const names = (['ours', 'floor', 'peer'] as VariantName[]).filter((v) => !skip.has(v));
  const acc: Partial<Record<VariantName, { total: number; errors: number; ms: number }>> = {};
  for (let s = 0; s < slices; s++) {
    for (let k = 0; k < names.length; k++) {
      const v = names[(s + k) % names.length];
      const r = requests.get(op.name)![v];
      if (!r) continue;
      const t0 = performance.now();
      const res = await autocannon({
        url: r.url,
        method: 'POST',
        headers: r.headers,
        body: r.body,
        connections,
        duration: seconds / slices,
      });
      const a = (acc[v] ??= { total: 0, errors: 0, ms: 0 });
      a.total += res['2xx'];
      a.errors += res.errors + res.timeouts + res.non2xx;
      a.ms += Math.min(performance.now() - t0, (seconds / slices) * 1000);
      // Requests still running in the server when autocannon stops must not load the next slice:
      // wait, then send one more request, which finishes after the server has caught up.
      await new Promise((resolve) => setTimeout(resolve, slices > 1 ? 1_000 : 250));
      await send(r);
    }
  }
  return Object.fromEntries(
    Object.entries(acc).map(([v, a]) => [v, { rps: (a.total * 1000) / a.ms, errors: a.errors }]),
  );
}

/** Where two canonical forms first differ, with some context on each side. */
function difference(a: string, formA: string, b: string, formB: string): string {
  let i = 0;
  while (i < formA.length && formA[i] === formB[i]) i++;
  const at = Math.max(0, i - 300);
  return `  (first difference at character ${i})\n  ${a}: …${formA.slice(at, i + 300)}\n  ${b}: …${formB.slice(at, i + 300)}`;
}
