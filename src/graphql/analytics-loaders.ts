import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { AppError, badInput } from '../domain/errors';
import {
  childAreas,
  coverageSummaries,
  type CoverageModel,
  type CoverageSummary,
} from '../store/analytics/coverage.store';
import { pairingGraphs, type GraphOptions, type PairingGraphModel } from '../store/analytics/graph.store';
import { listCounts, listPages, type ListAnchor, type ListRequest } from '../store/analytics/lists';
import { observationDetails, type ObservationDetails } from '../store/analytics/observations.store';
import { ANALYTICS_PAIRINGS, COVERAGE_ITEMS } from '../store/analytics/specs';
import type { FilterInput } from '../store/reads/filter';
import { keysetOf, type ItemSpec, type NodeRow, type ParentKey } from '../store/reads/reads';
import { toConnection, toPage, type NodeConnection, type PageArgs } from './connections';
import type { Context } from './context';
import { fromGlobalIdOf, toGlobalId } from './ids';
import { selects } from './execution';
import { stableJson } from '../domain/stable-json';

/**
 * Request-scoped batching and argument checks for the analytics resolvers
 * (resolvers/analytics/). Nested analytics fields — coverage of child units, observation
 * details, exemplar networks, the drill-down lists of every cell — each cost one statement per
 * nesting level, whatever the number of parents.
 */

export const gid = (k: ParentKey) => toGlobalId(k.label, k.id);

/** An integer argument within bounds (the schema's defaults apply before this). */
export function intIn(
  v: number | null | undefined,
  fallback: number,
  argument: string,
  min: number,
  max: number,
) {
  const n = v ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badInput(`${argument} must be an integer from ${min} to ${max}, got ${n}`, { argument });
  }
  return n;
}

/** The store id of an `areaId` argument; NOT_FOUND when no administrative unit has it. */
export async function areaOf(areaId: string | null | undefined, ctx: Context): Promise<string | null> {
  if (areaId == null) return null;
  const key = fromGlobalIdOf(areaId, ['AdminUnit'], 'areaId');
  if (!(await ctx.loaders.node(key))) {
    throw new AppError('NOT_FOUND', 'areaId names no administrative unit', { argument: 'areaId' });
  }
  return key.id;
}

/** The two-string keyset of the quota and exemplar cursors. */
export function stringKeyset(from: [unknown, string] | null): [string, string] | null {
  if (from === null) return null;
  if (typeof from[0] !== 'string') {
    throw badInput('after is not a cursor returned by this connection', { argument: 'after' });
  }
  return [from[0], from[1]];
}

/** A node the graph just returned; its absence means it was deleted meanwhile. */
export async function requiredNode(ctx: Context, key: ParentKey): Promise<NodeRow> {
  const n = await ctx.loaders.node(key);
  if (!n) throw new AppError('NOT_FOUND', `${key.label} ${key.id} no longer exists`);
  return n;
}

/** This module's loaders, in the request's one registry (they die with the request). */
const loader = <K, V>(ctx: Context, id: string, make: () => DataLoader<K, V, string>) =>
  ctx.loaders.custom(`analytics|${id}`, make);

/** Loader key standing for "the whole graph" (no area). */
const ALL = '*';
const area = (k: string) => (k === ALL ? null : k);

export const coverageOf = (ctx: Context, c: CoverageModel): Promise<CoverageSummary | null> =>
  loader<string, CoverageSummary | null>(
    ctx,
    `coverage|${c.on}`,
    () => new DataLoader((keys) => coverageSummaries(ctx.gateway, keys.map(area), c.on)),
  ).load(c.areaId ?? ALL);

export const childrenOf = (ctx: Context, c: CoverageModel): Promise<string[]> =>
  loader<string, string[]>(
    ctx,
    'coverage.children',
    () => new DataLoader((keys) => childAreas(ctx.gateway, keys.map(area))),
  ).load(c.areaId ?? ALL);

export const detailsOf = (ctx: Context, observationId: string): Promise<ObservationDetails | null> =>
  loader<string, ObservationDetails | null>(
    ctx,
    'observationDetails',
    () => new DataLoader((ids) => observationDetails(ctx.gateway, ids)),
  ).load(observationId);

export { selects };

/** Whether a PairingGraph field's result needs node categories (`nodes { category }`). */
export const graphNeedsCategories = (info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>) =>
  selects(info, ['nodes', 'category']);

/** Pairing graphs of several root sets sharing options, one statement per batch. */
export const graphOf = (ctx: Context, o: GraphOptions, roots: ParentKey[]): Promise<PairingGraphModel> =>
  loader<ParentKey[], PairingGraphModel>(
    ctx,
    `graph|${stableJson(o)}`,
    () =>
      new DataLoader((sets) => pairingGraphs(ctx.gateway, sets, o), {
        cacheKeyFn: (k) => k.map(gid).join(','),
      }),
  ).load(roots);

/** The drill-down lists, by name (loaders are keyed by it). */
const LIST_ITEMS = { pairings: ANALYTICS_PAIRINGS, ...COVERAGE_ITEMS } as const satisfies Record<
  string,
  ItemSpec
>;
export type ListItem = keyof typeof LIST_ITEMS;

/**
 * Lists per statement. Neo4j plans a UNION of n arms in time growing with n (seconds for 20 arms
 * with subqueries, on a cold plan cache); batches of 5 keep each plan small, and batches of the
 * same shape share one cached plan (20 matrix cells = 4 statements, 1 plan).
 */
const LIST_BATCH = 5;

/**
 * A page of drill-down items under a filter, as a connection. All lists of one kind requested in
 * one tick (e.g. every matrix cell's pairings) share one statement, and so do their totalCounts.
 */
export async function nodeList(
  ctx: Context,
  item: ListItem,
  filter: FilterInput,
  args: PageArgs,
  o: { order?: string; anchor?: ListAnchor } = {},
): Promise<NodeConnection> {
  const order = o.order ?? 'KEY';
  // the list is the item under this filter, order and anchor (a drill-down's own filter)
  const cursors = ctx.cursors.scope(`drill-down ${item}`, { filter, order, anchor: o.anchor ?? null });
  const page = toPage(args, cursors);
  const pages = loader<ListRequest, NodeRow[]>(
    ctx,
    `list|${item}`,
    () =>
      new DataLoader<ListRequest, NodeRow[], string>(
        (reqs) => listPages(ctx.gateway, LIST_ITEMS[item], reqs),
        {
          cacheKeyFn: stableJson,
          maxBatchSize: LIST_BATCH,
        },
      ),
  );
  type CountRequest = Pick<ListRequest, 'filter' | 'anchor'>;
  const counts = loader<CountRequest, number>(
    ctx,
    `count|${item}`,
    () =>
      new DataLoader<CountRequest, number, string>(
        (reqs) => listCounts(ctx.gateway, LIST_ITEMS[item], reqs),
        {
          cacheKeyFn: stableJson,
          maxBatchSize: LIST_BATCH,
        },
      ),
  );
  const rows = await pages.load({ filter, order, page, anchor: o.anchor });
  return toConnection(rows, page, keysetOf, () => counts.load({ filter, anchor: o.anchor }), cursors);
}
