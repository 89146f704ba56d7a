/**
 * graphql-jit (a compiled executor) against graphql-js, side by side in one process on one Neo4j:
 * two services with every layer on (as bench/middleware-cost.ts's "all on"), one executing with
 * graphql-js, the other through Apollo's gateway executor hook with graphql-jit (each document
 * compiled once per operation name, kept in an LRU). First both must answer byte-for-byte the same
 * for an analyst and for an anonymous caller (masked personal fields), then p50 at concurrency 1
 * and req/s at concurrency 32 are measured, alternating the two, medians of the rounds.
 *
 * graphql-jit is not a dependency: `npm install --no-save graphql-jit` first (see docs/benchmarks.md).
 *   npx tsx bench/graphql-jit.ts [--rounds 5] [--seconds 3] [--latency 100] [--ops nodeById,villagePage]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  defaultFieldResolver,
  GraphQLError,
  isObjectType,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { analyticsConfig } from '../src/config/analytics-config';
import type { HttpServiceDeps } from '../src/server/http-service';
import type { Metrics } from '../src/server/metrics';
import { AnalyticsEngine } from '../src/store/analytics/analytics-engine';
import { createDriver } from '../src/store/driver';
import { Gateway } from '../src/store/gateway';
import * as mc from './middleware-cost';
import { analystToken, latencyP50, median, OPS, rps, startVariant } from './middleware-cost';
import { openBenchStore } from './stores';

interface Compiled {
  query(root: unknown, context: unknown, variables: unknown): Promise<ExecutionResult> | ExecutionResult;
}
interface Jit {
  compileQuery(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName?: string,
  ): Compiled | ExecutionResult;
  isCompiledQuery(x: unknown): x is Compiled;
}

type Executor = NonNullable<HttpServiceDeps['executor']>;

/** An Apollo gateway executor running graphql-jit: one compilation per (document, operation name). */
export async function jitExecutor(): Promise<Executor> {
  const name = 'graphql-jit';
  const jit = (await import(name)) as Jit;
  return (schema) => {
    // graphql-jit reads a field without a resolver as a plain property; graphql-js's default
    // resolver also calls a function-valued property (connections' lazy totalCount). Same
    // semantics: give every such field graphql-js's default resolver explicitly.
    for (const type of Object.values(schema.getTypeMap()))
      if (isObjectType(type) && !type.name.startsWith('__'))
        for (const field of Object.values(type.getFields())) field.resolve ??= defaultFieldResolver;
    const compiled = new LRUCache<string, Compiled>({ max: 1000 });
    return async (rc) => {
      const key = `${rc.queryHash}\u0000${rc.operationName ?? ''}`;
      let c = compiled.get(key);
      if (c === undefined) {
        const r = jit.compileQuery(schema, rc.document, rc.operationName ?? undefined);
        if (!jit.isCompiledQuery(r)) return r as ExecutionResult;
        compiled.set(key, (c = r));
      }
      const res = (await c.query(undefined, rc.context, rc.request.variables ?? {})) as ExecutionResult;
      return res.errors ? { ...res, errors: res.errors.map(asGraphQLError) } : res;
    };
  };
}

/**
 * graphql-jit's errors are not graphql-js 16 GraphQLErrors (no `extensions`), which formatError
 * and the observability plugin expect: rebuilt as one, keeping message, path, cause and codes.
 */
function asGraphQLError(e: GraphQLFormattedError | GraphQLError): GraphQLError {
  if (e instanceof GraphQLError && e.extensions) return e;
  const original = (e as { originalError?: Error }).originalError;
  const rebuilt = new GraphQLError(e.message, {
    path: e.path,
    originalError: original,
    extensions: (e.extensions ?? (original as GraphQLError | undefined)?.extensions) as never,
  });
  if (e.locations) Object.defineProperty(rebuilt, 'locations', { value: e.locations, enumerable: true });
  return rebuilt;
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '3' },
      latency: { type: 'string', default: '100' },
      ops: { type: 'string', default: 'nodeById,villagePage' },
      check: { type: 'boolean', default: false },
    },
  });
  const [rounds, seconds, n] = [Number(values.rounds), Number(values.seconds), Number(values.latency)];
  const ops = values.ops!.split(',');
  const say = (m: string) => process.stderr.write(`${m}\n`);
  const store = await openBenchStore(1, say);
  const driver = createDriver({ uri: store.uri });
  const analytics = new AnalyticsEngine(analyticsConfig());
  const gw = (m: Metrics) => new Gateway(driver, 'neo4j', [m]);
  const all = { name: 'all on', what: '', without: [] };
  const executors = {
    'graphql-js': await startVariant(all, gw, analytics),
    'graphql-jit': await startVariant(all, gw, analytics, { executor: await jitExecutor() }),
  };
  const analyst = { 'content-type': 'application/json', authorization: `Bearer ${await analystToken()}` };
  const anonymous = { 'content-type': 'application/json' };
  const checked = { ...OPS, badId: { query: OPS.nodeById.query, variables: { id: 'not-an-id' } } };
  for (const o of [...ops, 'badId']) {
    if (o in OPS)
      for (const { url } of Object.values(executors))
        await latencyP50(url, analyst, JSON.stringify(OPS[o]), 3);
    for (const [who, headers] of Object.entries({ analyst, anonymous })) {
      const body = JSON.stringify(checked[o as keyof typeof checked]);
      const answers = await Promise.all(
        Object.values(executors).map(async ({ url }) =>
          (await fetch(url, { method: 'POST', headers, body })).text(),
        ),
      );
      if (answers[0] !== answers[1])
        throw new Error(`${o} as ${who}: graphql-jit answers differently:\n${answers[0]}\n${answers[1]}`);
      say(`${o} as ${who}: identical answers (${answers[0].length} bytes)`);
    }
  }
  if (values.check) process.exit(0);
  const samples = new Map<string, { p50: number[]; cpu: number[]; rps: number[] }>();
  const loads = [os.loadavg()[0].toFixed(2)];
  for (let r = 0; r < rounds; r++) {
    const names = Object.keys(executors) as (keyof typeof executors)[];
    for (const name of r % 2 ? names.reverse() : names) {
      for (const o of ops) {
        const body = JSON.stringify(OPS[o]);
        const s = samples.get(`${name} ${o}`) ?? { p50: [], cpu: [], rps: [] };
        samples.set(`${name} ${o}`, s);
        s.p50.push(await latencyP50(executors[name].url, analyst, body, n));
        s.cpu.push(mc.lastCpuUs);
        if (seconds > 0) s.rps.push(await rps(executors[name].url, analyst, body, seconds));
      }
    }
    loads.push(os.loadavg()[0].toFixed(2));
    say(`round ${r + 1}/${rounds}; load ${loads.at(-1)}`);
  }
  const rows = ops.map((o) => {
    const js = samples.get(`graphql-js ${o}`)!;
    const jit = samples.get(`graphql-jit ${o}`)!;
    const [p1, p2] = [median(js.p50), median(jit.p50)];
    const [r1, r2] = js.rps.length ? [median(js.rps), median(jit.rps)] : [NaN, NaN];
    const [c1, c2] = [median(js.cpu), median(jit.cpu)];
    return `| ${o} | ${c1.toFixed(0)} | ${c2.toFixed(0)} | ${(c2 / c1).toFixed(2)}× | ${(p1 / 1000).toFixed(2)} | ${(p2 / 1000).toFixed(2)} | ${(p2 / p1).toFixed(2)}× | ${r1.toFixed(0)} | ${r2.toFixed(0)} | ${(r2 / r1).toFixed(2)}× |`;
  });
  process.stdout.write(
    [
      `${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}; ${rounds} rounds of ${n} sequential requests + ${seconds} s at c=32 per executor and operation; medians. 1-minute load average at the start and after each round: ${loads.join(' → ')}.`,
      '',
      '| operation | graphql-js CPU µs/req | graphql-jit CPU µs/req | jit/js | graphql-js p50 ms | graphql-jit p50 ms | jit/js | graphql-js req/s c=32 | graphql-jit req/s | jit/js |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n'),
  );
  await driver.close();
  await store.stop();
  process.exit(0);
}

void main();
