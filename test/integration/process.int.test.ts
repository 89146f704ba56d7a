import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/paths';
import { freePort, pidsMentioning, runService } from '../support/processes';

/**
 * The service as an operator runs it: `node dist/main.js` (what `npm start` runs), with real
 * signals, a real embedded Neo4j JVM, and bad environments.
 */
describe('the service process', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-proc-'));

  /** The service on the tests' Neo4j (no seeding), once it says it is ready. */
  const readyOnTestNeo4j = async () => {
    const port = await freePort();
    const p = runService({
      PORT: String(port),
      NEO4J_URI: process.env.TEST_NEO4J_URI!,
      SEED_ON_START: 'false',
    });
    await p.waitFor(/ready at http/);
    return { port, p };
  };

  it.each([
    [
      'PORT',
      'abc',
      /^bangfu: invalid environment variable PORT="abc": expected the HTTP port as an integer 1–65535\n$/,
    ],
    [
      'NEO4J_URI',
      'foo://x',
      /^bangfu: invalid environment variable NEO4J_URI="foo:\/\/x": expected a Neo4j URI/,
    ],
    [
      'REQUEST_TIMEOUT_MS',
      '0',
      /^bangfu: invalid environment variable REQUEST_TIMEOUT_MS="0": expected milliseconds as an integer from 100 to 2147483647\n$/,
    ],
    [
      'AUTH_JWT_SECRET',
      'CANARY-7f3a9c-0123456789abcdef0',
      /^bangfu: invalid environment variable AUTH_JWT_SECRET \(31 characters, value not shown\): expected an HS256 secret of at least 32 characters\n$/,
    ],
  ])('exits 2 with one line naming %s=%s, before any Neo4j starts', async (name, value, line) => {
    const dataDir = tmp();
    const p = runService({ [name]: value, BANGFU_DATA_DIR: dataDir });
    expect(await p.exited).toBe(2);
    expect(p.stderr()).toMatch(line);
    expect(p.stderr().trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(dataDir)).toEqual([]); // no embedded store was created
  });

  it('answers a search whose hits fail late and at once with its error, leaving no rejection behind', async () => {
    // graphql-js 16 drops a list's earlier items' promises when a later item fails synchronously.
    // Here hit 0 (an AdminUnit) fails late, in a nested page, and hit 1 (an Organization) on its
    // page's arguments. This anonymous request once ended the service. Page resolvers now fail only
    // by rejections (resolve.ts `settled`): hit 1's failure is the answer's error, and hit 0's,
    // later, settles inside graphql-js's Promise.all instead of going unhandled.
    const { port, p } = await readyOnTestNeo4j();
    const query = `{ search(query: "准格尔", first: 10) { edges { node { __typename
      ... on AdminUnit { children(first: 2) { edges { node { children(first: 1, last: 1) { totalCount } } } } }
      ... on Organization { pairings(first: 1, last: 1) { totalCount } } } } } }`;
    const ask = async () => {
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await r.json()) as {
        data: unknown;
        errors: { path: unknown[]; extensions: { code: string } }[];
      };
    };
    for (let i = 1; i <= 3; i++) {
      const r = await ask();
      expect(r).toEqual({
        data: null,
        errors: [expect.objectContaining({ path: ['search', 'edges', 1, 'node', 'pairings'] })],
      });
      expect(r.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    await new Promise((r) => setTimeout(r, 500)); // a rejection left behind would be logged by now
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^bangfu_unhandled_rejections_total 0$/m);
    expect(p.stdout()).not.toContain('unhandled promise rejection');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('logs and counts a promise rejection nothing handles, and goes on (unhandled-rejections.ts)', async () => {
    // What main.ts installs, in a process of its own: Node would end it with exit code 1.
    const script = `
      const { Metrics } = require('./dist/server/metrics.js');
      const { keepServingOnUnhandledRejections } = require('./dist/server/unhandled-rejections.js');
      const metrics = new Metrics({ defaultMetrics: false });
      keepServingOnUnhandledRejections(require('pino')(), metrics);
      Promise.reject(new Error('canary rejection'));
      setTimeout(async () => { console.log(await metrics.registry.metrics()); process.exit(0); }, 200);`;
    const child = spawn(process.execPath, ['-e', script], { cwd: REPO_ROOT });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const line = JSON.parse(out.split('\n').find((l) => l.includes('unhandled promise rejection'))!) as {
      level: number;
      err: { message: string };
    };
    expect([line.level, line.err.message]).toEqual([50, 'canary rejection']);
    expect(out).toMatch(/^bangfu_unhandled_rejections_total 1$/m);
  });

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    const { port, p } = await readyOnTestNeo4j();
    const body = JSON.stringify({ query: '{ serverInfo { neo4jEdition } }' });
    const response = new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
        );
        socket.write(body.slice(0, 10)); // the request is now in flight, half sent
        setTimeout(() => {
          p.child.kill('SIGTERM');
          setTimeout(() => socket.write(body.slice(10)), 500);
        }, 200);
      });
      socket.setEncoding('utf8').on('data', (d: string) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const text = await response;
    expect(text).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(text).toContain('{"data":{"serverInfo":{"neo4jEdition":"community"}}}');
    expect(await p.exited).toBe(0);
  });

  it('starts its own embedded Neo4j, answers /readyz, and leaves no Java process behind on SIGTERM', async () => {
    const dataDir = tmp();
    const [port, bolt] = [await freePort(), await freePort()];
    const p = runService({
      PORT: String(port),
      BANGFU_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(bolt),
      SEED_ON_START: 'false',
    });
    await p.waitFor(/ready at http/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(await pidsMentioning(dataDir)).toHaveLength(1); // the JVM, started with --data <dataDir>/neo4j

    // A second service on the same data folder must refuse, not corrupt the store.
    const port2 = await freePort();
    const second = runService({
      PORT: String(port2),
      BANGFU_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(await freePort()),
      SEED_ON_START: 'false',
    });
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(
      `the embedded Neo4j store ${path.join(dataDir, 'neo4j')} is in use by another process`,
    );
    const info = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { embedded neo4jVersion } }' }),
    });
    expect(await info.json()).toEqual({
      data: { serverInfo: { embedded: true, neo4jVersion: expect.stringMatching(/^5\.26\./) } },
    });

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(await pidsMentioning(dataDir)).toEqual([]);
  }, 180_000);
});
