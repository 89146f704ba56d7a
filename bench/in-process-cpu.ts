/**
 * A request's CPU without HTTP: the schema the service runs, executed in this process with
 * graphql-js `execute` and a request context like the service's (an analyst, the request's
 * gateway view with a deadline and a statement counter, its own loaders), on the scale-1 bench
 * store. Beside it, the statements alone through the gateway: the floor's nodeById and the one
 * statement our village page plans (taken from the plan by test/support/plan-recorder). So a
 * request's CPU splits into the read (driver, decoding, toPlain), GraphQL execution over its
 * rows, and — by difference with bench/request-ladder.ts — HTTP and Apollo's pipeline.
 * Documents are parsed and validated once, as Apollo's document cache does.
 *
 *   npx tsx bench/in-process-cpu.ts [--rounds 7] [--n 300]
 */
import { type DocumentNode, execute, parse, validate } from 'graphql';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { analyticsConfig } from '../src/config/analytics-config';
import { defaultExecutionConfig } from '../src/config/execution-config';
import type { Viewer } from '../src/domain/access-policy';
import type { Context } from '../src/graphql/context';
import { CursorCodec } from '../src/graphql/cursors';
import { toGlobalId } from '../src/graphql/ids';
import { Loaders } from '../src/graphql/loaders';
import { executableSchema } from '../src/graphql/schema';
import { requestDeadline } from '../src/server/deadline';
import { AnalyticsEngine } from '../src/store/analytics/analytics-engine';
import { createDriver } from '../src/store/driver';
import { Gateway } from '../src/store/gateway';
import { plannedStatements } from '../test/support/plan-recorder';
import { FLOOR_QUERIES } from './floor-queries';
import { median, OPS } from './middleware-cost';
import { openBenchStore } from './stores';

const ANALYST: Viewer = { anonymous: false, subject: 'bench', role: 'analyst' };

async function main() {
  const { values } = parseArgs({
    options: { rounds: { type: 'string', default: '7' }, n: { type: 'string', default: '300' } },
  });
  const store = await openBenchStore(1, (m) => process.stderr.write(`${m}\n`));
  const driver = createDriver({ uri: store.uri });
  const gateway = new Gateway(driver, 'neo4j');
  const analytics = new AnalyticsEngine(analyticsConfig());
  try {
    const schema = executableSchema(defaultExecutionConfig());
    const log = pino({ level: 'warn' });
    const cursors = new CursorCodec('in-process-cpu-bench-cursor-secret-0123456789');
    const context = (): Context => {
      let count = 0;
      const counted = gateway.withObserver({ onQuery: () => void count++ }, requestDeadline(30_000));
      return {
        requestId: 'bench',
        log,
        gateway: counted,
        loaders: new Loaders(counted),
        cursors,
        queryCount: () => count,
        service: { version: 'bench', embedded: false },
        analytics,
        access: { viewer: ANALYST, idempotencyKey: null, piiSalt: 'bench' },
      };
    };
    const id = toGlobalId('AdminUnit', 'au:chenghao');
    const documents: [string, { query: string; variables?: Record<string, unknown> }][] = [
      ['{ __typename }', { query: '{ __typename }' }],
      [
        'nodeById, name only',
        { query: 'query N($id: ID!) { node(id: $id) { id ... on AdminUnit { name } } }', variables: { id } },
      ],
      ['nodeById', OPS.nodeById],
      ['villagePage', OPS.villagePage],
    ];
    const executes = documents.map(([name, d]): [string, () => Promise<unknown>] => {
      const document: DocumentNode = parse(d.query);
      const invalid = validate(schema, document);
      if (invalid.length) throw invalid[0];
      return [
        `execute: ${name}`,
        async () => {
          const r = await execute({ schema, document, variableValues: d.variables, contextValue: context() });
          if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
        },
      ];
    });
    const village = (
      await plannedStatements(schema, OPS.villagePage.query, OPS.villagePage.variables, { viewer: ANALYST })
    ).statements;
    if (village.length !== 1) throw new Error(`the village page planned ${village.length} statements`);
    const rows = await gateway.read('village', village[0].cypher, village[0].params);
    const variants: [string, () => Promise<unknown>][] = [
      [
        'read: the floor nodeById statement',
        () => gateway.read('floor', FLOOR_QUERIES.nodeById, { id: 'au:chenghao' }),
      ],
      [
        "read: the village page's planned statement",
        () => gateway.read('village', village[0].cypher, village[0].params),
      ],
      ...executes,
    ];
    for (const [, run] of variants) for (let i = 0; i < 200; i++) await run(); // warm-up
    const n = Number(values.n);
    const cpu = new Map<string, number[]>();
    for (let r = 0; r < Number(values.rounds); r++)
      for (let k = 0; k < variants.length; k++) {
        const [name, run] = variants[(k + r) % variants.length];
        const c0 = process.cpuUsage();
        for (let i = 0; i < n; i++) await run();
        const c = process.cpuUsage(c0);
        cpu.set(name, [...(cpu.get(name) ?? []), (c.user + c.system) / n]);
      }
    const lines = [
      `${new Date().toISOString()}, load ${os.loadavg()[0].toFixed(2)}; ${values.rounds} rounds × ${n} sequential runs; this process's CPU µs/run, median [rounds]; the village statement answers ${rows.length} row of ${JSON.stringify(rows).length} bytes as JSON`,
      '',
      '| run | CPU µs | rounds |',
      '|---|---:|---|',
      ...variants.map(
        ([name]) =>
          `| ${name} | ${median(cpu.get(name)!).toFixed(0)} | ${cpu
            .get(name)!
            .map((x) => x.toFixed(0))
            .join(' ')} |`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await analytics.close();
    await driver.close();
    await store.stop();
  }
  process.exit(0);
}

void main();
