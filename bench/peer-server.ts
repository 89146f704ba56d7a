/**
 * The peer variant's server: @neo4j/graphql 7 over our store, served by Apollo Server 5 on
 * Express 5 like our service. It only reads: `assertIndexesAndConstraints` is never called, so it
 * creates no constraint or index. `GET /cypher-count` tells how many Cypher statements the library
 * has run (counted at the transaction, where its Executor runs them).
 *
 *   BENCH_NEO4J_URI=bolt://… PORT=… node --import tsx bench/peer-server.ts
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './peer-typedefs';

// tsx turns source maps on, which makes every stack trace dearer (neo4j-driver formats one per
// result: 16–43 µs a read, docs/benchmarks.md). Our service runs compiled in the bench, without
// them; so do the floor and the peer.
process.setSourceMapsEnabled(false);

const uri = process.env.BENCH_NEO4J_URI ?? 'bolt://127.0.0.1:7687';
const port = Number(process.env.PORT ?? 0);
let statements = 0;

type Work<T> = (tx: ManagedTransaction) => Promise<T> | T;

/** The driver, with every transaction's `run` counted. */
function countingDriver(driver: Driver): Driver {
  const countTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'run' || typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          statements++;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const countSession = (s: Session): Session =>
    new Proxy(s, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if ((prop === 'executeRead' || prop === 'executeWrite') && typeof v === 'function') {
          return <T>(work: Work<T>, config?: unknown) =>
            (v as (w: Work<T>, c?: unknown) => Promise<T>).call(target, (tx) => work(countTx(tx)), config);
        }
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'session' && typeof v === 'function') {
        return (...args: unknown[]) => countSession((v as (...a: unknown[]) => Session).apply(target, args));
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

async function main(): Promise<void> {
  // The same pool size as the service's driver (src/store/driver.ts).
  const driver = neo4j.driver(uri, undefined, {
    maxConnectionPoolSize: 50,
    logging: { level: 'error', logger: () => undefined },
  });
  const schema = await new Neo4jGraphQL({
    typeDefs: PEER_TYPE_DEFS,
    driver: countingDriver(driver),
  }).getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const app = express();
  app.get('/cypher-count', (_req, res) => void res.json({ statements }));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  const server = app.listen(port, '127.0.0.1', () => {
    const addr = server.address() as { port: number };
    process.stdout.write(`BENCH_READY ${addr.port}\n`);
  });
  server.keepAliveTimeout = 60_000;
  const stop = () =>
    server.close(() => void apollo.stop().then(() => driver.close().then(() => process.exit(0))));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main().catch((e: unknown) => {
  process.stderr.write(`peer server failed: ${String((e as Error).stack ?? e)}\n`);
  process.exit(1);
});
