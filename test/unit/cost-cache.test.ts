import { buildASTSchema, parse, type DocumentNode } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { AppError } from '../../src/domain/errors';
import { loadTypeDefs } from '../../src/graphql/schema';
import { CostCache, pricedVariables } from '../../src/server/cost-cache';
import { fanOutEstimator, filterBoundsEstimator } from '../../src/server/plugins/use-query-cost';

/**
 * The cost cache must give, for every request, the cost the estimate would give: a document seen
 * again with the same cost-relevant variables is a hit, any variable an estimator reads is part of
 * the key, and only a node id or a cursor is not.
 */
describe('cost cache', () => {
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
  const bounds = { depth: 4, branches: 8, listValues: 3 };
  let estimates = 0;
  const price = (
    cache: CostCache,
    document: DocumentNode,
    variables: Record<string, unknown>,
    name?: string,
  ) =>
    cache.costOf(document, name, variables, () => {
      estimates++;
      return getComplexity({
        schema,
        query: document,
        variables,
        operationName: name,
        estimators: [filterBoundsEstimator(bounds), fanOutEstimator],
      });
    });
  beforeEach(() => (estimates = 0));

  const PAGE =
    parse(`query Page($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Organization {
    pairings(first: $first, after: $after) { edges { node { key beneficiary { name } } } } } } }`);

  it('prices a document sent again with the same variables once', () => {
    const cache = new CostCache();
    const vars = { id: 'T3JnYW5pemF0aW9uOmE', first: 20, after: null };
    expect(price(cache, PAGE, vars)).toBe(62);
    expect(price(cache, PAGE, { ...vars })).toBe(62);
    // another node and another page of the same list: the same price, not estimated again
    expect(price(cache, PAGE, { ...vars, id: 'T3JnYW5pemF0aW9uOmI', after: 'c2VhbGVk' })).toBe(62);
    expect([estimates, cache.hits, cache.misses]).toEqual([1, 2, 1]);
  });

  it('prices again per value of a variable the cost depends on: page sizes, id lists, @include', () => {
    const cache = new CostCache();
    // the same cost the estimate gives each time, never the first value's (a cache keyed by document only)
    for (const first of [5, 100, 5, 0, 100])
      expect(price(cache, PAGE, { id: 'x', first })).toBe(2 + first * 3);
    expect(estimates).toBe(3);
    const ids = parse(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`);
    expect(price(cache, ids, { ids: ['a'] })).toBe(1);
    expect(price(cache, ids, { ids: ['a', 'b', 'c'] })).toBe(3);
    const included = parse(`query($full: Boolean!, $id: ID!) { node(id: $id) { ... on Organization {
      name pairings(first: 50) @include(if: $full) { edges { node { key } } } } } }`);
    expect(price(cache, included, { full: false, id: 'x' })).toBe(1);
    expect(price(cache, included, { full: true, id: 'x' })).toBe(102);
    expect(price(cache, included, { full: false, id: 'y' })).toBe(1);
  });

  it('keeps the operations of one document apart', () => {
    const cache = new CostCache();
    const two = parse(
      `query A { pairings(first: 10) { edges { node { key } } } } query B { pairings { totalCount } }`,
    );
    expect(price(cache, two, {}, 'A')).toBe(21);
    expect(price(cache, two, {}, 'B')).toBe(1);
    expect(price(cache, two, {}, 'A')).toBe(21);
  });

  it('refuses a filter over its bounds every time, and prices a smaller one of the same document', () => {
    const cache = new CostCache();
    const filtered = parse(`query($f: PairingFilter) { pairings(filter: $f, first: 1) { totalCount } }`);
    const big = { f: { kind: ['ASSIST', 'ASSIST', 'ASSIST', 'ASSIST'] } };
    const refused = () => price(cache, filtered, big);
    expect(refused).toThrow(AppError);
    expect(refused).toThrow(/filter/);
    expect(price(cache, filtered, { f: { kind: ['ASSIST'] } })).toBeGreaterThan(1);
    expect(refused).toThrow(AppError);
    expect(estimates).toBe(2);
  });

  it('keeps nothing when the estimate fails otherwise (variables that do not coerce)', () => {
    const cache = new CostCache();
    expect(() => price(cache, PAGE, { id: 'x', first: 'many' })).toThrow();
    expect(() => price(cache, PAGE, { id: 'x', first: 'many' })).toThrow();
    expect(estimates).toBe(2);
  });

  it('leaves out only variables used as a whole id or cursor argument', () => {
    expect(pricedVariables(PAGE)).toEqual(['first']);
    expect(
      pricedVariables(
        parse(`query($id: ID!, $k: PairingKind!, $on: Date) { node(id: $id) { id }
          pairings(filter: { kind: [$k], activeOn: $on }) { totalCount } also: node(id: $k) { id } }`),
      ),
    ).toEqual(['k', 'on']);
  });
});
