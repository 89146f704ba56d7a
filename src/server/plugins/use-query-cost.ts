import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLNamedType,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError } from '../../domain/errors';
import { checkPageArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/connections';
import type { Context } from '../../graphql/context';
import { CostCache } from '../cost-cache';
import { checkFilterBounds, filterCost, measureFilter, type FilterBounds } from '../filter-bounds';
import { tooComplex } from '../query-limits';

/** Assumed length of a list that has no page-size argument (e.g. `citations`). */
export const UNPAGED_LIST_SIZE = 10;

const isConnection = (t: GraphQLCompositeType | { name: string }) => t.name.endsWith('Connection');

/**
 * Cost ≈ the objects an operation may fetch. A scalar costs nothing (it comes with its row); an
 * object costs 1 plus its selection; a connection costs 1 (its page or count query) plus its
 * page size (`first` or `last`, default 20, at most 100) times its selection; another list
 * costs its length (`nodes(ids:)`: the ids given, otherwise UNPAGED_LIST_SIZE) times 1 plus its
 * selection. So `pairings(first: 100) { edges { node { helper { pairings(first: 100) { edges {
 * node { key } } } } } } }` costs 20,401 — the fan-out is priced, not the text — while
 * `pairings { totalCount }` costs 1. A filter argument adds its size (filterCost) to the field's
 * own cost, so a filter inside a page is paid once per item of the page.
 */
export const fanOutEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const filters = filterArgs(field.args, args).reduce((c, [, v]) => c + filterCost(measureFilter(v)), 0);
  if (isConnection(named)) return 1 + filters + pageSize(args) * childComplexity;
  if (!isListType(getNullableType(field.type)) || isConnection(type)) return 1 + filters + childComplexity;
  const length = Array.isArray(args.ids) ? args.ids.length : UNPAGED_LIST_SIZE;
  return length * (1 + filters + childComplexity);
};

/** A filter input type: an input object with the AND/OR/NOT combinators. */
const isFilterInput = (t: GraphQLNamedType) =>
  isInputObjectType(t) && ['AND', 'OR', 'NOT'].every((k) => k in t.getFields());

/** The given arguments of a field whose type is a filter input, with their (coerced) values. */
function filterArgs(defs: readonly GraphQLArgument[], args: Record<string, unknown>): [string, unknown][] {
  return defs
    .filter((a) => isFilterInput(getNamedType(a.type)) && args[a.name] != null)
    .map((a) => [a.name, args[a.name]]);
}

/**
 * Refuses a filter argument over a bound (QUERY_TOO_COMPLEX naming the bound and `field.argument`).
 * It returns no estimate, so the next estimator prices the field; it runs for every field of the
 * operation with its arguments coerced from the variables, so inline and variable filters are
 * bounded alike.
 */
export function filterBoundsEstimator(bounds: FilterBounds): ComplexityEstimator {
  return ({ field, args }) => {
    for (const [name, value] of filterArgs(field.args, args))
      checkFilterBounds(measureFilter(value), bounds, `${field.name}.${name}`);
    return undefined;
  };
}

/**
 * Refuses a connection's paging arguments (first/last out of range, both directions) as toPage
 * would at execution. Used for mutations only: a mutation field writes before its payload's
 * selection runs, so a page size its selection gets wrong must refuse the request before anything
 * is written, not fail after the write with the field answering null.
 */
export const pageArgsEstimator: ComplexityEstimator = ({ field, args }) => {
  if (isConnection(getNamedType(field.type))) checkPageArgs(args);
  return undefined;
};

function pageSize(args: Record<string, unknown>): number {
  const n =
    typeof args.first === 'number'
      ? args.first
      : typeof args.last === 'number'
        ? args.last
        : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(n, 0), MAX_PAGE_SIZE);
}

/**
 * Refuses an operation whose estimated cost exceeds `maxCost` with QUERY_TOO_COMPLEX (HTTP 400),
 * after the operation is resolved and before it executes, so no Cypher runs. It needs the
 * variables (page sizes may be variables), so it is a plugin rather than a cached validation
 * rule. Variables that do not coerce are left to execution, which reports them as
 * BAD_USER_INPUT before any resolver runs. Prices are kept per document and cost-relevant
 * variables (`costs`, cost-cache.ts): a document sent again is not walked again.
 */
export function useQueryCost(
  maxCost: number,
  filterBounds: FilterBounds,
  costs: CostCache = new CostCache(),
): ApolloServerPlugin<Context> {
  const estimators = [filterBoundsEstimator(filterBounds), fanOutEstimator];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          let cost: number;
          try {
            const variables = request.variables ?? {};
            cost = costs.costOf(document, request.operationName, variables, () =>
              getComplexity({
                schema,
                query: document,
                variables,
                operationName: request.operationName ?? undefined,
                estimators:
                  operation?.operation === 'mutation' ? [pageArgsEstimator, ...estimators] : estimators,
              }),
            );
          } catch (e) {
            if (e instanceof AppError)
              throw new GraphQLError(e.message, { extensions: { http: { status: 400 } }, originalError: e });
            if (e instanceof GraphQLError && /maximum allowed number of nodes/.test(e.message))
              cost = Infinity;
            else return;
          }
          if (cost > maxCost) {
            const message = `the operation's estimated cost ${Number.isFinite(cost) ? cost : '(too many fields to count)'} exceeds the limit of ${maxCost}: ask for smaller pages or fewer nested lists`;
            throw new GraphQLError(message, {
              extensions: { http: { status: 400 } },
              originalError: tooComplex(
                message,
                'cost',
                maxCost,
                Number.isFinite(cost) ? { found: cost } : {},
              ),
            });
          }
        },
      };
    },
  };
}
