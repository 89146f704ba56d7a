import { parse } from 'graphql';
import { planCacheOf } from '../../../src/graphql/execution';
import { toGlobalId } from '../../../src/graphql/ids';
import { executableSchema } from '../../../src/graphql/schema';
import { plannedStatements } from '../../support/plan-recorder';

/** The plan of a document is built once per (document text, operation name) and kept in a bounded LRU. */

const VILLAGE = `query VillagePage($id: ID!) { node(id: $id) { ... on AdminUnit { name kind parent { name }
  assistedBy(first: 20) { totalCount edges { node { level category helper { __typename name
    pairings(first: 5) { totalCount edges { node { beneficiary { name }
      projects(first: 3) { edges { node { name amountYuan } } } } } } } } } } } } }`;
const village = (key: string) => ({ id: toGlobalId('AdminUnit', key) });

describe('the plan cache', () => {
  it('serves the second identical request from cache: a hit, no shape built, the same statement', async () => {
    const schema = executableSchema({ planCacheSize: 10, planChecks: true });
    const cache = planCacheOf(schema);
    const first = await plannedStatements(schema, VILLAGE, village('v1'));
    expect([cache.hits, cache.misses, cache.size]).toEqual([0, 1, 1]);
    const built = cache.shapesBuilt;
    expect(built).toBeGreaterThan(0);

    const second = await plannedStatements(schema, VILLAGE, village('v1'));
    expect([cache.hits, cache.misses, cache.size]).toEqual([1, 1, 1]);
    expect(cache.shapesBuilt).toBe(built); // no planning spent
    expect(second.statements).toEqual(first.statements);
  });

  it('keys plans by document text and operation name, not by variables or parse', async () => {
    const schema = executableSchema({ planCacheSize: 10, planChecks: true });
    const cache = planCacheOf(schema);
    await plannedStatements(schema, VILLAGE, village('v1'));
    const built = cache.shapesBuilt;
    // other variables and a fresh parse of the same text: the same plan
    const other = await plannedStatements(schema, parse(VILLAGE), village('v2'));
    expect([cache.hits, cache.misses, cache.shapesBuilt]).toEqual([1, 1, built]);
    expect(other.statements[0].params.f0).toEqual(['v2']);
    // the same selection under another operation name is another document
    await plannedStatements(schema, VILLAGE.replace('VillagePage', 'VillagePage2'), village('v1'));
    expect([cache.hits, cache.misses, cache.size]).toEqual([1, 2, 2]);
  });

  it('holds at most PLAN_CACHE_SIZE plans, dropping the least recently used', async () => {
    const schema = executableSchema({ planCacheSize: 2, planChecks: true });
    const cache = planCacheOf(schema);
    for (const name of ['A', 'B', 'C']) {
      await plannedStatements(schema, VILLAGE.replace('VillagePage', name), village('v1'));
    }
    expect(cache.size).toBe(2);
    await plannedStatements(schema, VILLAGE.replace('VillagePage', 'A'), village('v1'));
    expect([cache.hits, cache.misses]).toEqual([0, 4]); // A was dropped
    await plannedStatements(schema, VILLAGE.replace('VillagePage', 'C'), village('v1'));
    expect([cache.hits, cache.misses]).toEqual([1, 4]);
  });

  it('keeps @skip/@include per value of their variables', async () => {
    const schema = executableSchema({ planCacheSize: 10, planChecks: true });
    const doc = `query Cond($id: ID!, $kids: Boolean!) { node(id: $id) { ... on AdminUnit { name
      children(first: 5) @include(if: $kids) { edges { node { name } } } } } }`;
    const withKids = await plannedStatements(schema, doc, { ...village('v1'), kids: true });
    const without = await plannedStatements(schema, doc, { ...village('v1'), kids: false });
    expect(withKids.statements[0].cypher).toContain('[:LOCATED_IN]-(n:AdminUnit)');
    expect(without.statements[0].cypher).not.toContain('[:LOCATED_IN]-(n:AdminUnit)');
    expect(planCacheOf(schema).size).toBe(1);
  });
});
