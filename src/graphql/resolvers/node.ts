import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../domain/errors';
import { fetchLimit, probedIf } from '../../domain/page';
import { EXPOSED_LABELS, type Label } from '../../domain/model';
import { listCount, listPage, keysetOf, type NodeRow } from '../../store/reads/reads';
import { ITEMS, type ItemName } from '../../store/reads/specs';
import type { Resolvers } from '../__generated__/resolvers-types';
import { MAX_PAGE_SIZE, toConnection, toPage, type NodeConnection } from '../connections';
import type { Context } from '../context';
import { fromGlobalId } from '../ids';
import { nestedOf, ROW_BUDGET, rowPlanOf, selects } from '../execution';
import { viewerOf } from '../mutate';
import { checkVisibleFilter, visibleOrder } from '../personal-lists';
import {
  decodeFilter,
  entityFields,
  keyOfRow,
  nodeFields,
  relatedConnection,
  type ListArgs,
} from '../resolve';

/** The concrete GraphQL type of a row (for Node, Entity, Helper and Beneficiary). */
export const resolveType = (row: NodeRow) => row.__label as never;

/** A node by global id, with what the selection nests on its type fetched in the same statement. */
export async function loadNode(
  globalId: string,
  ctx: Context,
  argument: string,
  info: GraphQLResolveInfo,
): Promise<NodeRow | null> {
  const key = fromGlobalId(globalId, argument);
  if (!EXPOSED_LABELS.has(key.label)) return null;
  return ctx.loaders.node(key, rowPlanOf(info, ctx, key.label, ROW_BUDGET, key));
}

/**
 * A resolver for a root list: one page in seek order (with what the selection nests fetched in
 * the same statement), totalCount only when selected.
 */
export function rootConnection(item: ItemName) {
  return async (
    _root: unknown,
    args: ListArgs,
    ctx: Context,
    info?: GraphQLResolveInfo,
  ): Promise<NodeConnection> => {
    const label = ITEMS[item].label as Label;
    const viewer = viewerOf(ctx);
    checkVisibleFilter(viewer, label, args.filter);
    const order = visibleOrder(viewer, label, args.orderBy ?? 'KEY');
    const cursors = ctx.cursors.scope(`list ${item}`, { filter: args.filter, order });
    // without pageInfo, no one asks whether another page exists: no row beyond the page is fetched
    const page = probedIf(toPage(args, cursors), !info || selects(info, ['pageInfo']));
    const filter = decodeFilter(args.filter);
    const rows = info ? rowPlanOf(info, ctx, label, ROW_BUDGET / Math.max(fetchLimit(page), 1)) : null;
    const found = ctx.loaders.primeRows(
      await listPage(ctx.gateway, ITEMS[item], filter, order, page, nestedOf(rows), rows?.props ?? null),
      rows,
    );
    return toConnection(found, page, keysetOf, () => listCount(ctx.gateway, ITEMS[item], filter), cursors);
  };
}

/** Resolvers of schema/node.graphql. */
export const nodeResolvers: Resolvers = {
  Node: { __resolveType: resolveType },
  Entity: { __resolveType: resolveType },
  Query: {
    node: (_root, { id }, ctx, info) => loadNode(id, ctx, 'id', info),
    nodes: (_root, { ids }, ctx, info) => {
      if (ids.length > MAX_PAGE_SIZE)
        throw badInput(`ids may hold at most ${MAX_PAGE_SIZE} ids, got ${ids.length}`, { argument: 'ids' });
      // one promise per id: a malformed id fails its own item (null, with an error naming it), not the list
      // (codegen types an item promise as Promise<NodeRow>; these items are nullable: [Node]!)
      return ids.map((id, i) => loadNode(id, ctx, `ids[${i}]`, info) as Promise<NodeRow>);
    },
    sources: rootConnection('Source'),
  },
  Source: {
    ...nodeFields,
    citations: relatedConnection('sourceCitations', 'Citation'),
  },
  Citation: {
    ...nodeFields,
    source: async (row, _a, ctx) => {
      const s = await ctx.loaders.one('source', keyOfRow(row));
      if (!s) throw new Error(`citation ${row.id} has no source`);
      return s;
    },
  },
};

export { entityFields };
