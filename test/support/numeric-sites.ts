import {
  GraphQLFloat,
  GraphQLInt,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';

/**
 * One place where a client sends a number: an argument of a field, or a field of an input object
 * below an argument (e.g. `Mutation.recordProject(input.amountYuan)`).
 */
export interface NumericSite {
  /** The type declaring the field: Query, Mutation, or an object/interface type reached from Query. */
  owner: string;
  field: string;
  /** The field's argument the number is sent in. */
  argument: string;
  /** Input-object fields from the argument down to the number (empty: the argument is the number). */
  path: string[];
  /** The site's declared type, e.g. `NonNegativeInt!`. */
  type: GraphQLInputType;
  /** The numeric scalar's name, e.g. `PositiveInt`. */
  scalar: string;
}

/** `recordProject(input.amountYuan)`-style name of a site. */
export const siteName = (s: NumericSite) =>
  `${s.owner}.${s.field}(${[s.argument, ...s.path].join('.')}): ${String(s.type)}`;

/**
 * Whether a scalar carries numbers: Int and Float, and every custom scalar that declares itself an
 * integer or number (graphql-scalars' `extensions.jsonSchema.type`) or is named like one
 * (…Int, …Float), so a numeric scalar added later is found without editing this list.
 */
export function isNumericScalar(t: GraphQLScalarType, implementations: Map<string, GraphQLScalarType>) {
  if (t.name === GraphQLInt.name || t.name === GraphQLFloat.name) return true;
  const impl = implementations.get(t.name) ?? t;
  const json = (impl.extensions as { jsonSchema?: { type?: string } } | undefined)?.jsonSchema;
  return json?.type === 'integer' || json?.type === 'number' || /(Int|Float)$/.test(t.name);
}

/**
 * Every numeric input site of `schema`: each argument of each field of each object and interface
 * type, and each input-object field below it (recursive input types are walked once per path).
 */
export function numericInputSites(
  schema: GraphQLSchema,
  implementations: Map<string, GraphQLScalarType> = new Map(),
): NumericSite[] {
  const sites: NumericSite[] = [];
  const owners = Object.values(schema.getTypeMap()).filter(
    (t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)),
  );
  for (const owner of owners) {
    if (!isObjectType(owner) && !isInterfaceType(owner)) continue;
    for (const field of Object.values(owner.getFields())) {
      for (const arg of field.args) {
        const walk = (path: string[], type: GraphQLInputType, seen: ReadonlySet<string>) => {
          const named: GraphQLNamedType = getNamedType(type);
          if (isScalarType(named) && isNumericScalar(named, implementations))
            sites.push({
              owner: owner.name,
              field: field.name,
              argument: arg.name,
              path,
              type,
              scalar: named.name,
            });
          if (isInputObjectType(named) && !seen.has(named.name))
            for (const f of Object.values(named.getFields()))
              walk([...path, f.name], f.type, new Set([...seen, named.name]));
        };
        walk([], arg.type, new Set());
      }
    }
  }
  return sites;
}
