import {
  GraphQLError,
  isObjectType,
  type FieldNode,
  type GraphQLAbstractType,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { inspect } from 'graphql/jsutils/inspect';
import type { Path } from 'graphql/jsutils/Path';
import type { Step } from './direct-plan';

/** The parts of graphql-js 16's execution that the direct walk (direct-walk.ts) repeats as they are. */

export type Key = string | number;
/** The Path of the value at (`at`, `key`) under `s`, as graphql-js makes it (a field's names its parent type). */
export const pathTo = (s: Step, at: Path | undefined, key: Key): Path => ({
  prev: at,
  key,
  typename: typeof key === 'string' ? s.parentType.name : undefined,
});

/** graphql-js's CollectedErrors: no error is added under a place already nulled by one. */
export class Errors {
  readonly list: GraphQLError[] = [];
  /** Places nulled by an error (paths joined by dots; '' the whole answer), made at the first. */
  private nulled: Set<string> | null = null;

  add(error: GraphQLError, path: readonly Key[] | undefined) {
    const nulled = (this.nulled ??= new Set());
    if (nulled.has('')) return;
    if (path) for (let i = 1; i <= path.length; i++) if (nulled.has(path.slice(0, i).join('.'))) return;
    nulled.add(path ? path.join('.') : '');
    this.list.push(error);
  }
}

/** graphql-js's ensureValidRuntimeType, with its words. */
export function runtimeTypeOf(
  schema: GraphQLSchema,
  name: unknown,
  type: GraphQLAbstractType,
  s: Step,
  v: unknown,
): GraphQLObjectType {
  const field = `${s.parentType.name}.${s.field!.name}`;
  const nodes = s.nodes as FieldNode[];
  if (name == null)
    throw new GraphQLError(
      `Abstract type "${type.name}" must resolve to an Object type at runtime for field "${field}". Either the "${type.name}" type should provide a "resolveType" function or each possible type should provide an "isTypeOf" function.`,
      nodes,
    );
  if (isObjectType(name))
    throw new GraphQLError(
      'Support for returning GraphQLObjectType from resolveType was removed in graphql-js@16.0.0 please return type name instead.',
    );
  if (typeof name !== 'string')
    throw new GraphQLError(
      `Abstract type "${type.name}" must resolve to an Object type at runtime for field "${field}" with value ${inspect(v)}, received "${inspect(name)}".`,
    );
  const runtime = schema.getType(name);
  if (runtime == null)
    throw new GraphQLError(
      `Abstract type "${type.name}" was resolved to a type "${name}" that does not exist inside the schema.`,
      { nodes },
    );
  if (!isObjectType(runtime))
    throw new GraphQLError(`Abstract type "${type.name}" was resolved to a non-object type "${name}".`, {
      nodes,
    });
  if (!schema.isSubType(type, runtime))
    throw new GraphQLError(
      `Runtime Object type "${runtime.name}" is not a possible type for "${type.name}".`,
      {
        nodes,
      },
    );
  return runtime;
}

/** graphql-js's completeLeafValue. */
export function leaf(type: GraphQLLeafType, v: unknown): unknown {
  const r = type.serialize(v);
  if (r == null)
    throw new Error(
      `Expected \`${inspect(type)}.serialize(${inspect(v)})\` to return non-nullable value, returned: ${inspect(r)}`,
    );
  return r;
}

/** graphql-js's promiseForObject, filling `out` in place. */
export function forObject(out: Record<string, unknown>): Promise<Record<string, unknown>> {
  return Promise.all(Object.values(out)).then((values) => {
    const keys = Object.keys(out);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = values[i];
    return out;
  });
}
