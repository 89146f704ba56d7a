import { buildASTSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { AppError } from '../../src/domain/errors';
import { loadTypeDefs } from '../../src/graphql/schema';
import { checkFilterBounds, measureFilter } from '../../src/server/filter-bounds';
import { fanOutEstimator, filterBoundsEstimator } from '../../src/server/plugins/use-query-cost';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
const cost = (query: string, variables = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [fanOutEstimator] });
const leaves = (n: number) => Array.from({ length: n }, () => ({ level: ['CITY'] }));

describe('filter size', () => {
  it('counts nesting, branches, predicates and the longest list', () => {
    expect(measureFilter({ level: ['CITY', 'BANNER'] })).toEqual({
      depth: 0,
      branches: 0,
      predicates: 1,
      longestList: 2,
    });
    expect(
      measureFilter({
        kind: ['ASSIST'],
        OR: [{ level: ['CITY'] }, { NOT: { category: ['AGENCY', 'ENTERPRISE', 'LEADING_CADRE'] } }],
      }),
    ).toEqual({ depth: 2, branches: 3, predicates: 3, longestList: 3 });
  });

  it('measures a 100,000-level NOT chain without overflowing the stack', () => {
    let f: Record<string, unknown> = { level: ['CITY'] };
    for (let i = 0; i < 100_000; i++) f = { NOT: f };
    expect(measureFilter(f)).toMatchObject({ depth: 100_000, branches: 100_000 });
  });

  it('refuses each bound with QUERY_TOO_COMPLEX naming it and the argument', () => {
    const b = { depth: 5, branches: 32, listValues: 20 };
    const refusal = (f: unknown) => {
      try {
        checkFilterBounds(measureFilter(f), b, 'pairings.filter');
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return { code: (e as AppError).code, ...(e as AppError).details };
      }
    };
    expect(refusal({ OR: leaves(32) })).toBeNull();
    expect(refusal({ OR: leaves(33) })).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'filterBranches',
      max: 32,
      found: 33,
      argument: 'pairings.filter',
    });
    let deep: unknown = { level: ['CITY'] };
    for (let i = 0; i < 6; i++) deep = { NOT: deep };
    expect(refusal(deep)).toMatchObject({ limit: 'filterDepth', max: 5, found: 6 });
    expect(refusal({ level: Array(20).fill('CITY') })).toBeNull();
    expect(refusal({ level: Array(21).fill('CITY') })).toMatchObject({
      limit: 'filterListValues',
      max: 20,
      found: 21,
    });
  });
});

describe('filter cost', () => {
  it('adds one per sub-filter and per predicate, once per time the field runs', () => {
    expect(cost('{ pairings { totalCount } }')).toBe(1);
    expect(cost('{ pairings(filter: {level: [CITY]}) { totalCount } }')).toBe(2);
    // 150 branches of one predicate: 1 + 150 + 150
    expect(
      cost('query($f: PairingFilter) { pairings(filter: $f) { totalCount } }', { f: { OR: leaves(150) } }),
    ).toBe(301);
    // inside a page of 100 organizations, the filter is paid 100 times: 1 + 100 × (1 + 1 + (1 + 2))
    expect(
      cost(
        '{ organizations(first: 100) { edges { node { pairings(filter: {NOT: {level: [CITY]}}) { totalCount } } } } }',
      ),
    ).toBe(cost('{ organizations(first: 100) { edges { node { pairings { totalCount } } } } }') + 100 * 2);
    expect(
      cost('query($f: PairingFilter) { centrality(filter: $f) { nodeCount } }', { f: { AND: leaves(3) } }),
    ).toBe(cost('{ centrality { nodeCount } }') + 6);
  });

  it('the bounds estimator checks filters given in variables and inline alike', () => {
    const bounded = (query: string, variables = {}) =>
      getComplexity({
        schema,
        query: parse(query),
        variables,
        estimators: [filterBoundsEstimator({ depth: 5, branches: 32, listValues: 20 }), fanOutEstimator],
      });
    const inline = `{ pairings(filter: {OR: [${leaves(33)
      .map(() => '{level: [CITY]}')
      .join(', ')}]}) { totalCount } }`;
    expect(() => bounded(inline)).toThrow(
      'pairings.filter has 33 AND/OR/NOT branches, more than the limit of 32',
    );
    expect(() =>
      bounded(
        'query($f: PairingFilter) { node(id: "x") { ... on Person { pairings(filter: $f) { totalCount } } } }',
        {
          f: { OR: leaves(33) },
        },
      ),
    ).toThrow('pairings.filter has 33 AND/OR/NOT branches');
  });
});
