import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  isAbstractType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * The one lookahead of the service: which fields a selection selects, through aliases, inline
 * fragments and named fragment spreads, as graphql-js collects them. The planner (document-plan.ts)
 * uses it with a type and variables; `selects` without them (any fragment counts, `@skip`/
 * `@include` count as selected, which at worst computes something unused).
 */

/** How to collect: for `type` (fragments for other types skipped), under `variables`. */
export interface CollectOptions {
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  schema?: GraphQLSchema;
  type?: GraphQLObjectType;
  variables?: Readonly<Record<string, unknown>>;
}

/** The fields of `sets` by response key (merged field nodes, in document order). */
export function collectFields(
  sets: readonly (SelectionSetNode | undefined)[],
  o: CollectOptions,
): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (!included(sel, o.variables)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = (sel.alias ?? sel.name).value;
        out.set(key, [...(out.get(key) ?? []), sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (applies(sel.typeCondition?.name.value, o)) walk(sel.selectionSet);
      } else {
        const fragment = o.fragments[sel.name.value];
        // a valid document has no fragment cycles; `visited` also keeps a bad one from looping
        if (!fragment || visited.has(sel.name.value)) continue;
        visited.add(sel.name.value);
        if (applies(fragment.typeCondition.name.value, o)) walk(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) walk(set);
  return out;
}

/** Whether a fragment on `condition` applies to the collected type (always without one). */
function applies(condition: string | undefined, o: CollectOptions): boolean {
  if (!condition || !o.type || !o.schema) return true;
  if (condition === o.type.name) return true;
  const t = o.schema.getType(condition);
  return !!t && isAbstractType(t) && o.schema.isSubType(t, o.type);
}

function included(
  node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1],
  variables: Readonly<Record<string, unknown>> | undefined,
): boolean {
  if (!variables || !node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * Whether the field being resolved selects the field path `path` below it (by field name,
 * whatever the aliases), in any of its field nodes, directly or through fragments.
 */
export function selects(
  info: { fieldNodes: readonly FieldNode[]; fragments: Readonly<Record<string, FragmentDefinitionNode>> },
  path: readonly string[],
): boolean {
  const walk = (sets: (SelectionSetNode | undefined)[], depth: number): boolean =>
    [...collectFields(sets, { fragments: info.fragments }).values()].some((nodes) =>
      nodes.some(
        (n) =>
          n.name.value === path[depth] && (depth === path.length - 1 || walk([n.selectionSet], depth + 1)),
      ),
    );
  return (
    path.length > 0 &&
    walk(
      info.fieldNodes.map((f) => f.selectionSet),
      0,
    )
  );
}
