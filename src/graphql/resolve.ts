import type { GraphQLResolveInfo } from 'graphql';
import { OPEN_END, type Label } from '../domain/model';
import { keysetOf, type NodeRow } from '../store/reads/reads';
import { ITEMS, type ItemName, type RelName } from '../store/reads/specs';
import { toConnection, toPage, type NodeConnection, type PageArgs } from './connections';
import type { Context } from './context';
import { relationCursors } from './cursors';
import { toGlobalId } from './ids';
import { whenReady } from './loaders';
import { fieldPlanOf, pagePlan, prefetches, readsProps } from './execution';
import { viewerOf } from './mutate';
import { checkVisibleFilter, visibleOrder } from './personal-lists';
import { decodeFilter } from './resolve-filter';

export { decodeFilter };

/** Shared field resolvers; each resolver module composes these. */

/** The store key of a row, as loaders take it. */
export const keyOfRow = (row: NodeRow) => ({ label: row.__label, id: row.id });

/** `id` and `key` of every Node. */
export const nodeFields = {
  id: readsProps((row: NodeRow) => toGlobalId(row.__label, row.id), []),
  key: readsProps((row: NodeRow) => row.id, []),
};

/** The Entity interface's fields beyond the stored properties. */
export const entityFields = {
  ...nodeFields,
  aliases: readsProps(
    (row: NodeRow) => (Array.isArray(row.aliases) ? (row.aliases as string[]) : []),
    ['aliases'],
  ),
  citations: relatedAll('citations'),
};

export interface ListArgs extends PageArgs {
  filter?: object | null;
  orderBy?: string | null;
}

/**
 * A resolver for a nested connection: one page per parent, batched per (field, arguments), with
 * what its selection nests fetched in the same statement (execution/planner.ts) unless a parent's
 * statement already fetched it.
 */
export function relatedConnection(rel: RelName, item: ItemName) {
  const resolve = (
    row: NodeRow,
    args: ListArgs,
    ctx: Context,
    info?: GraphQLResolveInfo,
  ): NodeConnection | Promise<NodeConnection> =>
    settled(() => {
      const parent = keyOfRow(row);
      const label = ITEMS[item].label as Label;
      const viewer = viewerOf(ctx);
      checkVisibleFilter(viewer, label, args.filter);
      const order = visibleOrder(viewer, label, args.orderBy ?? 'KEY');
      // a cursor pages the list of one parent, under one order and filter
      const cursors = relationCursors(ctx.cursors, rel, parent, args.filter, order);
      const page = toPage(args, cursors);
      const filter = decodeFilter(args.filter);
      // the plan is made once per field and request (its ids are this page's, from the same arguments)
      const plan = (info && fieldPlanOf(info, ctx, parent)) || {
        main: pagePlan(rel, item, filter, order, page),
        with: [],
      };
      // the planned count (fetched with the page) when there is one
      const total = () =>
        plan.with[0]
          ? (ctx.loaders.value({ main: plan.with[0], with: [] }, parent) as number | Promise<number>)
          : ctx.loaders.count(rel, item, parent, filter);
      // the page as planned: fetched exactly when nothing selects its pageInfo
      const planned = plan.main.fetch.kind === 'page' ? plan.main.fetch.page : page;
      return whenReady(ctx.loaders.value(plan, parent), (rows) =>
        toConnection(rows as NodeRow[], planned, keysetOf, total, cursors),
      );
    });
  return prefetches(resolve, { kind: 'page', rel, item });
}

/** A resolver for a to-one relationship (null when absent), fetching ahead what its selection nests. */
export function relatedOne(rel: RelName) {
  return prefetches(
    (row: NodeRow, _a: unknown, ctx: Context, info?: GraphQLResolveInfo) =>
      settled(() =>
        ctx.loaders.one(rel, keyOfRow(row), info ? (fieldPlanOf(info, ctx)?.main.rows ?? null) : null),
      ),
    { kind: 'all', rel, rows: 1 },
  );
}

/** A to-one relationship the model guarantees (e.g. every pairing has a helper); absence is a data fault. */
export function requiredOne(rel: RelName) {
  const one = relatedOne(rel);
  const present = (row: NodeRow) => (n: NodeRow | null) => {
    if (!n) throw new Error(`${row.__label} ${row.id} has no ${rel}`);
    return n;
  };
  return prefetches(
    (row: NodeRow, a: unknown, ctx: Context, info?: GraphQLResolveInfo) =>
      settled(() => whenReady(one(row, a, ctx, info), present(row))),
    { kind: 'all', rel, rows: 1 },
  );
}

/** A resolver for a short list of related nodes (by key), fetching ahead what its selection nests. */
export function relatedAll(rel: RelName) {
  return prefetches(
    (row: NodeRow, _a: unknown, ctx: Context, info?: GraphQLResolveInfo) =>
      settled(() =>
        ctx.loaders.all(rel, keyOfRow(row), info ? (fieldPlanOf(info, ctx)?.main.rows ?? null) : null),
      ),
    { kind: 'all', rel, rows: 20 },
  );
}

/**
 * Runs a resolver's body so that it fails by a rejected promise, never by a throw. Values a parent's
 * statement fetched ahead are returned without a promise; and graphql-js 16, when a list item
 * throws synchronously, drops the pending values of the items before it, whose later failures then
 * go unhandled (docs/benchmarks.md, "Prefetched values without promises").
 */
function settled<T>(body: () => T | Promise<T>): T | Promise<T> {
  try {
    return body();
  } catch (e) {
    return Promise.reject(e);
  }
}

/** `validTo` as the API shows it: null while the pairing is open. */
export const validToOf = readsProps(
  (row: NodeRow) => (row.validTo === OPEN_END ? null : (row.validTo as string | null)),
  ['validTo'],
);

/**
 * Whether a row with validFrom/validTo is valid on an ISO day: validFrom ≤ day < validTo, an open
 * interval (validTo null or the OPEN_END sentinel) being unbounded — as `activeAt` in Cypher.
 */
export const activeOnDay = (row: NodeRow, day: string) =>
  String(row.validFrom) <= day &&
  (row.validTo == null || row.validTo === OPEN_END || day < String(row.validTo));

/** Today as an ISO date (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);
