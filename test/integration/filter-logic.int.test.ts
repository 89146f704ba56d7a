import fc from 'fast-check';
import { getNamedType, type GraphQLInputObjectType } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { Label } from '../../src/domain/model';
import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, testDriver, type TestServer } from '../support/harness';
import {
  filterArbitrary,
  filterFields,
  measureOf,
  reach,
  type FieldRef,
  type ValuePools,
} from '../support/filter-targets';

/**
 * Filters are two-valued: NOT F matches exactly what F does not. Checked as laws over random
 * filter trees, generated from the filter input types of the schema, for every field of the
 * schema that takes a filter (derived, so a new one is covered), on the seeded graph:
 * |F| + |NOT F| = |all|, |F OR G| = |F| + |G| − |F AND G| where the field gives a count, and
 * for every field NOT NOT F ≡ F, De Morgan both ways, F OR NOT F ≡ no filter, F AND NOT F ≡ nothing.
 */
describe('filter logic (two-valued AND/OR/NOT) on the seeded graph', () => {
  let s: TestServer;
  let driver: Driver;
  let pools: ValuePools;
  const parents: Record<string, string> = {};
  const LIU = toGlobalId('Person', 'person:liu-xianliang');
  const XINHUA = toGlobalId('Organization', 'org:xinhua-nmg');
  const ZHUNGEER = toGlobalId('AdminUnit', 'au:zhungeer');

  /** Arguments fields need besides the filter (roots, and caps high enough not to truncate). */
  const EXTRA_ARGS: Record<string, string> = {
    'Query.pairingGraph': `rootIds: [${JSON.stringify(XINHUA)}, ${JSON.stringify(LIU)}], depth: 2, maxNodes: 2000`,
    'Query.egoNetwork': `id: ${JSON.stringify(LIU)}, hops: 2, maxNodes: 2000`,
    'Query.pairingMatrix': 'activeOn: "2013-04-16"',
    'Query.centrality': `areaId: ${JSON.stringify(ZHUNGEER)}, activeOn: "2013-04-16", top: 5`,
    'Query.communities': `areaId: ${JSON.stringify(ZHUNGEER)}, activeOn: "2013-04-16"`,
    'Query.timeline': `areaId: ${JSON.stringify(ZHUNGEER)}, from: "2011-06-01", to: "2014-12-31"`,
  };

  async function one(label: Label, cypher: string): Promise<string> {
    const res = await driver.executeQuery(cypher);
    return toGlobalId(label, String(res.records[0].get(0)));
  }

  beforeAll(async () => {
    s = await startTestServer({
      hardening: { requestTimeoutMs: 240_000, maxAliases: 100, maxCost: 10_000_000, maxTokens: 100_000 },
    });
    driver = testDriver();
    const col = async (cypher: string) =>
      (await driver.executeQuery(cypher)).records.map((r) => String(r.get(0)));
    pools = {
      adminUnitIds: [
        'au:zhungeer',
        ...(await col(
          'MATCH (a:AdminUnit)<-[:LOCATED_IN]-(:Household) WITH a, count(*) AS n ORDER BY n DESC, a.id LIMIT 2 RETURN a.id',
        )),
        ...(await col("MATCH (a:AdminUnit {kind: 'TOWNSHIP'}) RETURN a.id ORDER BY a.id LIMIT 1")),
      ].map((k) => toGlobalId('AdminUnit', k)),
      programmeIds: (await col('MATCH (p:Programme) RETURN p.id ORDER BY p.id')).map((k) =>
        toGlobalId('Programme', k),
      ),
      designations: [
        ...(await col('MATCH (a:AdminUnit) UNWIND coalesce(a.designations, []) AS d RETURN DISTINCT d')),
        'NO_SUCH_DESIGNATION',
      ],
      texts: ['村', '准格尔', '刘', '新华社', '公司', 'a', 'no-such-name'],
      dates: [
        '0001-01-01',
        '2012-01-01',
        '2013-04-16',
        '2016-06-30',
        '2024-01-01',
        '9999-12-30',
        '9999-12-31',
      ],
      ints: [0, 1_000, 50_000, 1_000_000],
    };
    // A parent for each nested filterable field: the one with most related records, so the
    // laws are checked on real data (刘显亮 for Person: his 助学 pairings have no level).
    parents['Person.pairings'] = LIU;
    parents['Organization.pairings'] = XINHUA;
    parents['Enterprise.pairings'] = await one(
      'Enterprise',
      'MATCH (e:Enterprise)<-[:HELPER]-() RETURN e.id ORDER BY COUNT { (e)<-[:HELPER]-() } DESC, e.id LIMIT 1',
    );
    parents['Programme.pairings'] = await one(
      'Programme',
      'MATCH (p:Programme) RETURN p.id ORDER BY COUNT { (p)<-[:UNDER]-() } DESC, p.id LIMIT 1',
    );
    parents['AdminUnit.children'] = ZHUNGEER;
    for (const [label, name] of [
      ['AdminUnit', 'AdminUnit.assistedBy'],
      ['Household', 'Household.assistedBy'],
      ['Student', 'Student.assistedBy'],
    ] as const)
      parents[name] = await one(
        label,
        `MATCH (b:${label})<-[:BENEFICIARY]-() RETURN b.id ORDER BY COUNT { (b)<-[:BENEFICIARY]-() } DESC, b.id LIMIT 1`,
      );
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

  const fields = filterFields();

  it('the fields taking a filter are derived from the schema and include the known ones', () => {
    expect(fields.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'Query.pairings',
        'Query.people',
        'Query.organizations',
        'Query.enterprises',
        'Query.households',
        'Query.students',
        'Query.adminUnits',
        'Query.programmes',
        'Query.projects',
        'Query.pairingGraph',
        'Query.egoNetwork',
        'Query.pairingMatrix',
        'Query.centrality',
        'Query.communities',
        'Exemplar.pairings',
        'PairingMatrixCell.pairings',
        'Organization.pairings',
        'Person.pairings',
        'Enterprise.pairings',
        'Programme.pairings',
        'AdminUnit.children',
        'AdminUnit.assistedBy',
        'Household.assistedBy',
        'Student.assistedBy',
      ]),
    );
  });

  it('NOT counts records whose field is null: 3031 pairings are not CITY, 821 people not BANNER, 刘显亮 38', async () => {
    const d = await data<Record<string, { totalCount: number }>>(
      `{ all: pairings { totalCount }
         notCity: pairings(filter: {NOT: {level: [CITY]}}) { totalCount }
         cityOrNot: pairings(filter: {OR: [{level: [CITY]}, {NOT: {level: [CITY]}}]}) { totalCount }
         people: people { totalCount }
         peopleNotBanner: people(filter: {NOT: {level: [BANNER]}}) { totalCount }
         organizations: organizations { totalCount }
         organizationsNotRank: organizations(filter: {NOT: {rank: [SECTION]}}) { totalCount }
         enterprises: enterprises { totalCount }
         enterprisesNotBanner: enterprises(filter: {NOT: {level: [BANNER]}}) { totalCount } }`,
    );
    expect(d.all.totalCount).toBe(3680);
    expect(d.notCity.totalCount).toBe(3031);
    expect(d.cityOrNot.totalCount).toBe(3680);
    expect(d.people.totalCount).toBe(821);
    expect(d.peopleNotBanner.totalCount).toBe(821);
    expect(d.organizationsNotRank.totalCount).toBe(d.organizations.totalCount);
    expect(d.enterprisesNotBanner.totalCount).toBe(d.enterprises.totalCount);
    expect(d.enterprises.totalCount).toBeGreaterThan(0);
    const e = await data<{
      exemplars: { edges: { node: { entity: { id: string }; pairings: { totalCount: number } } }[] };
    }>(
      `{ exemplars(first: 100) { edges { node { entity { id } pairings(filter: {NOT: {level: [CITY]}}) { totalCount } } } } }`,
    );
    const liu = e.exemplars.edges.find((x) => x.node.entity.id === LIU);
    expect(liu?.node.pairings.totalCount).toBe(38);
  });

  /** The filter input type of a field's `filter` argument. */
  const inputOf = (f: FieldRef) =>
    getNamedType(f.field.args.find((a) => a.name === 'filter')!.type) as GraphQLInputObjectType;

  // Analytics that recompute a network are slower: fewer runs, same laws.
  const RUNS: Record<string, number> = {
    'Query.centrality': 3,
    'Query.communities': 3,
    'Query.pairingGraph': 4,
    'Query.egoNetwork': 4,
  };

  it.each(fields.map((f) => [f.name, f] as const))(
    '%s obeys the laws of two-valued logic on random filters',
    async (_name, ref) => {
      const measure = measureOf(ref.field);
      const ask = reach(ref, parents, EXTRA_ARGS);
      const input = inputOf(ref);
      const arb = filterArbitrary(input, pools, 2);
      await fc.assert(
        fc.asyncProperty(arb, arb, async (F, G) => {
          const filters: Record<string, unknown> = {
            all: null,
            f: F,
            g: G,
            notF: { NOT: F },
            notNotF: { NOT: { NOT: F } },
            and: { AND: [F, G] },
            or: { OR: [F, G] },
            notAnd: { NOT: { AND: [F, G] } },
            orNots: { OR: [{ NOT: F }, { NOT: G }] },
            notOr: { NOT: { OR: [F, G] } },
            andNots: { AND: [{ NOT: F }, { NOT: G }] },
            excludedMiddle: { OR: [F, { NOT: F }] },
            contradiction: { AND: [F, { NOT: F }] },
          };
          const names = Object.keys(filters);
          const query =
            `query(${names.map((n) => `$${n}: ${input.name}`).join(', ')}) { ` +
            names.map((n) => ask(n, `filter: $${n}`, measure.selection)).join('\n') +
            ' }';
          const r = await data<Record<string, unknown>>(query, filters);
          expect(r.notNotF).toEqual(r.f);
          expect(r.notAnd).toEqual(r.orNots);
          expect(r.notOr).toEqual(r.andNots);
          expect(r.excludedMiddle).toEqual(r.all);
          expect(measure.empty(r.contradiction)).toBe(true);
          if (measure.additive) {
            const n = (k: string) => measure.additive!(r[k]);
            expect(n('f') + n('notF')).toBe(n('all'));
            expect(n('or')).toBe(n('f') + n('g') - n('and'));
            expect(n('notAnd')).toBe(n('all') - n('and'));
          }
        }),
        { numRuns: RUNS[ref.name] ?? 6, seed: Number(process.env.FC_SEED ?? 20261201), endOnFailure: true },
      );
    },
    300_000,
  );
});
