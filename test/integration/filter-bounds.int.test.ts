import { getNamedType, getNullableType, isEnumType, isListType, type GraphQLInputObjectType } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { AppError } from '../../src/domain/errors';
import type { Label } from '../../src/domain/model';
import { toGlobalId } from '../../src/graphql/ids';
import { Gateway } from '../../src/store/gateway';
import { filterFields, reach } from '../support/filter-targets';
import { startTestServer, testDriver, type TestServer } from '../support/harness';

/**
 * Filter size is bounded before anything runs (QUERY_TOO_COMPLEX naming the bound), for every
 * field that takes a filter, inline and in a variable; and the request deadline holds even when
 * Neo4j is still busy with a statement it cannot stop (planning a large predicate).
 */
describe('filter bounds', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ hardening: { maxTokens: 100_000, maxBodyBytes: 1_000_000 } });
  });
  afterAll(() => s.close());

  /** A parent id of the right kind for every nested field (never looked up: refused first). */
  const parents = Object.fromEntries(
    filterFields()
      .filter((f) => f.parent.getInterfaces().some((i) => i.name === 'Node'))
      .map((f) => [f.name, toGlobalId(f.parent.name as Label, 'x')]),
  );
  const extra: Record<string, string> = {
    'Query.pairingGraph': 'rootIds: ["x"]',
    'Query.egoNetwork': 'id: "x"',
    'Query.timeline': 'from: "2013-01-01", to: "2013-12-31"',
  };
  const level = '{level: [CITY]}';
  /** Filter text over each bound (defaults 5 / 32 / 20), with what the refusal must name. */
  const OVER = {
    filterDepth: { found: 6, max: 5, text: (leaf: string) => `${'{NOT: '.repeat(6)}${leaf}${'}'.repeat(6)}` },
    filterBranches: {
      found: 33,
      max: 32,
      text: (leaf: string) => `{OR: [${Array(33).fill(leaf).join(', ')}]}`,
    },
  };
  /** A leaf of each filter input type with a list of 21 values (over MAX_FILTER_LIST_VALUES). */
  const enumList = (t: GraphQLInputObjectType, n: number) => {
    const list = Object.values(t.getFields()).find((f) => isListType(getNullableType(f.type)))!;
    const values = getNamedType(list.type);
    if (!isEnumType(values)) throw new Error(`${t.name}.${list.name}: expected a list of an enum`);
    return `{${list.name}: [${Array(n).fill(values.getValues()[0].name).join(', ')}]}`;
  };
  const longList = (t: GraphQLInputObjectType) => enumList(t, 21);
  const leafOf = (t: GraphQLInputObjectType) => enumList(t, 1);

  it.each(filterFields().map((f) => [f.name, f] as const))(
    '%s: a filter over each bound is refused before any Cypher, inline and as a variable',
    async (_name, ref) => {
      const ask = reach(ref, parents, extra);
      const input = getNamedType(
        ref.field.args.find((a) => a.name === 'filter')!.type,
      ) as GraphQLInputObjectType;
      const cases: [string, number, number, string][] = [
        ['filterDepth', OVER.filterDepth.found, OVER.filterDepth.max, OVER.filterDepth.text(leafOf(input))],
        [
          'filterBranches',
          OVER.filterBranches.found,
          OVER.filterBranches.max,
          OVER.filterBranches.text(leafOf(input)),
        ],
        ['filterListValues', 21, 20, longList(input)],
      ];
      for (const [limit, found, max, text] of cases) {
        const before = await s.cypherCount();
        const inline = await s.gql(`{ ${ask('a', `filter: ${text}`, '{ __typename }')} }`);
        // the same filter as a variable: GraphQL input text → JSON via a throwaway parse
        const asJson = JSON.parse(
          text
            .replace(/([A-Za-z]+):/g, '"$1":')
            .replace(/\[([A-Z_, ]+)\]/g, (_m, xs: string) =>
              JSON.stringify(xs.split(',').map((x) => x.trim())),
            ),
        );
        const variable = await s.gql(
          `query($f: ${input.name}) { ${ask('a', 'filter: $f', '{ __typename }')} }`,
          {
            f: asJson,
          },
        );
        for (const r of [inline, variable]) {
          expect(r.status).toBe(400);
          expect(r.body.errors).toHaveLength(1);
          expect(r.body.errors![0].extensions).toMatchObject({
            code: 'QUERY_TOO_COMPLEX',
            limit,
            max,
            found,
            argument: `${ref.field.name}.filter`,
          });
        }
        expect(await s.cypherCount()).toBe(before);
      }
    },
  );

  it("refuses the issue's 150-branch OR inline and its 1000 branches in a variable", async () => {
    const inline = await s.gql(
      `{ pairings(filter: {OR: [${Array(150).fill(level).join(', ')}]}) { totalCount } }`,
    );
    expect(inline.status).toBe(400);
    expect(inline.body.errors![0]).toMatchObject({
      message:
        'pairings.filter has 150 AND/OR/NOT branches, more than the limit of 32 (MAX_FILTER_BRANCHES): split it into several requests',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'filterBranches', max: 32, found: 150 },
    });
    const variable = await s.gql('query($f: PairingFilter) { pairings(filter: $f) { totalCount } }', {
      f: {
        OR: Array.from({ length: 1000 }, (_, i) => ({
          level: ['CITY'],
          areaId: toGlobalId('AdminUnit', `au:${i}`),
        })),
      },
    });
    expect(variable.body.errors![0].extensions).toMatchObject({ limit: 'filterBranches', found: 1000 });
  });

  it('a filter at the bounds runs, and its size raises the cost', async () => {
    const at = await s.gql(
      `{ pairings(filter: {OR: [${Array(32).fill(level).join(', ')}]}) { totalCount } }`,
    );
    expect(at.body).toEqual({ data: { pairings: { totalCount: 649 } } });
    const cheap = await startTestServer({ hardening: { maxCost: 40 } });
    try {
      const r = await cheap.gql(
        `{ pairings(filter: {OR: [${Array(20).fill(level).join(', ')}]}) { totalCount } }`,
      );
      expect(r.body.errors![0].extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'cost',
        found: 41,
      });
      const ok = await cheap.gql(
        `{ pairings(filter: {OR: [${Array(19).fill(level).join(', ')}]}) { totalCount } }`,
      );
      expect(ok.body).toEqual({ data: { pairings: { totalCount: 649 } } });
    } finally {
      await cheap.close();
    }
  });
});

describe('the request deadline holds while Neo4j is busy', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(() => driver.close());

  /**
   * A read Neo4j spends seconds planning (its transaction timeout is not checked meanwhile). 300
   * clauses, not 150: once Neo4j's JIT is warm (late in a full run) 150 were planned within the
   * 1 s deadline and the read answered. On a fast host (12-04) 300 clauses took 1,026–2,250 ms to
   * plan and a full run answered one within 1 s too, so the deadline is now 400 ms. The marker is
   * a property name, so no cached plan applies.
   */
  const DEADLINE_MS = 400;
  function slowRead(marker: string): [string, Record<string, unknown>] {
    const params: Record<string, unknown> = {};
    const parts: string[] = [`n.\`${marker}\` IS NULL`];
    for (let i = 0; i < 300; i++) {
      params[`f${i}`] = [`V${i}`];
      parts.push(`(n.level IN $f${i} AND n.kind IN $f${i})`);
    }
    return [`MATCH (n:Pairing) WHERE ${parts.join(' OR ')} RETURN count(n) AS c`, params];
  }

  const running = async (marker: string) =>
    (
      await driver.executeQuery(
        `SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $m AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n`,
        { m: marker },
      )
    ).records[0].get('n') as unknown as { toNumber(): number };

  it('answers TIMEOUT at the deadline and terminates the statement still running', async () => {
    const marker = `slow-${Date.now()}`;
    const gw = new Gateway(driver, process.env.TEST_NEO4J_DATABASE ?? 'neo4j').withObserver(
      { onQuery: () => undefined },
      { deadline: Date.now() + DEADLINE_MS },
    );
    const t0 = Date.now();
    const [cypher, params] = slowRead(marker);
    const error = await gw.read('slow', cypher, params).then(
      () => null,
      (e: unknown) => e,
    );
    const elapsed = Date.now() - t0;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TIMEOUT');
    expect(elapsed).toBeLessThan(DEADLINE_MS + 400);
    // the transaction is terminated: it leaves Neo4j's list of transactions soon after
    let gone = Infinity;
    for (let i = 0; i < 60; i++) {
      if (Number(await running(marker)) === 0) {
        gone = Date.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(gone).toBeLessThan(15_000);
  }, 30_000);
});
