import { SignJWT } from 'jose';
import { ROLES } from '../../src/domain/access-policy';
import { bearer, TEST_JWT_SECRET } from '../support/auth';
import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';
import { caseOf, created, MUTATION_CASES, run } from '../support/mutation-cases';

/**
 * For every mutation: auth failures (anonymous, and every role below the one it needs), an
 * idempotent retry, and — for updates — a version conflict. Validation failures per mutation are
 * in mutations-validation.int.test.ts.
 */
describe('mutations: auth, idempotent retries, version conflicts', () => {
  let s: TestServer;
  let l: Ledger;
  beforeAll(async () => {
    s = await startTestServer();
    l = await createLedger(s, 'rules');
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  const count = async (label: string) =>
    Number(
      (
        await s.gateway.read(
          'test.count',
          `MATCH (n:${label}) WHERE n.id STARTS WITH $p RETURN count(n) AS n`,
          {
            p: l.prefix,
          },
        )
      )[0].n,
    );

  describe.each(MUTATION_CASES.map((c) => [c.op, c] as const))('%s', (op, c) => {
    it('is UNAUTHENTICATED without a token and FORBIDDEN for every role below ' + c.role, async () => {
      const input = await c.valid(l, `auth-${op.toLowerCase()}`);
      const anon = await run(l, c, 'anonymous', input);
      expect(anon.data?.[op] ?? null).toBeNull();
      expect(anon.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requiredRole: c.role });
      for (const role of ROLES.slice(0, ROLES.indexOf(c.role))) {
        const r = await run(l, c, role, input);
        expect(r.errors?.[0]).toMatchObject({
          message: `${op} needs role ${c.role} or higher; the token has role ${role}`,
          path: [op],
          extensions: { code: 'FORBIDDEN', operation: op, requiredRole: c.role },
        });
      }
      // Nothing was written: the same input still succeeds for the role that may.
      const ok = await run(l, c, c.role, input);
      expect(ok.errors).toBeUndefined();
    });

    it('returns the first result for a retry with the same idempotency key, writing nothing more', async () => {
      const input = await c.valid(l, `idem-${op.toLowerCase()}`);
      const key = `retry-${l.prefix}-${op}`;
      const first = await run(l, c, c.role, input, key);
      expect(first.errors).toBeUndefined();
      const audits = async () =>
        Number(
          (
            await s.gateway.read(
              'test.audits',
              'MATCH (a:AuditEntry) WHERE a.actor = $actor RETURN count(a) AS n',
              {
                actor: `${l.prefix}-${c.role}`,
              },
            )
          )[0].n,
        );
      const before = await audits();
      const second = await run(l, c, c.role, input, key);
      expect(second.errors).toBeUndefined();
      expect(first.data![op].replayed).toBe(false);
      expect(second.data![op]).toEqual({ ...first.data![op], replayed: true });
      expect(await audits()).toBe(before);
      // The same key with another input is a conflict, not a silent replay.
      const other = await run(l, c, c.role, await c.valid(l, `idem2-${op.toLowerCase()}`), key);
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argument: 'idempotencyKey' });
    });

    if (c.updates) {
      it('fails with CONFLICT for a stale expectedVersion and leaves the record unchanged', async () => {
        const input = await c.valid(l, `ver-${op.toLowerCase()}`);
        const ok = await run(l, c, c.role, input);
        expect(ok.errors).toBeUndefined();
        const v = ok.data![op][c.field].version!;
        const stale = await run(l, c, c.role, input);
        expect(stale.errors?.[0]).toMatchObject({
          path: [op],
          extensions: {
            code: 'CONFLICT',
            argument: 'input.expectedVersion',
            expectedVersion: input.expectedVersion,
            actualVersion: v,
          },
        });
        const now = await l.as<{ node: { version: number } }>(
          'viewer',
          'query($id: ID!) { node(id: $id) { ... on Node { id } ... on AdminUnit { version } ... on Organization { version } ... on Person { version } ... on Enterprise { version } ... on Household { version } ... on Programme { version } ... on Pairing { version } ... on Dispute { version } } }',
          { id: input.id },
        );
        expect(now.data!.node.version).toBe(v);
      });
    }
  });

  it('takes the key from the Idempotency-Key header, scoped to each mutation field of the request', async () => {
    const c = caseOf('createHousehold');
    const [a, b] = [await c.valid(l, 'hdr-a'), await c.valid(l, 'hdr-b')];
    const doc = `mutation($a: CreateHouseholdInput!, $b: CreateHouseholdInput!) {
      a: createHousehold(input: $a) { household { key } replayed } b: createHousehold(input: $b) { household { key } replayed } }`;
    const headers = { 'idempotency-key': `hdr-${l.prefix}` };
    const first = await l.as('editor', doc, { a, b }, headers);
    expect(first.errors).toBeUndefined();
    const again = await l.as('editor', doc, { a, b }, headers);
    expect(first.data).toEqual({
      a: { household: { key: a.key }, replayed: false },
      b: { household: { key: b.key }, replayed: false },
    });
    expect(again.data).toEqual({
      a: { household: { key: a.key }, replayed: true },
      b: { household: { key: b.key }, replayed: true },
    });
  });

  it('answers 401 for a token with a bad signature, an unknown role or an expired date', async () => {
    const sign = (claims: Record<string, unknown>, secret: string, exp = '1h') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    const cases: [string, string][] = [
      [
        await sign({ role: 'admin' }, 'another-secret-of-at-least-32-characters!'),
        'the token signature is not valid',
      ],
      [
        await sign({ role: 'root' }, TEST_JWT_SECRET),
        "the token's role claim must be one of viewer, analyst, editor, admin",
      ],
      [await sign({ role: 'admin' }, TEST_JWT_SECRET, '-2 minutes'), 'the token has expired'],
      ['not-a-jwt', 'the Authorization header must be "Bearer <JWT>"'],
    ];
    for (const [token, message] of cases) {
      const r = await s.gql('{ viewer { role } }', {}, { authorization: `Bearer ${token}` });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('refuses every request without a token when anonymous reads are off', async () => {
    const closed = await startTestServer({ auth: { anonymousRead: false } });
    try {
      const r = await closed.gql('{ serverInfo { version } }');
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const ok = await closed.gql('{ viewer { role anonymous } }', {}, await bearer('viewer'));
      expect(ok.body).toEqual({ data: { viewer: { role: 'viewer', anonymous: false } } });
    } finally {
      await closed.close();
    }
  });

  describe('under concurrency', () => {
    const pairingDoc = `mutation($i: CreatePairingInput!, $k: String) { createPairing(input: $i, idempotencyKey: $k) { pairing { key } replayed } }`;

    it('50 parallel createPairing calls with one idempotency key create exactly one pairing', async () => {
      const before = await count('Pairing');
      const input = {
        key: `${l.prefix}:conc-one`,
        helperId: l.ids.cadre,
        beneficiaryId: l.ids.student,
        level: 'BANNER',
        category: 'LEADING_CADRE',
        kind: 'ASSIST',
        validFrom: '2012-09-01',
      };
      const key = `conc-${l.prefix}`;
      const rs = await Promise.all(
        Array.from({ length: 50 }, () =>
          l.as<{ createPairing: { pairing: { key: string }; replayed: boolean } }>('editor', pairingDoc, {
            i: input,
            k: key,
          }),
        ),
      );
      expect(rs.filter((r) => r.errors)).toEqual([]);
      expect(new Set(rs.map((r) => r.data!.createPairing.pairing.key))).toEqual(
        new Set([`${l.prefix}:conc-one`]),
      );
      expect(rs.filter((r) => !r.data!.createPairing.replayed)).toHaveLength(1);
      expect((await count('Pairing')) - before).toBe(1);
    });

    it('50 parallel createPairing calls with distinct keys create 50 pairings', async () => {
      await s.gateway.write(
        'test.households',
        "MATCH (v:AdminUnit {id: $village}) UNWIND range(1, 50) AS i CREATE (:Household {id: $p + ':conc-hh:' + i, name: '并发户' + i, provenance: 'REPORTED'})-[:LOCATED_IN]->(v)",
        { village: `${l.prefix}:village`, p: l.prefix },
      );
      const before = await count('Pairing');
      const rs = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          l.as<{ createPairing: { replayed: boolean } }>('editor', pairingDoc, {
            i: {
              helperId: l.ids.agency,
              beneficiaryId: Buffer.from(`Household:${l.prefix}:conc-hh:${i + 1}`).toString('base64url'),
              level: 'BANNER',
              category: 'AGENCY',
              kind: 'ASSIST',
              validFrom: '2012-09-01',
              key: `${l.prefix}:conc-many:${i}`,
            },
            k: `conc-${l.prefix}-${i}`,
          }),
        ),
      );
      expect(rs.filter((r) => r.errors)).toEqual([]);
      expect(rs.every((r) => r.data!.createPairing.replayed === false)).toBe(true);
      expect((await count('Pairing')) - before).toBe(50);
    });

    it('of 10 parallel updates carrying the same version exactly one wins; the others get CONFLICT', async () => {
      const c = caseOf('createHousehold');
      const h = await created(l, c, await c.valid(l, 'race'));
      const rs = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          l.as(
            'editor',
            'mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { version } } }',
            {
              i: { id: h.id, expectedVersion: 1, memberCount: i + 1 },
            },
          ),
        ),
      );
      expect(rs.filter((r) => !r.errors)).toHaveLength(1);
      expect(rs.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(9);
      const now = await l.as<{ node: { version: number } }>(
        'viewer',
        'query($id: ID!) { node(id: $id) { ... on Household { version } } }',
        { id: h.id },
      );
      expect(now.data!.node.version).toBe(2);
    });
  });
});
