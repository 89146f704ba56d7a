import { TEST_JWT_SECRET, testToken } from '../support/auth';
import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';
import { freePort, runService, type ServiceProcess } from '../support/processes';
import { connect, type Subscriber } from '../support/subscriber';

/**
 * Two service processes (`node dist/main.js`, as `npm start` runs it) on one Neo4j: the audit log
 * carries each one's writes to the other's subscribers, and a subscriber that resumes with its last
 * position after its instance restarted receives exactly what it missed.
 */
describe('subscriptions across service processes', () => {
  let fixtures: TestServer;
  let l: Ledger;
  const procs: ServiceProcess[] = [];
  const clients: Subscriber[] = [];

  beforeAll(async () => {
    // each process starts its own driver and checks migrations: minutes on a loaded machine
    fixtures = await startTestServer({ hardening: { requestTimeoutMs: 60_000 } });
    l = await createLedger(fixtures, 'subs-proc');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await l.cleanup();
    await fixtures.close();
  });

  const start = async (port: number) => {
    const p = runService({
      PORT: String(port),
      NEO4J_URI: process.env.TEST_NEO4J_URI!,
      ...(process.env.NEO4J_USER ? { NEO4J_USER: process.env.NEO4J_USER } : {}),
      ...(process.env.NEO4J_PASSWORD ? { NEO4J_PASSWORD: process.env.NEO4J_PASSWORD } : {}),
      SEED_ON_START: 'false',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      LEDGER_POLL_MS: '200',
      RATE_LIMIT_MAX: '0',
      REQUEST_TIMEOUT_MS: '60000',
    });
    procs.push(p);
    await p.waitFor(/ready at http/);
    return p;
  };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const sub = (port: number) => {
    const c = connect(url(port));
    clients.push(c);
    return c;
  };

  let n = 0;
  const pairing = async (port: number): Promise<string> => {
    const res = await fetch(`${url(port)}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await testToken('editor', `${l.prefix}-editor`)}`,
      },
      body: JSON.stringify({
        query: 'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }',
        variables: {
          i: {
            key: `${l.prefix}:p${++n}`,
            helperId: l.ids.agency,
            beneficiaryId: l.ids.household,
            programmeId: l.ids.programme,
            level: 'BANNER',
            category: 'AGENCY',
            kind: 'ASSIST',
            // one year each, so no two pairings overlap (the ledger refuses duplicates)
            validFrom: `${1950 + n}-03-01`,
            validTo: `${1951 + n}-03-01`,
          },
        },
      }),
    });
    const body = (await res.json()) as {
      data?: { createPairing: { pairing: { id: string } } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    return body.data!.createPairing.pairing.id;
  };
  const EVENT = `subscription($area: ID, $since: String) {
    ledgerChanged(areaId: $area, kinds: [PAIRING_CREATED], since: $since) { position recordId } }`;
  type Event = { ledgerChanged: { position: string; recordId: string } };

  it("delivers each process's writes to the other's subscribers, and resumes across a restart without loss or duplicates", async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await start(portA);
    await start(portB);

    const onA = sub(portA).subscribe<Event>(EVENT, { area: l.ids.region });
    const onB = sub(portB).subscribe<Event>(EVENT, { area: l.ids.region });
    await new Promise((r) => setTimeout(r, 500));
    const viaB = await pairing(portB);
    const viaA = await pairing(portA);
    const seenOnA = [(await onA.next()).data!.ledgerChanged, (await onA.next()).data!.ledgerChanged];
    const seenOnB = [(await onB.next()).data!.ledgerChanged, (await onB.next()).data!.ledgerChanged];
    expect(seenOnA.map((e) => e.recordId)).toEqual([viaB, viaA]);
    expect(seenOnB).toEqual(seenOnA); // same events, same positions, on both instances

    // A restarts; meanwhile B takes three writes. The subscriber comes back with its last position.
    const last = seenOnA[1].position;
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    const missed = [await pairing(portB), await pairing(portB), await pairing(portB)];
    await start(portA);
    const resumed = sub(portA).subscribe<Event>(EVENT, { area: l.ids.region, since: last });
    const got = [];
    for (let i = 0; i < missed.length; i++) got.push((await resumed.next()).data!.ledgerChanged.recordId);
    expect(got).toEqual(missed);
    const after = await pairing(portB);
    expect((await resumed.next()).data!.ledgerChanged.recordId).toBe(after);
    await new Promise((r) => setTimeout(r, 800));
    expect(resumed.pending()).toEqual([]);
  }, 240_000);
});
