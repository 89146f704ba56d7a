/**
 * What request logging costs per request, outside any server: the pino-http middleware of
 * src/server/request-logging.ts run on real `IncomingMessage`/`ServerResponse` objects (no
 * socket traffic), with the line written (info) and not (warn), against `requestIdOnly` (the
 * request id and `req.log` without pino-http). Lines go to /dev/null. CPU µs per request,
 * median of alternating rounds.
 *
 *   npx tsx bench/request-logging.ts [--rounds 9] [--n 20000]
 */
import http from 'node:http';
import net from 'node:net';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { RequestHandler } from 'express';
import { requestIdOnly, requestLogging } from '../src/server/request-logging';

const { values } = parseArgs({ options: { rounds: { type: 'string' }, n: { type: 'string' } } });
const rounds = Number(values.rounds ?? 9);
const n = Number(values.n ?? 20_000);

/** The headers autocannon sends with the bench's GraphQL POST, plus a bearer token. */
const HEADERS = {
  host: '127.0.0.1:4000',
  'content-type': 'application/json',
  accept: 'application/json',
  'user-agent': 'autocannon',
  authorization: 'Bearer header.payload.signature',
  'content-length': '180',
};

const logger = (level: string) => pino({ level }, pino.destination({ dest: '/dev/null', sync: false }));

/** One request through `mw`: the handler reads `req.log` as the service's context does. */
function once(mw: RequestHandler): void {
  const req = new http.IncomingMessage(new net.Socket());
  req.method = 'POST';
  req.url = '/graphql';
  req.headers = { ...HEADERS };
  const res = new http.ServerResponse(req);
  mw(req as never, res as never, () => void (req as { log?: unknown }).log);
  res.emit('finish');
  res.emit('close');
}

const variants: [string, RequestHandler][] = [
  ['pino-http, line written (info)', requestLogging(logger('info'))],
  ['pino-http, no line (warn)', requestLogging(logger('warn'))],
  ['request id only', requestIdOnly(logger('warn'))],
];
const cpu: number[][] = variants.map(() => []);
for (let r = 0; r < rounds; r++) {
  const order = variants.map((_, i) => (i + r) % variants.length);
  for (const i of order) {
    const t0 = process.cpuUsage();
    for (let k = 0; k < n; k++) once(variants[i][1]);
    const t = process.cpuUsage(t0);
    cpu[i].push((t.user + t.system) / n);
  }
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(
  `${new Date().toISOString()}, Node ${process.version}; ${rounds} rounds × ${n} requests; CPU µs/request, median [rounds]\n`,
);
console.log('| variant | CPU µs/request | rounds |\n|---|---:|---|');
variants.forEach(([name], i) =>
  console.log(`| ${name} | ${median(cpu[i]).toFixed(1)} | ${cpu[i].map((x) => x.toFixed(1)).join(' ')} |`),
);
