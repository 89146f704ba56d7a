import { AppError } from '../../src/domain/errors';
import { createPairing } from '../../src/store/writes/pairings';
import { runMutation } from '../../src/store/writes/run-mutation';
import { fromGlobalId } from '../../src/graphql/ids';
import { testToken } from '../support/auth';
import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';
import { connect, type Subscriber } from '../support/subscriber';

/**
 * ledgerChanged over WebSocket (graphql-ws) against the real service and Neo4j: events come from
 * the committed audit log, in commit order, masked by the subscriber's role, resumable by position.
 */
describe('subscriptions: ledgerChanged', () => {
  let s: TestServer;
  let other: TestServer;
  let l: Ledger;
  const open: Subscriber[] = [];
  const client = (token?: string) => {
    const c = connect(s.url, token);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    // a generous request deadline: these tests measure delivery, not latency, on a shared machine
    const hardening = { requestTimeoutMs: 60_000 };
    s = await startTestServer({
      hardening,
      subscriptions: { maxSubscriptionsPerConnection: 3, maxConnectionsPerCaller: 2 },
    });
    other = await startTestServer({ hardening });
    l = await createLedger(s, 'subs');
  });
  // Anonymous clients share one key (their IP) in the per-caller connection limit.
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.dispose()));
  });
  afterAll(async () => {
    await l.cleanup();
    await other.close();
    await s.close();
  });

  const EVENT = `subscription($area: ID, $kinds: [LedgerEventKind!], $since: String) {
    ledgerChanged(areaId: $area, kinds: $kinds, since: $since) {
      position kind version recordId
      node { id ... on Pairing { validTo beneficiary { name } } ... on Household { name phone } }
      entry { operation actor }
    } }`;
  type Event = {
    ledgerChanged: {
      position: string;
      kind: string;
      version: number | null;
      recordId: string | null;
      node: {
        id: string;
        name?: string;
        phone?: string | null;
        validTo?: string | null;
        beneficiary?: { name: string };
      } | null;
      entry: { operation: string; actor: string };
    };
  };

  let n = 0;
  const pairingInput = () => ({
    key: `${l.prefix}:p${++n}`,
    helperId: l.ids.agency,
    beneficiaryId: l.ids.household,
    programmeId: l.ids.programme,
    level: 'BANNER',
    category: 'AGENCY',
    kind: 'ASSIST',
    // one year each, so no two of this test's pairings overlap (the ledger refuses duplicates)
    validFrom: `${1950 + n}-03-01`,
    validTo: `${1951 + n}-03-01`,
  });
  const createPairingAs = async (server: TestServer, token: string) => {
    const r = await server.gql<{ createPairing: { pairing: { id: string; version: number } } }>(
      'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id version } } }',
      { i: pairingInput() },
      { authorization: `Bearer ${token}` },
    );
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.createPairing.pairing;
  };

  it('delivers a committed pairing, with its version, position and the record as it is now', async () => {
    const editor = await testToken('editor', `${l.prefix}-editor`);
    const sub = client(await testToken('analyst')).subscribe<Event>(EVENT, { area: l.ids.region });
    await new Promise((r) => setTimeout(r, 300)); // the subscription is registered
    const p = await createPairingAs(s, editor);
    const e = (await sub.next(10_000)).data!.ledgerChanged;
    expect(e).toEqual({
      position: expect.stringMatching(/^[1-9]\d*$/),
      kind: 'PAIRING_CREATED',
      version: 1,
      recordId: p.id,
      node: { id: p.id, validTo: '1952-03-01', beneficiary: { name: '刘显明' } }, // the first pairing: 1951–1952
      entry: { operation: 'createPairing', actor: `${l.prefix}-editor` },
    });
    sub.stop();
  });

  it('delivers nothing for a write that rolled back, and the next commit takes the position it gave back', async () => {
    const sub = client().subscribe<Event>(EVENT, { area: l.ids.region });
    await new Promise((r) => setTimeout(r, 300));
    const meta = {
      actor: { subject: `${l.prefix}-editor`, role: 'editor' as const },
      requestId: null,
      piiSalt: 'x',
    };
    const key = `${l.prefix}:rolled-back`;
    await expect(
      runMutation(
        s.gateway,
        meta,
        { operation: 'createPairing', idempotencyKey: null, input: {} },
        async (w) => {
          await createPairing(w, {
            key,
            helper: fromGlobalId(l.ids.agency),
            beneficiary: fromGlobalId(l.ids.household),
            programmeKey: fromGlobalId(l.ids.programme).id,
            level: 'BANNER',
            category: 'AGENCY',
            kind: 'ASSIST',
            mode: null,
            validFrom: '2012-03-01',
            validTo: null,
          });
          throw new AppError('CONFLICT', 'rolled back on purpose, after the audit entry was written');
        },
      ),
    ).rejects.toThrow('rolled back on purpose');
    const committed = await createPairingAs(s, await testToken('editor', `${l.prefix}-editor`));
    const e = (await sub.next(10_000)).data!.ledgerChanged;
    expect(e.recordId).toBe(committed.id);
    expect(sub.pending()).toEqual([]);
    const [{ n: stored }] = await s.gateway.read(
      't',
      'MATCH (a:AuditEntry {targetId: $k}) RETURN count(a) AS n',
      { k: key },
    );
    expect(stored).toBe(0);
    sub.stop();
  });

  it("masks personal fields by the subscriber's role, exactly as queries do", async () => {
    const viewer = client(await testToken('viewer')).subscribe<Event>(EVENT, {
      area: l.ids.village,
      kinds: ['ENTITY_UPDATED'],
    });
    const analyst = client(await testToken('analyst')).subscribe<Event>(EVENT, {
      area: l.ids.village,
      kinds: ['ENTITY_UPDATED'],
    });
    await new Promise((r) => setTimeout(r, 300));
    const r = await l.as(
      'editor',
      'mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { version } } }',
      {
        i: { id: l.ids.household, expectedVersion: 1, memberCount: 5 },
      },
    );
    expect(r.errors).toBeUndefined();
    const [v, a] = [(await viewer.next()).data!.ledgerChanged, (await analyst.next()).data!.ledgerChanged];
    expect(v.node).toEqual({ id: l.ids.household, name: '刘**', phone: null });
    expect(a.node).toEqual({ id: l.ids.household, name: '刘显明', phone: '+8613812345678' });
    expect([v.kind, v.version, a.version]).toEqual(['ENTITY_UPDATED', 2, 2]);
  });

  it('delivers writes made through another instance, and only those in the area asked for', async () => {
    const inArea = client().subscribe<Event>(EVENT, { area: l.ids.township, kinds: ['PAIRING_CREATED'] });
    const elsewhere = client().subscribe<Event>(EVENT, { area: l.ids.street, kinds: ['PAIRING_CREATED'] });
    await new Promise((r) => setTimeout(r, 300));
    const p = await createPairingAs(other, await testToken('editor', `${l.prefix}-editor`));
    expect((await inArea.next()).data!.ledgerChanged.recordId).toBe(p.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(elsewhere.pending()).toEqual([]);
  });

  it('resumes after a position: every later event once, in commit order', async () => {
    const token = await testToken('editor', `${l.prefix}-editor`);
    // own subjects: anonymous clients share their IP's connection quota (2 in this file)
    const first = client(await testToken('viewer', `${l.prefix}-resume-1`)).subscribe<Event>(EVENT, {
      area: l.ids.region,
      kinds: ['PAIRING_CREATED'],
    });
    await new Promise((r) => setTimeout(r, 300));
    await createPairingAs(s, token);
    const last = (await first.next()).data!.ledgerChanged.position;
    first.stop();
    const missed = [
      await createPairingAs(other, token),
      await createPairingAs(s, token),
      await createPairingAs(other, token),
    ];
    const resumed = client(await testToken('viewer', `${l.prefix}-resume-2`)).subscribe<Event>(EVENT, {
      area: l.ids.region,
      kinds: ['PAIRING_CREATED'],
      since: last,
    });
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await resumed.next()).data!.ledgerChanged);
    expect(got.map((e) => e.recordId)).toEqual(missed.map((p) => p.id));
    expect(got.map((e) => Number(e.position))).toEqual(
      [...got.map((e) => Number(e.position))].sort((x, y) => x - y),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(resumed.pending()).toEqual([]);
  });

  it('refuses a since beyond the end of the ledger, and a malformed one, naming the argument', async () => {
    const c = client();
    for (const since of ['999999999999', 'abc']) {
      const err = (await c.subscribe(EVENT, { since }).failed) as {
        extensions: { code: string; argument: string };
      }[];
      expect(err[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'since' });
    }
  });

  it('limits subscriptions per connection (RATE_LIMITED) and connections per caller (close 4429)', async () => {
    const token = await testToken('viewer', `${l.prefix}-limits`);
    const c = client(token);
    for (let i = 0; i < 3; i++) c.subscribe(EVENT, {});
    const err = (await c.subscribe(EVENT, {}).failed) as { extensions: { code: string } }[];
    expect(err[0].extensions).toMatchObject({ code: 'RATE_LIMITED', max: 3 });
    await client(token).connected;
    const third = client(token);
    expect(await third.closed).toMatchObject({ code: 4429 });
  });

  it('closes a connection whose connection_init carries a bad token with 4403', async () => {
    expect(await client('not-a-token').closed).toMatchObject({ code: 4403 });
  });

  it('refuses queries over the socket: they go over HTTP', async () => {
    const err = (await client().subscribe('{ serverInfo { version } }').failed) as {
      extensions: { code: string };
    }[];
    expect(err[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('closes open sockets with 1001 (going away) on shutdown', async () => {
    const third = await startTestServer();
    const c = connect(third.url);
    c.subscribe(EVENT, {});
    await c.connected;
    await third.close();
    expect(await c.closed).toMatchObject({ code: 1001 });
  });
});
