import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { Gateway } from '../../src/store/gateway';
import { testDriver } from '../support/harness';

/**
 * Gateway.read sends its statement as an auto-commit transaction in a READ session (one round
 * trip instead of three). These are the promises a managed read transaction kept, checked on a
 * real Neo4j: a read cannot write, it sees what was written before it, and its rows are the rows
 * a managed read transaction gets.
 */
describe('Gateway.read on Neo4j', () => {
  let driver: Driver;
  let gw: Gateway;
  const label = `GatewayProbe_${randomUUID().replace(/-/g, '')}`;
  beforeAll(() => {
    driver = testDriver();
    gw = new Gateway(driver, process.env.TEST_NEO4J_DATABASE ?? 'neo4j');
  });
  const clear = () => gw.write('probe.cleanup', `MATCH (n:${label}) DETACH DELETE n`);
  afterAll(async () => {
    await clear();
    await driver.close();
  });

  const count = async () => (await gw.read('probe.count', `MATCH (n:${label}) RETURN count(n) AS n`))[0].n;

  it.each([
    ['CREATE', `CREATE (:${label} {id: 'w'})`],
    ['MERGE', `MERGE (:${label} {id: 'w'})`],
    ['CREATE then RETURN', `CREATE (n:${label} {id: 'w'}) RETURN n.id AS id`],
    ['a write inside CALL', `CALL () { CREATE (:${label} {id: 'w'}) } RETURN 1 AS one`],
  ])('refuses a write (%s) and leaves the store unchanged', async (_, cypher) => {
    await expect(gw.read('probe.write', cypher)).rejects.toThrow(/read|access mode|not allowed/i);
    expect(await count()).toBe(0);
  });

  it('refuses SET and DELETE on a node that exists, which stays as it was', async () => {
    await gw.write('probe.create', `CREATE (:${label} {id: 'kept', v: 1})`);
    for (const cypher of [
      `MATCH (n:${label} {id: 'kept'}) SET n.v = 2`,
      `MATCH (n:${label} {id: 'kept'}) DETACH DELETE n`,
    ])
      await expect(gw.read('probe.write', cypher)).rejects.toThrow(/read|access mode|not allowed/i);
    expect(await gw.read('probe.get', `MATCH (n:${label}) RETURN n.id AS id, n.v AS v`)).toEqual([
      { id: 'kept', v: 1 },
    ]);
    await clear();
  });

  it('sees every write made before it, by either write path', async () => {
    for (let i = 0; i < 20; i++) {
      await gw.write('probe.create', `CREATE (:${label} {id: $id})`, { id: `a${i}` });
      await gw.writeTransaction('probe.tx', (run) =>
        run('create', `CREATE (:${label} {id: $id})`, { id: `b${i}` }),
      );
      expect(await count()).toBe(2 * (i + 1));
    }
    await clear();
  });

  it('answers the rows a managed read transaction answers, value types included', async () => {
    const cypher = `RETURN 1 AS int, 2.5 AS float, 'é帮扶' AS text, [1, 'a', null] AS list,
      {a: date('2013-04-16'), b: datetime('2013-04-16T08:00:00Z')} AS map, null AS nothing`;
    const managed = await gw.readTransaction('probe.managed', (run) => run('q', cypher));
    expect(await gw.read('probe.auto', cypher)).toEqual(managed);
    expect(managed).toEqual([
      {
        int: 1,
        float: 2.5,
        text: 'é帮扶',
        list: [1, 'a', null],
        map: expect.objectContaining({ a: expect.anything(), b: expect.anything() }),
        nothing: null,
      },
    ]);
  });

  it('a failed read names its cause, and stack traces stay on for the rest of the process', async () => {
    // Reads run the driver with V8's stack traces off for the synchronous call (withoutCallerStack).
    const limit = Error.stackTraceLimit;
    await expect(gw.read('probe.fail', 'RETURN 1 / $zero AS x', { zero: 0 })).rejects.toThrow(/by zero/i);
    await expect(gw.read('probe.syntax', 'RETURN nope')).rejects.toThrow(/Variable `nope` not defined/);
    expect(await gw.read('probe.ok', 'RETURN 1 AS one')).toEqual([{ one: 1 }]);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('after').stack).toMatch(/\n\s+at /);
  });
});
