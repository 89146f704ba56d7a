import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import {
  parseResolveInfo,
  simplifyParsedResolveInfoFragmentWithType as simplify,
  type ResolveTree,
} from 'graphql-parse-resolve-info';
import { LABELS, type Label } from '../domain/model';
import { ITEMS, type ItemName, type RelName } from '../store/reads/specs';
import type { Viewer } from '../domain/access-policy';
import { toPage } from './connections';
import type { Context } from './context';
import { NO_CURSORS } from './cursors';
import {
  allPlan,
  countPlan,
  pagePlan,
  stableJson,
  type FieldPlan,
  type PlanItem,
  type RowPlan,
} from './loaders';
import { viewerOf } from './mutate';
import { checkVisibleFilter, visibleOrder } from './personal-lists';
import { decodeFilter } from './resolve-filter';

/**
 * Selection-driven prefetch ("lookahead"). A resolver that starts a statement plans, from its
 * selection set, which nested fields of the rows it fetches can be fetched in the same statement —
 * pages, their totalCounts, to-one neighbours, recursively — and the loaders are primed with the
 * results. Each nested resolver still runs (access policy, masks, cursors) and finds its data in
 * its loader's cache, so the answer is the same as without prefetch, in fewer round trips: the
 * README's village page is one statement instead of nine in five waves.
 *
 * What a field fetches is declared on its resolver (`prefetches`); fields without a declaration
 * are resolved as before. A budget bounds how many rows one parent row may fan out to in one
 * statement; past it (or past MAX_DEPTH), nested fields start their own batched statements.
 */

/** What a resolver fetches, so a parent can fetch it ahead. */
export type PrefetchMeta =
  | { kind: 'page'; rel: RelName; item: ItemName }
  | { kind: 'all'; rel: RelName; /** expected rows per parent, for the budget */ rows: number };

/** Rows one parent row may fan out to within one statement. */
export const ROW_BUDGET = 2_000;
/** Levels of nested fields one statement fetches at most. */
export const MAX_DEPTH = 5;

const META = Symbol('prefetch');
const READS = Symbol('reads');

/** Declares what `resolver` fetches (returns the resolver). */
export function prefetches<F extends object>(resolver: F, meta: PrefetchMeta): F {
  return Object.assign(resolver, { [META]: meta });
}

/**
 * Declares which stored properties `resolver` reads from its row besides `id` (returns the
 * resolver). A field with a resolver that declares nothing makes its rows carry every property.
 */
export function readsProps<F extends object>(resolver: F, props: readonly string[]): F {
  return Object.assign(resolver, { [READS]: props });
}

/** What a field's resolver needs: a fetch, some properties, or (undeclared) anything. */
type Declared = PrefetchMeta | readonly string[] | 'anything';

/**
 * Type → field → what its resolver needs, for the resolver maps the schema is built from. (The
 * executable schema wraps resolvers, so the declarations are read from the maps.) Later maps win,
 * as in the schema. A field absent here has the default resolver: it reads the property of its name.
 */
let declared = new Map<string, Map<string, Declared>>();

/** Indexes the declarations of the resolver maps the schema is built from (schema.ts). */
export function indexPrefetches(maps: readonly object[]): void {
  const index = new Map<string, Map<string, Declared>>();
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      if (!fields || typeof fields !== 'object') continue;
      const byField = index.get(type) ?? new Map<string, Declared>();
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (typeof resolver !== 'function') continue;
        const r = resolver as { [META]?: PrefetchMeta; [READS]?: readonly string[] };
        byField.set(field, r[META] ?? r[READS] ?? 'anything');
      }
      index.set(type, byField);
    }
  }
  declared = index;
}

function metaOf(type: string, field: string): PrefetchMeta | undefined {
  const d = declared.get(type)?.get(field);
  return d && d !== 'anything' && !Array.isArray(d) ? (d as PrefetchMeta) : undefined;
}

/** The stored properties a field reads from its row; null: any (an undeclared resolver). */
function propsOf(type: string, field: string): readonly string[] | null {
  const d = declared.get(type)?.get(field);
  if (d === undefined) return [field];
  if (d === 'anything') return null;
  return Array.isArray(d) ? (d as readonly string[]) : [];
}

const LABEL_SET: ReadonlySet<string> = new Set(LABELS);

/** The plan of the field being resolved (memoised per request and selection). */
export function fieldPlanOf(info: GraphQLResolveInfo, ctx: Context): FieldPlan | null {
  return ctx.loaders.memo(info.fieldNodes, `field|${info.parentType.name}`, () => {
    const tree = parseResolveInfo(info) as ResolveTree | null;
    return tree
      ? planField(info.schema, viewerOf(ctx), info.parentType.name, tree, ROW_BUDGET, 0, null)
      : null;
  });
}

/** What to fetch with a node of `label` for the field being resolved (e.g. `node(id:)`). */
export function rowPlanOf(
  info: GraphQLResolveInfo,
  ctx: Context,
  label: Label,
  perRow = ROW_BUDGET,
): RowPlan | null {
  return ctx.loaders.memo(info.fieldNodes, `rows|${info.parentType.name}|${label}|${perRow}`, () => {
    const tree = parseResolveInfo(info) as ResolveTree | null;
    if (!tree) return null;
    const schema = info.schema;
    const type = getNamedType(info.returnType);
    // a root connection: the rows are its edges' nodes
    const trees = isObjectType(type) && type.getFields().edges ? itemTrees(tree) : [tree];
    return rowPlan(schema, viewerOf(ctx), trees, [label], perRow, 1);
  });
}

/** The fields of a tree, whatever type condition selected them. */
const fieldsOf = (tree: ResolveTree): ResolveTree[] =>
  Object.values(tree.fieldsByTypeName).flatMap((byAlias) => Object.values(byAlias));

/** A connection's item selections: `edges { node }` and `nodes`. */
const itemTrees = (connection: ResolveTree): ResolveTree[] =>
  fieldsOf(connection).flatMap((f) =>
    f.name === 'edges' ? fieldsOf(f).filter((e) => e.name === 'node') : f.name === 'nodes' ? [f] : [],
  );

function planField(
  schema: GraphQLSchema,
  viewer: Viewer,
  parentType: string,
  tree: ResolveTree,
  budget: number,
  depth: number,
  labels: readonly Label[] | null,
): FieldPlan | null {
  const meta = metaOf(parentType, tree.name);
  if (!meta) return null;
  if (meta.kind === 'all') {
    if (budget < meta.rows) return null;
    const type = getNamedType(schemaFieldType(schema, parentType, tree.name));
    const targets = (isAbstractType(type) ? schema.getPossibleTypes(type) : [type])
      .map((t) => t.name)
      .filter((n): n is Label => LABEL_SET.has(n));
    return {
      main: allPlan(
        meta.rel,
        rowPlan(schema, viewer, [tree], targets, budget / meta.rows, depth + 1),
        labels,
      ),
      with: [],
    };
  }
  const args = tree.args as {
    first?: number;
    after?: string;
    last?: number;
    before?: string;
    filter?: object;
    orderBy?: string;
  };
  // a cursor belongs to one parent's list: the field's own resolver checks it
  if (args.after != null || args.before != null) return null;
  const label = ITEMS[meta.item].label as Label;
  let page;
  let filter;
  let order;
  try {
    checkVisibleFilter(viewer, label, args.filter);
    order = visibleOrder(viewer, label, args.orderBy ?? 'KEY');
    page = toPage(args, NO_CURSORS);
    filter = decodeFilter(args.filter);
  } catch {
    return null; // the field's own resolver reports the bad argument
  }
  const perParent = page.limit + 1;
  if (budget < perParent) return null;
  const rows = rowPlan(schema, viewer, itemTrees(tree), [label], budget / perParent, depth + 1);
  const counted = fieldsOf(tree).some((f) => f.name === 'totalCount');
  return {
    main: pagePlan(meta.rel, meta.item, filter, order, page, rows, labels),
    with: counted ? [countPlan(meta.rel, meta.item, filter, labels)] : [],
  };
}

function schemaFieldType(schema: GraphQLSchema, type: string, field: string) {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new TypeError(`${type} is not an object type`);
  return t.getFields()[field].type;
}

/**
 * What to fetch with each row of `types` selected by `trees`: the properties its fields read and
 * the nested fetches within the budget; null past MAX_DEPTH (rows then carry every property).
 */
function rowPlan(
  schema: GraphQLSchema,
  viewer: Viewer,
  trees: readonly ResolveTree[],
  types: readonly Label[],
  budget: number,
  depth: number,
): RowPlan | null {
  if (depth > MAX_DEPTH) return null;
  const byId = new Map<string, PlanItem>();
  let props: Set<string> | null = new Set(['id']);
  for (const type of types) {
    const t = schema.getType(type);
    if (!isObjectType(t)) continue;
    // rows of one possible type need no label guard
    const labels = types.length > 1 ? [type] : null;
    for (const tree of trees) {
      for (const f of Object.values(simplify(tree, t).fields) as ResolveTree[]) {
        const reads = propsOf(type, f.name);
        if (reads === null) props = null;
        else for (const p of reads) props?.add(p);
        const plan = planField(schema, viewer, type, f, budget, depth, labels);
        for (const it of plan ? [plan.main, ...plan.with] : []) {
          const seen = byId.get(it.id);
          byId.set(it.id, seen ? withLabels(seen, it) : it);
        }
      }
    }
  }
  // a field selected on every possible type needs no label guard either
  const items = [...byId.values()].map((it) =>
    it.fetch.labels && types.every((t) => it.fetch.labels?.includes(t))
      ? { ...it, fetch: { ...it.fetch, labels: null } }
      : it,
  );
  const kept = props ? [...props].sort() : null;
  return {
    items,
    props: kept,
    sig: stableJson([kept, items.map((i) => [i.id, i.fetch.labels, i.rows?.sig ?? null])]),
  };
}

/**
 * One item for a field selected twice (aliases of the same fetch, or the field on several types):
 * the union of their labels; no guard when either had none.
 */
function withLabels(a: PlanItem, b: PlanItem): PlanItem {
  if (!a.fetch.labels || !b.fetch.labels) return { ...a, fetch: { ...a.fetch, labels: null } };
  const labels = [...new Set([...a.fetch.labels, ...b.fetch.labels])];
  return { ...a, fetch: { ...a.fetch, labels } };
}
