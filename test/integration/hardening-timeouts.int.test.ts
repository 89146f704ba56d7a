import net from 'node:net';
import { startTestServer, type TestServer } from '../support/harness';

/**
 * A legitimate but expensive read on the seed graph: three nested pages of 100 (about a million
 * objects if the cost limit let it through; here it is raised so the deadline is what stops it).
 */
const SLOW = `{ pairings(first: 100) { totalCount edges { node { helper { name pairings(first: 100) {
  totalCount edges { node { key beneficiary { name assistedBy(first: 100) { totalCount edges { node {
  key helper { name } } } } } } } } } } } } }`;

describe('timeouts', () => {
  let s: TestServer;
  beforeAll(async () => {
    // One pooled connection: if a timed-out statement kept it, the next request could not run.
    s = await startTestServer({
      hardening: { requestTimeoutMs: 150, maxCost: 10_000_000, httpHeadersTimeoutMs: 500 },
      driver: { maxPoolSize: 1, acquireTimeoutMs: 2_000 },
    });
  });
  afterAll(() => s.close());

  it('ends a slow query with TIMEOUT and gives its connection back', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await s.gql(SLOW);
      expect(r.status).toBe(200);
      const codes = new Set(r.body.errors?.map((e) => e.extensions?.code));
      expect(codes).toEqual(new Set(['TIMEOUT']));
      // Statements sent after the deadline are refused by the service, the one running at the
      // deadline is ended by Neo4j (its transaction timeout): both are TIMEOUT.
      for (const e of r.body.errors ?? [])
        expect(e.message).toMatch(/^the query (did not finish within|took longer than) /);
    }
    // The one connection comes back once Neo4j has ended the timed-out transaction (its own
    // transaction timeout, enforced by a monitor that checks every 2 s by default): within 5 s, a
    // cheap read gets it and answers.
    let after = await s.gql('{ serverInfo { version } }');
    for (let t = 0; t < 20 && after.body.errors; t++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await s.gql('{ serverInfo { version } }');
    }
    expect(after.body).toEqual({ data: { serverInfo: { version: 'test' } } });
    // Neo4j runs nothing of ours any more but the SHOW itself.
    const running = await s.gateway.read(
      't.tx',
      'SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH "SHOW" RETURN count(*) AS n',
    );
    expect(running).toEqual([{ n: 0 }]);
  });

  it('cuts off a client that never finishes its headers (slowloris)', async () => {
    const socket = net.connect(Number(new URL(s.url).port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (d: string) => (received += d));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });
});
