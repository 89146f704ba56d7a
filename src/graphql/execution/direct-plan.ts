import {
  defaultFieldResolver,
  getArgumentValues,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields } from './lookahead';

/**
 * What the direct executor (direct-executor.ts) knows of a query before any request: for each
 * object type a selection meets, its fields in response order with their definition, resolver
 * and, when no variable is in them, their argument values. Built once per (document, operation)
 * and shared by every request of it, where graphql-js collects the fields, looks up the
 * definitions and coerces the arguments again for every object of every request.
 */

/** One field of a selection on one object type. */
export interface Step {
  /** The step's number in its plan (from 0), for a request's arrays by step. */
  index: number;
  /** The response key (alias or name). */
  key: string;
  /** The field's merged nodes in the document (graphql-js's `fieldNodes`). */
  nodes: readonly FieldNode[];
  parentType: GraphQLObjectType;
  /** Null for `__typename`, answered by the parent type's name. */
  field: GraphQLField<unknown, unknown> | null;
  resolve: GraphQLFieldResolver<unknown, unknown>;
  /** The argument values when the field's arguments name no variable (frozen); else per request. */
  args: Readonly<Record<string, unknown>> | null;
  /** The steps of the field's selection, per object type the value turns out to be. */
  subs: Map<GraphQLObjectType, readonly Step[]>;
}

export class DirectPlan {
  readonly root: readonly Step[];
  /** Steps made so far. */
  private count = 0;

  private constructor(
    readonly schema: GraphQLSchema,
    readonly operation: OperationDefinitionNode,
    readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  ) {
    const query = schema.getQueryType()!;
    this.root = this.steps(query, [operation.selectionSet]);
  }

  /**
   * The plan of a query, or null when the document needs what only graphql-js does: another kind
   * of operation, introspection, `@skip`/`@include` whose value is a variable (then what is
   * selected differs per request), or `__proto__` as a response key.
   */
  static of(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): DirectPlan | null {
    if (operation.operation !== 'query' || !schema.getQueryType() || !plain(document)) return null;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    try {
      return new DirectPlan(schema, operation, fragments);
    } catch {
      return null;
    }
  }

  /** The steps of `step`'s selection on `type`. */
  subSteps(step: Step, type: GraphQLObjectType): readonly Step[] {
    let s = step.subs.get(type);
    if (!s) {
      s = this.steps(
        type,
        step.nodes.map((n) => n.selectionSet),
      );
      step.subs.set(type, s);
    }
    return s;
  }

  private steps(type: GraphQLObjectType, sets: FieldNode['selectionSet'][]): Step[] {
    const fields = collectFields(sets, {
      fragments: this.fragments,
      schema: this.schema,
      type,
      variables: {},
    });
    const out: Step[] = [];
    for (const [key, nodes] of fields) {
      const name = nodes[0].name.value;
      const field = name === '__typename' ? null : type.getFields()[name];
      // graphql-js leaves out a field the type does not have (a document Apollo validated has none)
      if (field === undefined) continue;
      const step: Step = {
        index: this.count++,
        key,
        nodes,
        parentType: type,
        field,
        resolve: field?.resolve ?? defaultFieldResolver,
        args: null,
        subs: new Map(),
      };
      // literal arguments once; arguments that fail to coerce fail per request, in the walk
      if (field && !hasVariable(nodes[0]))
        try {
          step.args = deepFreeze(getArgumentValues(field, nodes[0], {}));
        } catch {
          step.args = null;
        }
      out.push(step);
    }
    return out;
  }
}

/** Whether a document's selections are the same for every request: no introspection, no directive taking a variable. */
function plain(document: DocumentNode): boolean {
  let ok = true;
  visit(document, {
    Field(f) {
      if (f.name.value === '__schema' || f.name.value === '__type') ok = false;
      // the walk answers in plain objects, where this key would set the prototype
      if ((f.alias ?? f.name).value === '__proto__') ok = false;
    },
    Directive(d) {
      if (d.arguments?.some((a) => hasVariable(a))) ok = false;
    },
  });
  return ok;
}

function hasVariable(node: object): boolean {
  let found = false;
  visit(node as FieldNode, {
    Variable() {
      found = true;
    },
    SelectionSet: () => false,
  });
  return found;
}

/** `v`, frozen through: argument values are shared by every object a field resolves on. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
