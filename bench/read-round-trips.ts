/**
 * What one read costs by the way it is sent, on the scale-1 bench store: the floor's nodeById
 * statement run sequentially as a managed transaction through `executeQuery` (BEGIN; RUN+PULL;
 * COMMIT), as an auto-commit transaction in a READ session (RUN+PULL), the same with the driver's
 * bookmark manager (what the gateway sends), and through `session.executeRead`. Node's CPU comes
 * from process.cpuUsage, Neo4j's from its /proc times; the ways take turns in each round.
 *
 *   npx tsx bench/read-round-trips.ts [--rounds 5] [--n 1000]
 */
import { parseArgs } from 'node:util';
import neo4j, { type Session } from 'neo4j-driver';
import { FLOOR_QUERIES } from './floor-queries';
import { median } from './middleware-cost';
import { procCpuUs } from './servers';
import { openBenchStore } from './stores';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, n: { type: 'string', default: '1000' } },
});

const nodeUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
async function main() {
  const store = await openBenchStore(1, () => undefined);
  const driver = neo4j.driver(store.uri, undefined, {
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: true,
  });
  const q = FLOOR_QUERIES.nodeById;
  const params = { id: 'au:chenghao' };
  const inSession = async <T>(bookmarks: boolean, work: (s: Session) => Promise<T>) => {
    const s = driver.session({
      database: 'neo4j',
      defaultAccessMode: neo4j.session.READ,
      ...(bookmarks ? { bookmarkManager: driver.executeQueryBookmarkManager } : {}),
    });
    try {
      return await work(s);
    } finally {
      await s.close();
    }
  };
  const ways: Record<string, () => Promise<unknown>> = {
    executeQuery: () => driver.executeQuery(q, params, { database: 'neo4j', routing: neo4j.routing.READ }),
    'auto-commit': () => inSession(false, (s) => s.run(q, params)),
    'auto-commit + bookmarks': () => inSession(true, (s) => s.run(q, params)),
    executeRead: () => inSession(false, (s) => s.executeRead((tx) => tx.run(q, params))),
  };
  try {
    for (const f of Object.values(ways)) for (let i = 0; i < 300; i++) await f(); // warm-up
    const got: Record<string, { node: number[]; neo4j: number[]; wall: number[] }> = {};
    const n = Number(values.n);
    for (let r = 0; r < Number(values.rounds); r++)
      for (const [name, f] of Object.entries(ways)) {
        const c0 = nodeUs();
        const d0 = procCpuUs(store.pid);
        const t0 = performance.now();
        for (let i = 0; i < n; i++) await f();
        const g = (got[name] ??= { node: [], neo4j: [], wall: [] });
        g.node.push((nodeUs() - c0) / n);
        g.neo4j.push((procCpuUs(store.pid) - d0) / n);
        g.wall.push(((performance.now() - t0) * 1000) / n);
      }
    const lines = [
      `${new Date().toISOString()}; ${values.rounds} rounds × ${n} sequential reads; medians of rounds`,
      '',
      '| sent as | Node CPU µs/read | Neo4j CPU µs/read | wall µs/read |',
      '|---|---:|---:|---:|',
      ...Object.entries(got).map(
        ([name, g]) =>
          `| ${name} | ${median(g.node).toFixed(0)} | ${median(g.neo4j).toFixed(0)} | ${median(g.wall).toFixed(0)} |`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await driver.close();
    await store.stop();
  }
  process.exit(0);
}

void main();
