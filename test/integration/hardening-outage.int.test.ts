import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ERROR_CODES } from '../../src/domain/errors';
import { loadTypeDefs } from '../../src/graphql/schema';
import { createDriver } from '../../src/store/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/store/embedded/embedded-neo4j';
import { Gateway } from '../../src/store/gateway';
import { freePort, runService, type ServiceProcess } from '../support/processes';

/**
 * Neo4j stops under load and comes back: the service (the built `dist/main.js`, as in
 * production) answers fast with SERVICE_UNAVAILABLE (HTTP 503), /readyz says 503, nothing
 * crashes or queues without bound, it recovers without a restart, and every write it
 * acknowledged before the outage is still there after it. Its own Neo4j: nothing shared.
 */
const SECRET = 'outage-test-secret-of-at-least-32-characters';
/** Whether the schema has ledger writes (the write-side checks need a mutation to acknowledge). */
const HAS_MUTATION = loadTypeDefs().some((sdl) => /\bcreateAdminUnit\(/.test(sdl));

type Outcome = { started: number; ms: number; status: number; codes: string[]; data?: unknown };

/** An HS256 JWT, as `bangfu token` makes them (no library needed for the test). */
function token(sub: string, role: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, role, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

describe('Neo4j outage under load', () => {
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-outage-'));
  const log = () => undefined;
  let neo: EmbeddedNeo4j | undefined;
  let svc: ServiceProcess;
  let url: string;
  let bolt: number;

  beforeAll(async () => {
    bolt = await freePort();
    neo = await startEmbeddedNeo4j({ storeDir, boltPort: bolt, log });
    const port = await freePort();
    svc = runService({
      NODE_ENV: 'test',
      PORT: String(port),
      NEO4J_URI: neo.uri,
      SEED_ON_START: 'false',
      RATE_LIMIT_MAX: '0',
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
    });
    await svc.waitFor(/ready at http/);
    url = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(async () => {
    svc?.child.kill('SIGTERM');
    await svc?.exited;
    await neo?.stop();
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  async function gql(
    query: string,
    variables?: object,
    headers: Record<string, string> = {},
  ): Promise<Outcome> {
    const started = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
    return { started, ms: performance.now() - started, status: res.status, codes, data: body.data };
  }

  const read = () => gql('{ serverInfo { neo4jVersion } adminUnits(first: 5) { totalCount } }');
  const admin = { authorization: `Bearer ${token('outage-admin', 'admin')}` };
  const acknowledged: string[] = [];
  let writes = 0;
  const write = async () => {
    const key = `au:outage-${process.pid}-${writes++}`;
    const r = await gql(
      'mutation($input: CreateAdminUnitInput!) { createAdminUnit(input: $input) { adminUnit { key } } }',
      { input: { key, name: `停电测试${writes}`, kind: 'REGION' } },
      admin,
    );
    if (r.status === 200 && r.codes.length === 0) acknowledged.push(key);
    return r;
  };

  /** Runs `n` closed-loop clients until `stop()` is called; returns every outcome. */
  function load(n: number, op: () => Promise<Outcome>) {
    const outcomes: Outcome[] = [];
    let running = true;
    const loops = Array.from({ length: n }, async () => {
      while (running) outcomes.push(await op());
    });
    return {
      outcomes,
      stop: async () => {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  const status = async (p: string) => (await fetch(`${url}${p}`)).status;

  it('fails fast with 503 SERVICE_UNAVAILABLE, stays up, and recovers without a restart', async () => {
    // Warm up: the first write on a fresh store takes seconds (planning, JIT).
    if (HAS_MUTATION) expect((await write()).codes).toEqual([]);
    const readers = load(8, read);
    const writers = HAS_MUTATION ? load(2, write) : undefined;
    await new Promise((r) => setTimeout(r, 3_000));
    const ackedBefore = [...acknowledged];

    await neo!.stop();
    const down = performance.now();
    await new Promise((r) => setTimeout(r, 6_000));
    // A burst on top of the running load: every request is answered, none waits without bound.
    const burst = await Promise.all(Array.from({ length: 200 }, read));
    const readyDuringOutage = await status('/readyz');
    const healthDuringOutage = await status('/healthz');
    // The load stops while the JVM restarts (two cores: a busy load slows its start a lot).
    await readers.stop();
    await writers?.stop();

    neo = await startEmbeddedNeo4j({ storeDir, boltPort: bolt, log });
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      recovered = (await status('/readyz')) === 200 && (await read()).codes.length === 0;
      if (!recovered) await new Promise((r) => setTimeout(r, 500));
    }
    const ackedAtRecovery = acknowledged.length;
    let writeAfter: Outcome | undefined;
    for (let i = 0; i < 5 && HAS_MUTATION && writeAfter?.codes.length !== 0; i++) writeAfter = await write();

    const all = [...readers.outcomes, ...(writers?.outcomes ?? []), ...burst];
    // Every answer carries only codes from the list; no 5xx but 503.
    for (const o of all) {
      for (const c of o.codes) expect(ERROR_CODES).toContain(c);
      expect(o.status === 503 || o.status < 500).toBe(true);
    }
    // Requests begun after Neo4j was down fail with SERVICE_UNAVAILABLE and 503, fast.
    const during = all.filter((o) => o.started > down && o.started < down + 6_000);
    expect(during.length).toBeGreaterThan(50);
    for (const o of during) {
      expect(o.status).toBe(503);
      expect(new Set(o.codes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    }
    const slowest = Math.max(...during.map((o) => o.ms));
    expect(slowest).toBeLessThan(10_000);
    expect(readyDuringOutage).toBe(503);
    expect(healthDuringOutage).toBe(200);
    expect(recovered).toBe(true);
    // The process never died and printed no unhandled error.
    expect(svc.child.exitCode).toBeNull();
    expect(svc.stderr()).not.toMatch(/unhandled|uncaught/i);

    if (HAS_MUTATION) {
      expect(ackedBefore.length).toBeGreaterThan(0);
      expect(writeAfter?.codes).toEqual([]);
      expect(acknowledged.length).toBe(ackedAtRecovery + 1);
      const driver = createDriver({ uri: neo!.uri });
      try {
        const [row] = await new Gateway(driver, 'neo4j').read(
          't.outage',
          'MATCH (u:AdminUnit) WHERE u.id IN $keys RETURN count(u) AS n',
          { keys: acknowledged },
        );
        expect(row).toEqual({ n: acknowledged.length });
      } finally {
        await driver.close();
      }
    }
  }, 240_000);

  if (!HAS_MUTATION)
    it.todo('every mutation acknowledged before the outage is present after it (needs ledger writes)');
});
