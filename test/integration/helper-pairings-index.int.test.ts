import fc from 'fast-check';
import { OPERATIONS, type Fixtures } from '../../bench/operations';
import { analyticsConfig } from '../../src/config/analytics-config';
import { executableSchema } from '../../src/graphql/schema';
import { AnalyticsEngine } from '../../src/store/analytics/analytics-engine';
import type { Driver } from 'neo4j-driver';
import { HELPER_KEY } from '../../src/store/derived-props';
import { Gateway, type Row } from '../../src/store/gateway';
import { helperKeysFromRelationships } from '../../src/store/migrations/helper-keys';
import { migrate } from '../../src/store/migrations/migrations';
import { fetchAround, type Fetch, type ParentKey } from '../../src/store/reads/reads';
import { ITEMS, RELS } from '../../src/store/reads/specs';
import { toNeo4jParams } from '../../src/store/values';
import type { Label } from '../../src/domain/model';
import type { Page } from '../../src/domain/page';
import { testDriver } from '../support/harness';
import { helperKeyDisagreements } from '../support/helper-keys';
import { plannedStatements } from '../support/plan-recorder';

/**
 * A helper's pairings in key order come from the composite index (helper key, id) instead of
 * expanding and sorting all of them (src/store/derived-props.ts): on the seed graph the pages are
 * exactly those of the expansion, for every helper, filter, page size, direction and cursor; the
 * planner reads them from the index; and the migration keys pairings that an older version wrote.
 */
describe("a helper's pairings through the (helper key, id) index", () => {
  let driver: Driver;
  let gw: Gateway;
  let helpers: ParentKey[];
  beforeAll(async () => {
    driver = testDriver();
    gw = new Gateway(driver, process.env.TEST_NEO4J_DATABASE ?? 'neo4j');
    helpers = (
      await gw.read(
        't.helpers',
        'MATCH (h) WHERE (h:Organization OR h:Person OR h:Enterprise) AND EXISTS { (h)<-[:HELPER]-() } ' +
          'RETURN labels(h)[0] AS label, h.id AS id ORDER BY label, id',
      )
    ).map((r) => ({ label: r.label as Label, id: String(r.id) }));
  });
  afterAll(() => driver.close());

  const count = async (cypher: string) => Number((await gw.read('t.count', cypher))[0].n);

  it('every pairing of the seeded store carries the key of its helper', async () => {
    expect(await helperKeyDisagreements(gw)).toEqual([]);
    expect(await count(`MATCH (p:Pairing) WHERE p.${HELPER_KEY} IS NOT NULL RETURN count(p) AS n`)).toBe(
      await count('MATCH (p:Pairing) WHERE EXISTS { (p)-[:HELPER]->() } RETURN count(p) AS n'),
    );
  });

  const pageOf = (keyed: boolean, filter: Record<string, unknown> | null, page: Page): Fetch => ({
    kind: 'page',
    rel: keyed ? RELS.helperPairings : { ...RELS.helperPairings, keyed: undefined },
    item: ITEMS.Pairing,
    filter,
    order: 'KEY',
    page,
    props: ['id', 'kind', 'validFrom'],
  });

  it('pages equal those of expanding the relationships: every helper, filter, size, direction and cursor', async () => {
    const ids = (await gw.read('t.ids', 'MATCH (p:Pairing) RETURN p.id AS id ORDER BY id')).map((r) =>
      String(r.id),
    );
    expect(helpers.length).toBeGreaterThan(100);
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Record<string, unknown> | null>(
          null,
          { kind: ['ASSIST'] },
          { activeOn: '2013-04-16' },
          { kind: ['ASSIST'], activeOn: '2013-04-16' },
          { level: ['CITY', 'BANNER'], category: ['AGENCY'] },
          { kind: ['SPONSOR', 'STATIONED'] },
        ),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom<'forward' | 'backward'>('forward', 'backward'),
        fc.option(fc.integer({ min: 0, max: ids.length - 1 }), { nil: null }),
        async (filter, limit, direction, at) => {
          const page: Page = { direction, limit, from: at === null ? null : [ids[at], ids[at]] };
          const [keyed, expanded] = await Promise.all([
            fetchAround(gw, 't.keyed', helpers, [pageOf(true, filter, page)]),
            fetchAround(gw, 't.expanded', helpers, [pageOf(false, filter, page)]),
          ]);
          expect(keyed).toEqual(expanded);
          rows += keyed.reduce((n, [v]) => n + (v as unknown[]).length, 0);
        },
      ),
      { numRuns: 25, seed: 20261202 },
    );
    expect(rows).toBeGreaterThan(1000);
  }, 120_000);

  it('the planner seeks the index for the page and expands no HELPER relationship', async () => {
    const sent: { cypher: string; params: Record<string, unknown> }[] = [];
    const recording = new (class extends Gateway {
      override read(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
        sent.push({ cypher, params });
        return super.read(name, cypher, params);
      }
    })(driver, gw.database);
    const page: Page = { direction: 'forward', limit: 20, from: null };
    await fetchAround(recording, 't.plan', helpers.slice(0, 3), [
      pageOf(true, { kind: ['ASSIST'], activeOn: '2013-04-16' }, page),
    ]);
    const operators = await operatorsOf(sent[0]);
    expect(
      operators.filter((o) => o.startsWith('NodeIndexSeek') && o.includes(`Pairing(${HELPER_KEY}, id)`)),
    ).toHaveLength(1);
    expect(operators.filter((o) => o.includes(':HELPER'))).toEqual([]);
  });

  it("the village page counts each helper's pairings by its degree and pages them by the index", async () => {
    const analytics = new AnalyticsEngine(analyticsConfig({ ANALYTICS_THREADS: 1 }));
    try {
      const village = OPERATIONS.find((o) => o.name === 'villagePage')!.ours({
        village: 'au:chenghao',
      } as Fixtures);
      const { statements } = await plannedStatements(executableSchema(), village.query, village.variables, {
        analytics,
      });
      expect(statements).toHaveLength(1);
      const operators = await operatorsOf(statements[0]);
      // from a pairing to its helper is one step; from a helper to all its pairings is what must not happen
      expect(operators.filter((o) => /\)<-\[\w+:HELPER\]-\(/.test(o))).toEqual([]);
      expect(operators.filter((o) => o.includes('getDegree((p)<-[:HELPER]-())'))).not.toEqual([]);
    } finally {
      await analytics.close();
    }
  });

  /** The operators of a statement's plan, as "Operator details", from EXPLAIN (nothing runs). */
  async function operatorsOf(s: { cypher: string; params: Record<string, unknown> }): Promise<string[]> {
    const { summary } = await driver.executeQuery(
      `EXPLAIN ${s.cypher}`,
      toNeo4jParams(s.params) as Record<string, unknown>,
      { database: gw.database },
    );
    const operators: string[] = [];
    const walk = (p: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
      operators.push(`${p.operatorType.split('@')[0]} ${String(p.arguments.Details ?? '')}`);
      p.children.forEach((c) => walk(c as typeof p));
    };
    walk(summary.plan as never);
    return operators;
  }

  it('the migration keys pairings whose key is missing or stale, in batches, then has nothing to do', async () => {
    const [missing, stale] = [
      (await gw.read('t.m', 'MATCH (p:Pairing) RETURN p.id AS id ORDER BY id LIMIT 7')).map((r) => r.id),
      (await gw.read('t.s', 'MATCH (p:Pairing) RETURN p.id AS id ORDER BY id DESC LIMIT 6')).map((r) => r.id),
    ];
    await gw.write('t.unkey', `UNWIND $ids AS id MATCH (p:Pairing {id: id}) REMOVE p.${HELPER_KEY}`, {
      ids: missing,
    });
    await gw.write(
      't.stale',
      `UNWIND $ids AS id MATCH (p:Pairing {id: id}) SET p.${HELPER_KEY} = 'Organization:gone'`,
      {
        ids: stale,
      },
    );
    try {
      expect(await helperKeyDisagreements(gw, 100)).toHaveLength(13);
      const report = await migrate(gw, { batchSize: 5 });
      expect(report.helperKeys).toBe(13);
      expect(await helperKeyDisagreements(gw)).toEqual([]);
      expect((await migrate(gw)).helperKeys).toBe(0);
    } finally {
      await helperKeysFromRelationships(gw);
    }
  });
});
