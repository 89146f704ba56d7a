import neo4j, { type Driver } from 'neo4j-driver';
import { toGlobalId } from '../../src/graphql/ids';
import { INTEGER_PROPERTIES } from '../../src/store/migrations/integer-properties';
import { migrate } from '../../src/store/migrations/migrations';
import { startTestServer, testDriver, type TestServer } from '../support/harness';

/**
 * Integer properties are Neo4j INTEGERs: as written (seed, and every write through the gateway),
 * after the migration that converts stores where older versions left FLOATs, and beyond 2^53,
 * where the API refuses rather than rounds.
 */
describe('integer properties stored as INTEGER', () => {
  let s: TestServer;
  let driver: Driver;
  beforeAll(async () => {
    s = await startTestServer();
    driver = testDriver();
  });
  afterAll(async () => {
    await driver.close();
    await s.close();
  });

  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params)).records[0].get(0).toNumber() as number;

  /** FLOAT values of every integer property, by `Label.prop`, non-zero only. */
  async function floats(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const { label, prop } of INTEGER_PROPERTIES) {
      const n = await count(`MATCH (n:${label}) WHERE n.${prop} IS :: FLOAT NOT NULL RETURN count(n)`);
      if (n > 0) out[`${label}.${prop}`] = n;
    }
    return out;
  }

  it('the seeded store holds every integer property as INTEGER, none as FLOAT', async () => {
    expect(INTEGER_PROPERTIES.map((p) => `${p.label}.${p.prop}`)).toEqual(
      expect.arrayContaining(['Project.amountYuan', 'Event.brochures', 'Budget.year', 'Budget.amountYuan']),
    );
    expect(await floats()).toEqual({});
    for (const [label, prop] of [
      ['Project', 'amountYuan'],
      ['Event', 'brochures'],
      ['Budget', 'amountYuan'],
      ['Budget', 'year'],
    ]) {
      expect(
        await count(`MATCH (n:${label}) WHERE n.${prop} IS :: INTEGER NOT NULL RETURN count(n)`),
      ).toBeGreaterThan(0);
    }
  });

  it('the migration converts FLOATs an older version wrote, in batches, once; sums stay exact', async () => {
    const sums = async () =>
      (
        await driver.executeQuery(
          `MATCH (e:Event) WITH sum(e.brochures) AS b
           MATCH (j:Project) WITH b, sum(j.amountYuan) AS y
           RETURN b, y, b IS :: INTEGER NOT NULL AND y IS :: INTEGER NOT NULL AS exact`,
        )
      ).records[0].toObject() as { b: unknown; y: unknown; exact: boolean };
    const before = await sums();
    expect(before.exact).toBe(true);
    expect(String(before.b)).toBe('257839'); // the report's 257839 brochures
    // an old store: the same values as FLOAT, and one value no INTEGER can hold exactly
    const events = await count('MATCH (e:Event) SET e.brochures = toFloat(e.brochures) RETURN count(e)');
    const projects = await count(
      'MATCH (j:Project) WHERE j.amountYuan IS NOT NULL SET j.amountYuan = toFloat(j.amountYuan) RETURN count(j)',
    );
    await driver.executeQuery("CREATE (:Budget {id: 'test:int:half', name: 'test', amountYuan: 2.5})");
    try {
      expect(await floats()).toEqual({
        'Event.brochures': events,
        'Project.amountYuan': projects,
        'Budget.amountYuan': 1,
      });
      const r = await migrate(s.gateway, { batchSize: 7 });
      expect(r.integers.converted).toEqual(
        expect.arrayContaining([
          { label: 'Event', prop: 'brochures', count: events },
          { label: 'Project', prop: 'amountYuan', count: projects },
        ]),
      );
      expect(r.integers.converted).toHaveLength(2);
      expect(r.integers.refused).toEqual([{ label: 'Budget', prop: 'amountYuan', count: 1 }]);
      expect(await floats()).toEqual({ 'Budget.amountYuan': 1 }); // only the one that is not whole
      expect(await sums()).toEqual(before);
    } finally {
      await driver.executeQuery("MATCH (b:Budget {id: 'test:int:half'}) DELETE b");
    }
    expect(await floats()).toEqual({});
    const again = await migrate(s.gateway);
    expect(again.integers).toEqual({ converted: [], refused: [] });
  });

  it('beyond 2^53: refused on the way in, and refused clearly on the way out — never rounded', async () => {
    const big = '9007199254740993'; // 2^53 + 1: as a FLOAT it would read 9007199254740992
    await expect(s.gateway.write('test.big', 'RETURN $n AS n', { n: 2 ** 53 + 2 })).rejects.toThrow(
      /beyond ±\(2\^53 − 1\)/,
    );
    const id = 'test:int:big';
    await driver.executeQuery('CREATE (:Project {id: $id, name: $id, amountYuan: $v})', {
      id,
      v: neo4j.int(big),
    });
    try {
      expect(
        await count('MATCH (j:Project {id: $id}) WHERE j.amountYuan IS :: INTEGER NOT NULL RETURN count(j)', {
          id,
        }),
      ).toBe(1);
      const { body } = await s.gql(
        'query($id: ID!) { node(id: $id) { ... on Project { name amountYuan } } }',
        { id: toGlobalId('Project', id) },
      );
      expect(body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(body.errors?.[0].message).toContain(big);
      expect(body.errors?.[0].message).toMatch(/2\^53 − 1.*refused rather than rounded/);
      // the value next to it in the store is still exact and readable
      const { body: ok } = await s.gql('{ projects(first: 1) { edges { node { amountYuan } } } }');
      expect(ok.errors).toBeUndefined();
    } finally {
      await driver.executeQuery('MATCH (j:Project {id: $id}) DELETE j', { id });
    }
  });
});
