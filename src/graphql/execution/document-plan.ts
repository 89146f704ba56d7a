import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  visit,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LABELS, type Label } from '../../domain/model';
import { stableJson } from '../../domain/stable-json';
import { propsOf, type Declarations } from './declarations';
import { collectFields } from './lookahead';

/**
 * The part of a document's plan that holds for every request of it: for each planned field, the
 * fields it selects per possible type and the stored properties its rows must carry. Built once
 * per (document, operation name) and kept in the plan cache (plan-cache.ts); what depends on a
 * request (argument values, the caller's view of personal data) is bound per request (planner.ts).
 *
 * `@skip`/`@include` with variables change what is selected, so shapes are kept per value of the
 * variables those directives name (none in most documents).
 */

/** A selected field: its schema name and merged field nodes. */
export interface Selected {
  name: string;
  nodes: readonly FieldNode[];
}

/** What a selection needs from rows of `types`. */
export interface RowsShape {
  byType: ReadonlyMap<Label, readonly Selected[]>;
  /** The stored properties its fields read (with `id`, sorted); null: every property. */
  props: readonly string[] | null;
}

const LABEL_SET: ReadonlySet<string> = new Set(LABELS);

/** Bindings kept per document plan (per viewer role and plan-relevant variable values). */
export const BINDINGS_PER_DOCUMENT = 16;

/**
 * Values computed from a document plan for one binding (viewer role, plan-relevant variables,
 * cursor codec), kept across the requests that share it: field and row plans, by where their
 * field nodes stand in the document (graphql-js builds new node arrays per request) and what
 * they are of. Null when the nodes carry no location (then nothing can be kept).
 */
export class Binding {
  private readonly kept = new Map<string, unknown>();

  memo<T>(nodes: readonly FieldNode[], key: string, make: () => T): { value: T } | null {
    let at = '';
    for (const n of nodes) {
      if (!n.loc) return null;
      at += `${n.loc.start},`;
    }
    const k = `${at}|${key}`;
    if (!this.kept.has(k)) this.kept.set(k, make());
    return { value: this.kept.get(k) as T };
  }
}

export class DocumentPlan {
  /** Shapes built so far (a request that builds none spent no time planning). */
  built = 0;
  private readonly shapes = new Map<string, unknown>();
  private readonly conditionVars: readonly string[];
  /**
   * Whether some field of the document takes `after` or `before`: a cursor belongs to one
   * parent's list, so such a page is planned per parent (planner.ts), other plans once per field.
   */
  readonly cursored: boolean;
  /**
   * The variables a plan may depend on: all but those used only as the whole `id`/`ids` of a
   * root field (`node(id: $id)`): the planner reads selections and the arguments of the fields
   * below, never the root's ids (a cursored page keys its plans by parent instead).
   */
  readonly planVariables: readonly string[];
  private readonly bindings = new WeakMap<object, Map<string, Binding>>();

  constructor(
    readonly schema: GraphQLSchema,
    readonly declarations: Declarations,
    operation: OperationDefinitionNode,
    readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  ) {
    const vars = new Set<string>();
    let cursored = false;
    for (const root of [operation, ...Object.values(fragments)]) {
      visit(root, {
        Argument: (a) => {
          if ((a.name.value === 'after' || a.name.value === 'before') && a.value.kind !== Kind.NULL)
            cursored = true;
        },
        Directive: (d) => {
          if (d.name.value !== 'skip' && d.name.value !== 'include') return;
          for (const a of d.arguments ?? []) if (a.value.kind === Kind.VARIABLE) vars.add(a.value.name.value);
        },
      });
    }
    this.conditionVars = [...vars].sort();
    this.cursored = cursored;
    const rootIds = new Set<object>();
    for (const sel of operation.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD) continue;
      for (const a of sel.arguments ?? [])
        if ((a.name.value === 'id' || a.name.value === 'ids') && a.value.kind === Kind.VARIABLE)
          rootIds.add(a);
    }
    const used = new Set<string>();
    for (const root of [operation, ...Object.values(fragments)]) {
      visit(root, {
        Argument: (a) => (rootIds.has(a) ? false : undefined),
        VariableDefinition: () => false,
        Variable: (v) => void used.add(v.name.value),
      });
    }
    this.planVariables = [...used].sort();
  }

  /**
   * The binding of this plan for a request: by `codec` (cursors decoded into plans are its),
   * the viewer's role and the values of the plan variables; the oldest of a full set is dropped.
   */
  binding(codec: object, role: string, variables: Record<string, unknown>): Binding {
    let byKey = this.bindings.get(codec);
    if (!byKey) this.bindings.set(codec, (byKey = new Map()));
    const key = `${role}\n${stableJson(this.planVariables.map((v) => variables[v] ?? null))}`;
    let b = byKey.get(key);
    if (!b) {
      if (byKey.size >= BINDINGS_PER_DOCUMENT) byKey.delete(byKey.keys().next().value!);
      byKey.set(key, (b = new Binding()));
    }
    return b;
  }

  /** The schema field `type.name`. */
  field(type: string, name: string): GraphQLField<unknown, unknown> {
    const t = this.schema.getType(type);
    if (!isObjectType(t)) throw new TypeError(`${type} is not an object type`);
    return t.getFields()[name];
  }

  /** The labels a field of `type` may return rows of (its named type, or that type's possible types). */
  targets(type: string, name: string): Label[] {
    const t = getNamedType(this.field(type, name).type);
    return (isAbstractType(t) ? this.schema.getPossibleTypes(t) : [t])
      .map((x) => x.name)
      .filter((n): n is Label => LABEL_SET.has(n));
  }

  /** The fields `nodes` select on an object type (e.g. a connection's). */
  fieldsOn(
    type: string,
    nodes: readonly FieldNode[],
    variables: Record<string, unknown>,
  ): readonly Selected[] {
    return this.memo(`on|${type}`, nodes, variables, () => {
      const t = this.schema.getType(type) as GraphQLObjectType;
      return this.collect(t, nodes, variables);
    });
  }

  /** A connection's item selections: `edges { node }` and `nodes`. */
  itemNodes(
    connection: string,
    nodes: readonly FieldNode[],
    variables: Record<string, unknown>,
  ): FieldNode[] {
    const fields = this.fieldsOn(connection, nodes, variables);
    const edgeType = getNamedType(this.field(connection, 'edges').type).name;
    return fields.flatMap((f) =>
      f.name === 'nodes'
        ? [...f.nodes]
        : f.name === 'edges'
          ? this.fieldsOn(edgeType, f.nodes, variables)
              .filter((e) => e.name === 'node')
              .flatMap((e) => e.nodes)
          : [],
    );
  }

  /** What `nodes` select on rows of `types`, and the properties those rows must carry. */
  rows(types: readonly Label[], nodes: readonly FieldNode[], variables: Record<string, unknown>): RowsShape {
    return this.memo(`rows|${types.join(',')}`, nodes, variables, () => {
      const byType = new Map<Label, readonly Selected[]>();
      let props: Set<string> | null = new Set(['id']);
      for (const type of types) {
        const t = this.schema.getType(type);
        if (!isObjectType(t)) continue;
        const fields = this.collect(t, nodes, variables);
        byType.set(type, fields);
        for (const f of fields) {
          const reads = propsOf(this.declarations, type, f.name);
          if (reads === null) props = null;
          else for (const p of reads) props?.add(p);
        }
      }
      return { byType, props: props ? [...props].sort() : null };
    });
  }

  private collect(t: GraphQLObjectType, nodes: readonly FieldNode[], variables: Record<string, unknown>) {
    const found = collectFields(
      nodes.map((n) => n.selectionSet),
      { fragments: this.fragments, schema: this.schema, type: t, variables },
    );
    // meta fields (__typename) are answered by graphql-js, not read from rows
    return [...found.values()]
      .filter((fieldNodes) => !fieldNodes[0].name.value.startsWith('__'))
      .map((fieldNodes) => ({ name: fieldNodes[0].name.value, nodes: fieldNodes }));
  }

  /**
   * A shape kept for the plan's lifetime, by what it is of and where its field nodes stand in the
   * document (the same for every parse of the same text); built anew when nodes carry no location.
   */
  private memo<T>(
    what: string,
    nodes: readonly FieldNode[],
    variables: Record<string, unknown>,
    make: () => T,
  ): T {
    const at = nodes.map((n) => n.loc?.start ?? -1);
    const conditions = this.conditionVars.map((v) => JSON.stringify(variables[v] ?? null)).join(',');
    const key = `${what}|${at.join(',')}|${conditions}`;
    if (at.includes(-1)) {
      this.built++;
      return make();
    }
    if (!this.shapes.has(key)) {
      this.built++;
      this.shapes.set(key, make());
    }
    return this.shapes.get(key) as T;
  }
}
