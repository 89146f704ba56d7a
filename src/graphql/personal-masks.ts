import {
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { applyMask, can, type MaskKind } from '../domain/access-policy';
import type { Context } from './context';
import { readsProps } from './execution';
import { viewerOf } from './mutate';

type Resolver = GraphQLFieldResolver<unknown, Context>;

/** Set on a resolver wrapped in its field's mask, with the mask (tests read it). */
export const MASK = Symbol('personal-data mask');

/** The mask a field's `@personal(mask: …)` directive declares, or null for a field that is not personal. */
export function declaredMask(type: string, field: GraphQLField<unknown, unknown>): MaskKind | null {
  const use = field.astNode?.directives?.find((d) => d.name.value === 'personal');
  if (!use) return null;
  const arg = use.arguments?.find((a) => a.name.value === 'mask');
  if (arg?.value.kind !== 'EnumValue')
    throw new Error(`@personal on ${type}.${field.name} needs mask: INITIAL or HIDDEN`);
  return arg.value.value.toLowerCase() as MaskKind;
}

/**
 * Applies the access rule each field declares in the SDL: a field marked `@personal(mask: …)` is
 * masked for callers below readPersonal, whatever resolves it (its module's resolver or the
 * default property read) — the declaration at the field decides, not the order in which resolver
 * modules are merged. A HIDDEN field is not even resolved for such a caller: null, or [] for a
 * list. Runs once on the built schema, after every resolver is attached; returns the same schema.
 */
export function maskPersonalFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const mask = declaredMask(type.name, field);
      if (mask === null) continue;
      field.resolve = masked(field.resolve ?? readsProps(propertyOf(field.name), [field.name]), mask);
    }
  }
  return schema;
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
  // keep what the inner resolver declared it reads or fetches, for anything that inspects it
  return Object.assign(resolve, inner, { [MASK]: mask });
}
