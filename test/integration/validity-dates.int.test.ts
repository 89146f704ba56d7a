import fc from 'fast-check';
import { getNamedType, isObjectType } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { OPEN_END } from '../../src/domain/model';
import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, testDriver, type TestServer } from '../support/harness';
import { isFilterInput, measureOf, reach, schema, type FieldRef } from '../support/filter-targets';

/**
 * "As of" dates: an open interval (stored with validTo = OPEN_END) is valid on every day from its
 * start, including the last day the Date scalar accepts. Every argument (and filter field) of type
 * Date outside mutations is derived from the schema and checked against a reference computed here
 * from the stored dates: the answer on a day d equals the answer on the latest stored date ≤ d
 * (nothing compares differently between two consecutive stored dates), the sentinel excluded.
 */
describe('as-of dates on the seeded graph (open = unbounded)', () => {
  let s: TestServer;
  let driver: Driver;
  /** Every stored date (any property of any node), OPEN_END excluded, ascending. */
  let stored: string[];
  /** validFrom/validTo of every pairing. */
  let pairings: { from: string; to: string }[];
  const parents: Record<string, string> = {};
  const extra: Record<string, string> = {};
  const XINHUA = toGlobalId('Organization', 'org:xinhua-nmg');
  const ZHUNGEER = toGlobalId('AdminUnit', 'au:zhungeer');

  beforeAll(async () => {
    s = await startTestServer({ hardening: { requestTimeoutMs: 60_000, maxAliases: 100 } });
    driver = testDriver();
    const rows = async (cypher: string) => (await driver.executeQuery(cypher)).records;
    stored = (
      await rows(
        `MATCH (n) UNWIND keys(n) AS k WITH n[k] AS v WHERE valueType(v) STARTS WITH 'DATE NOT NULL'
         RETURN DISTINCT toString(v) AS d ORDER BY d`,
      )
    )
      .map((r) => String(r.get('d')))
      .filter((d) => d !== OPEN_END);
    pairings = (
      await rows('MATCH (p:Pairing) RETURN toString(p.validFrom) AS f, toString(p.validTo) AS t')
    ).map((r) => ({ from: String(r.get('f')), to: String(r.get('t')) }));
    const [open] = await rows(
      `MATCH (p:Pairing) WHERE p.validTo = date('${OPEN_END}') RETURN p.id ORDER BY p.id LIMIT 1`,
    );
    parents['Pairing.activeOn'] = toGlobalId('Pairing', String(open.get(0)));
    const [b] = await rows(
      "MATCH (:Organization {id: 'org:xinhua-nmg'})<-[:HELPER]-(:Pairing)-[:BENEFICIARY]->(b:AdminUnit) RETURN b.id ORDER BY b.id LIMIT 1",
    );
    Object.assign(extra, {
      'Query.paths': `fromId: ${JSON.stringify(XINHUA)}, toId: ${JSON.stringify(toGlobalId('AdminUnit', String(b.get(0))))}, maxHops: 6`,
      'Query.pairingGraph': `rootIds: [${JSON.stringify(XINHUA)}], depth: 2, maxNodes: 2000`,
      'Query.egoNetwork': `id: ${JSON.stringify(XINHUA)}, hops: 2, maxNodes: 2000`,
      'Query.coverage': `areaId: ${JSON.stringify(ZHUNGEER)}`,
      'Query.quotaCompliance': `areaId: ${JSON.stringify(ZHUNGEER)}`,
      'Query.centrality': `areaId: ${JSON.stringify(ZHUNGEER)}, top: 5`,
      'Query.communities': `areaId: ${JSON.stringify(ZHUNGEER)}`,
      'Query.pairingMatrix': `areaId: ${JSON.stringify(ZHUNGEER)}`,
    });
  }, 120_000);
  afterAll(async () => {
    await s.close();
    await driver.close();
  });

  async function data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) {
    const { status, body } = await s.gql<T>(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data as T;
  }

  /** The reference: valid on d when validFrom ≤ d and (open or d < validTo). */
  const activeRef = (d: string) =>
    pairings.filter((p) => p.from <= d && (p.to === OPEN_END || d < p.to)).length;

  /** A day on which every stored date compares as with d: the latest stored date ≤ d. */
  function representative(d: string): string {
    let r: string | null = null;
    for (const x of stored) if (x <= d) r = x;
    if (r !== null) return r;
    const t = new Date(`${stored[0]}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() - 1);
    return t.toISOString().slice(0, 10);
  }

  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  /** Any day the Date scalar accepts, the extremes and the stored dates weighted in. */
  const day = () =>
    fc.oneof(
      fc.constantFrom('0001-01-01', '1970-01-01', '9999-12-30', '9999-12-31', OPEN_END),
      fc.constantFrom(...stored),
      fc
        .tuple(
          fc.integer({ min: 1, max: 9999 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
        )
        .map(([y, m, dd]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(dd, 2)}`),
    );

  /**
   * Every argument of type Date on a non-mutation field, except timeline's from/to: they bound
   * periods (the answer lists one row per period) rather than name an as-of day; timeline's
   * own law (each period's `active` is pairings(activeOn: start)) is researchers.int.test.ts's.
   */
  const PERIOD_BOUNDS = new Set(['Query.timeline(from)', 'Query.timeline(to)']);
  const dateArgs: { ref: FieldRef; arg: string }[] = [];
  for (const t of Object.values(schema.getTypeMap())) {
    if (!isObjectType(t) || t.name.startsWith('__') || t.name === 'Mutation') continue;
    for (const f of Object.values(t.getFields()))
      for (const a of f.args)
        if (getNamedType(a.type).name === 'Date' && !PERIOD_BOUNDS.has(`${t.name}.${f.name}(${a.name})`))
          dateArgs.push({ ref: { name: `${t.name}.${f.name}`, parent: t, field: f }, arg: a.name });
  }
  /** Every Date field of a filter input. */
  const filterDates = Object.values(schema.getTypeMap())
    .filter(isFilterInput)
    .flatMap((t) =>
      Object.values(t.getFields())
        .filter((f) => getNamedType(f.type).name === 'Date')
        .map((f) => `${t.name}.${f.name}`),
    );

  it('the as-of arguments are derived from the schema and include the known ones', () => {
    expect(dateArgs.map((a) => `${a.ref.name}(${a.arg})`)).toEqual(
      expect.arrayContaining([
        'Query.pairingGraph(activeOn)',
        'Query.paths(activeOn)',
        'Query.pairingMatrix(activeOn)',
        'Query.coverage(activeOn)',
        'Query.quotaCompliance(activeOn)',
        'Query.egoNetwork(activeOn)',
        'Query.centrality(activeOn)',
        'Query.communities(activeOn)',
        'Exemplar.network(activeOn)',
        'Pairing.activeOn(date)',
      ]),
    );
    expect(filterDates).toEqual(['PairingFilter.activeOn']);
  });

  it('an open pairing is active on the last day the API accepts: 3642 on 9999-12-30 and on 9999-12-31', async () => {
    const d = await data<Record<string, { totalCount: number }>>(
      `{ a: pairings(filter: {activeOn: "9999-12-30"}) { totalCount }
         b: pairings(filter: {activeOn: "9999-12-31"}) { totalCount } }`,
    );
    expect(d.a.totalCount).toBe(3642);
    expect(d.b.totalCount).toBe(3642);
    const m = await data<{ pairingMatrix: { total: { pairs: number } } }>(
      '{ pairingMatrix(activeOn: "9999-12-31") { total { pairs } } }',
    );
    expect(m.pairingMatrix.total.pairs).toBeGreaterThan(0);
  });

  it('PairingFilter.activeOn counts what the stored validFrom/validTo give on random days', async () => {
    await fc.assert(
      fc.asyncProperty(day(), async (d) => {
        const r = await data<{ pairings: { totalCount: number } }>(
          'query($d: Date) { pairings(filter: {activeOn: $d}) { totalCount } }',
          { d },
        );
        expect(r.pairings.totalCount).toBe(activeRef(d));
      }),
      { numRuns: 25, seed: 20261201, endOnFailure: true },
    );
  });

  it.each(dateArgs.map((a) => [`${a.ref.name}(${a.arg})`, a] as const))(
    '%s answers on any day as on the latest stored date before it',
    async (_name, { ref, arg }) => {
      const measure = measureOf(ref.field);
      const ask = reach(ref, parents, extra);
      await fc.assert(
        fc.asyncProperty(day(), async (d) => {
          const rep = representative(d);
          const r = await data<Record<string, unknown>>(
            `query($d: Date, $r: Date) { ${ask('onDay', `${arg}: $d`, measure.selection)} ${ask('onRep', `${arg}: $r`, measure.selection)} }`,
            { d, r: rep },
          );
          expect(r.onDay).toEqual(r.onRep);
        }),
        {
          numRuns: ref.name === 'Query.centrality' || ref.name === 'Query.communities' ? 3 : 6,
          seed: 20261201,
          endOnFailure: true,
        },
      );
    },
    120_000,
  );
});
