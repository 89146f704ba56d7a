import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createDriver } from '../../src/store/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/store/embedded/embedded-neo4j';
import { Gateway } from '../../src/store/gateway';
import { createHttpService, type HttpService } from '../../src/server/http-service';
import { Metrics } from '../../src/server/metrics';
import { freePort } from '../support/processes';

/**
 * /readyz follows the database: 503 while Neo4j is down, 200 again when it returns, no restart;
 * and it agrees with the circuit breaker that refuses GraphQL operations during an outage.
 */
describe('readiness', () => {
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-ready-'));
  let neo: EmbeddedNeo4j | undefined;
  let http: HttpService;
  let url: string;
  let driverClose: () => Promise<void>;
  const log = () => undefined;

  beforeAll(async () => {
    const bolt = await freePort();
    neo = await startEmbeddedNeo4j({ storeDir, boltPort: bolt, log });
    const driver = createDriver({ uri: neo.uri });
    driverClose = () => driver.close();
    const metrics = new Metrics({ defaultMetrics: false });
    http = await createHttpService({
      gateway: new Gateway(driver, 'neo4j', [metrics]),
      metrics,
      log: pino({ level: 'silent' }),
      service: { version: 'test', embedded: true },
      shutdownTimeoutMs: 1_000,
    });
    url = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}`;
  }, 300_000);

  afterAll(async () => {
    await http.close();
    await driverClose();
    await neo?.stop();
  });

  it('is 200 when Neo4j answers, 503 within 5 s when it stops, and 200 again when it returns', async () => {
    const ready = async () => {
      const t0 = Date.now();
      const res = await fetch(`${url}/readyz`);
      return { status: res.status, ms: Date.now() - t0, body: await res.json() };
    };
    // The first probe of a fresh store may outlast the 2.5 s probe timeout on a busy machine.
    let first = await ready();
    for (let i = 0; i < 10 && first.status !== 200; i++) first = await ready();
    expect(first).toMatchObject({ status: 200, body: { status: 'ready', neo4j: 'up' } });

    const bolt = Number(new URL(neo!.uri).port);
    await neo!.stop();
    const down = await ready();
    expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', neo4j: 'down' } });
    expect(down.ms).toBeLessThan(5_000);

    // An operation during the outage opens the circuit breaker.
    expect((await read()).status).toBe(503);
    neo = await startEmbeddedNeo4j({ storeDir, boltPort: bolt, log });
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await ready()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    // Ready means ready: ten operations sent at once right after it are all answered.
    const after = await Promise.all(Array.from({ length: 10 }, read));
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(after.map((r) => r.codes)).toEqual(Array(10).fill([]));
  }, 300_000);

  /** A GraphQL read that needs the database. */
  async function read() {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ adminUnits(first: 1) { totalCount } }' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, codes: (body.errors ?? []).map((e) => e.extensions?.code) };
  }
});
