import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type GraphQLCompositeType,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/connections';
import type { Context } from '../../graphql/context';
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
 * `pairings { totalCount }` costs 1.
 */
export const fanOutEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  if (isConnection(named)) return 1 + pageSize(args) * childComplexity;
  if (!isListType(getNullableType(field.type)) || isConnection(type)) return 1 + childComplexity;
  const length = Array.isArray(args.ids) ? args.ids.length : UNPAGED_LIST_SIZE;
  return length * (1 + childComplexity);
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
 * BAD_USER_INPUT before any resolver runs.
 */
export function useQueryCost(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [fanOutEstimator],
            });
          } catch (e) {
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
