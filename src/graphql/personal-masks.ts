import { getNullableType, isListType, type GraphQLFieldResolver } from 'graphql';
import { applyMask, can, PERSONAL_FIELDS, type MaskKind } from '../domain/access-policy';
import type { Resolvers } from './__generated__/resolvers-types';
import type { Context } from './context';
import { viewerOf } from './mutate';
import { readsProps } from './execution';

type Resolver = GraphQLFieldResolver<unknown, Context>;
type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * Resolvers that mask every personal field (the `@personal` fields of the SDL, through the table
 * codegen makes of them) for callers below readPersonal. Each wraps whatever resolves the field
 * in `maps` (or the default property read), so a module that resolves a personal field cannot
 * forget the mask: the classification, not the module, decides. A HIDDEN field is not even
 * resolved for such a caller: null, or [] for a list.
 */
export function personalMasks(maps: readonly Resolvers[]): Resolvers {
  const out: ResolverMap = {};
  for (const [type, fields] of Object.entries(PERSONAL_FIELDS)) {
    for (const [field, mask] of Object.entries(fields as Record<string, MaskKind>)) {
      const inner = resolverOf(maps, type, field) ?? readsProps(propertyOf(field), [field]);
      (out[type] ??= {})[field] = masked(inner, mask);
    }
  }
  return out as Resolvers;
}

/** The resolver of `type.field` that the schema would use: the last map's that has one. */
function resolverOf(maps: readonly Resolvers[], type: string, field: string): Resolver | undefined {
  for (const map of [...maps].reverse()) {
    const r = (map as ResolverMap)[type]?.[field];
    if (typeof r === 'function') return r as Resolver;
  }
  return undefined;
}

const propertyOf =
  (field: string): Resolver =>
  (row) =>
    (row as Record<string, unknown>)[field];

function masked(inner: Resolver, mask: MaskKind): Resolver {
  const resolve: Resolver = (row, args, ctx, info) => {
    if (can(viewerOf(ctx), 'readPersonal')) return inner(row, args, ctx, info);
    if (mask === 'hidden') return isListType(getNullableType(info.returnType)) ? [] : null;
    const value: unknown = inner(row, args, ctx, info);
    return value instanceof Promise ? value.then((v) => applyMask(mask, v)) : applyMask(mask, value);
  };
  // keep what the inner resolver declared it reads or fetches (the prefetch planner reads it)
  return Object.assign(resolve, inner);
}
