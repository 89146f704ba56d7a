/**
 * The floor variant's server: a bare node:http server that answers `POST /op/<name>` (JSON
 * parameters in the body) with the rows of that operation's one hand-written Cypher statement
 * (floor-queries.ts), so the floor pays the same loopback HTTP and JSON cost as the GraphQL
 * variants and nothing else. `GET /cypher-count` tells how many statements it has sent.
 *
 *   BENCH_NEO4J_URI=bolt://… PORT=… node --import tsx bench/floor-server.ts
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { FLOOR_QUERIES } from './floor-queries';

// tsx turns source maps on, which makes every stack trace dearer (neo4j-driver formats one per
// result: 16–43 µs a read, docs/benchmarks.md). Our service runs compiled in the bench, without
// them; so do the floor and the peer.
process.setSourceMapsEnabled(false);

const uri = process.env.BENCH_NEO4J_URI ?? 'bolt://127.0.0.1:7687';
const port = Number(process.env.PORT ?? 0);
// The same pool size as the service's driver (src/store/driver.ts).
const driver = neo4j.driver(uri, undefined, {
  maxConnectionPoolSize: 50,
  disableLosslessIntegers: true,
  logging: { level: 'error', logger: () => undefined },
});
let statements = 0;

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/cypher-count') return send(res, 200, { statements });
  const name = req.method === 'POST' && req.url?.startsWith('/op/') ? req.url.slice(4) : '';
  const cypher = FLOOR_QUERIES[name];
  if (!cypher) return send(res, 404, { error: `no operation ${JSON.stringify(name)}` });
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        statements++;
        const r = await driver.executeQuery(cypher, toInts(params), {
          database: 'neo4j',
          routing: neo4j.routing.READ,
        });
        send(res, 200, { rows: r.records.map((x) => x.toObject()) });
      } catch (e) {
        send(res, 500, { error: (e as Error).message });
      }
    })();
  });
});

/** Integral numbers go to Neo4j as integers (LIMIT and ids compare as integers). */
function toInts(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v,
    ]),
  );
}

server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => {
  const addr = server.address() as { port: number };
  process.stdout.write(`BENCH_READY ${addr.port}\n`);
});
const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
