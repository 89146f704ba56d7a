import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLResolveInfo,
} from 'graphql';
import type { Viewer } from '../../domain/access-policy';
import type { Label } from '../../domain/model';
import { fetchLimit, probedIf } from '../../domain/page';
import { ITEMS } from '../../store/reads/specs';
import { toPage } from '../connections';
import type { Context } from '../context';
import { NO_CURSORS, relationCursors, type CursorCodec } from '../cursors';
import type { ParentKey } from '../../store/reads/reads';
import { stableJson } from '../../domain/stable-json';
import { viewerOf } from '../mutate';
import { checkVisibleFilter, visibleOrder } from '../personal-lists';
import { decodeFilter } from '../resolve-filter';
import { metaOf } from './declarations';
import type { Binding, DocumentPlan } from './document-plan';
import { executionOf } from './execution';
import { allPlan, countPlan, pagePlan, type FieldPlan, type PlanItem, type RowPlan } from './plan-items';

/**
 * Binds a document's cached plan (document-plan.ts) to one request: argument values, the caller's
 * view of personal lists, the row budget. A resolver that starts a statement gets, for its field,
 * which nested fields of the rows it fetches are fetched in the same statement — pages, their
 * totalCounts, to-one neighbours, recursively — and the loaders are primed with the results. Each
 * nested resolver still runs (access policy, masks, cursors) and finds its data in its loader's
 * cache, so the answer is the same as without prefetch, in fewer round trips: the README's village
 * page is one statement instead of nine in five waves.
 */

/** Rows one parent row may fan out to within one statement. */
export const ROW_BUDGET = 2_000;
/**
 * Levels of nested fetches one statement holds at most (past it nested fields start their own
 * batched statements). Not the document depth limit (MAX_DEPTH, hardening) nor a
 * network measure's `depth` argument.
 */
export const MAX_FETCH_LEVELS = 5;

/** A request's view of a document plan. */
interface Bind {
  doc: DocumentPlan;
  viewer: Viewer;
  variables: Record<string, unknown>;
  checks: boolean;
  cursors: CursorCodec;
  /** Where field and row plans are kept, for every request of the same binding. */
  kept: Binding;
}

/**
 * The plan of the document being executed, looked up once per request. A plan is a function of
 * the document, the viewer's role (personal lists' order and filters), the plan variables'
 * values and the cursor codec, so requests that agree on those share their field and row plans.
 */
function bindOf(info: GraphQLResolveInfo, ctx: Context): Bind {
  return ctx.loaders.memo(info.operation, 'bind', () => {
    const execution = executionOf(info.schema);
    const doc = execution.cache.planOf(info.operation, info.fragments);
    const viewer = viewerOf(ctx);
    return {
      doc,
      viewer,
      variables: info.variableValues,
      checks: execution.checks,
      cursors: ctx.cursors,
      kept: doc.binding(ctx.cursors, viewer.anonymous ? '(anonymous)' : viewer.role, info.variableValues),
    };
  });
}

/**
 * The plan of the field being resolved on the row `parent`, when it declares a fetch (memoised per
 * request and selection; per parent too when the document pages by cursor, as a cursor is one
 * parent's).
 */
export function fieldPlanOf(
  info: GraphQLResolveInfo,
  ctx: Context,
  parent: ParentKey | null = null,
): FieldPlan | null {
  const b = bindOf(info, ctx);
  const of = b.doc.cursored ? parent : null;
  const key = of ? `field|${info.parentType.name}|${of.label}:${of.id}` : `field|${info.parentType.name}`;
  return memoOf(b, ctx, info.fieldNodes, key, of !== null, () =>
    planField(b, info.parentType.name, info.fieldName, info.fieldNodes, ROW_BUDGET, 0, null, of),
  );
}

/**
 * A plan kept for every request of the binding, or for this request only when it is one
 * parent's (parents are data: kept across requests they would pile up) or its nodes have no
 * location in the document.
 */
function memoOf<T>(
  b: Bind,
  ctx: Context,
  nodes: readonly FieldNode[],
  key: string,
  perParent: boolean,
  make: () => T,
): T {
  const kept = perParent ? null : b.kept.memo(nodes, key, make);
  return kept ? kept.value : ctx.loaders.memo(nodes, key, make);
}

/**
 * What to fetch with a node of `label` (or of any of several labels: search hits) for the field
 * being resolved (e.g. `node(id:)`, a root list, search); `parent`: the one node the rows are,
 * when known (`node(id:)`), so that pages of its lists asked after a cursor are fetched in the
 * same statement too.
 */
export function rowPlanOf(
  info: GraphQLResolveInfo,
  ctx: Context,
  label: Label | readonly Label[],
  perRow = ROW_BUDGET,
  parent: ParentKey | null = null,
): RowPlan | null {
  const b = bindOf(info, ctx);
  const labels = typeof label === 'string' ? [label] : label;
  const of =
    b.doc.cursored && parent !== null && labels.length === 1 && parent.label === labels[0] ? parent : null;
  const key = `rows|${info.parentType.name}|${labels.join(',')}|${perRow}${of ? `|${of.id}` : ''}`;
  return memoOf(b, ctx, info.fieldNodes, key, of !== null, () => {
    const type = getNamedType(info.returnType);
    // a root connection: the rows are its edges' nodes
    const nodes =
      isObjectType(type) && type.getFields().edges
        ? b.doc.itemNodes(type.name, info.fieldNodes, b.variables)
        : info.fieldNodes;
    return rowPlan(b, nodes, labels, perRow, 1, of);
  });
}

function planField(
  b: Bind,
  parentType: string,
  name: string,
  nodes: readonly FieldNode[],
  budget: number,
  depth: number,
  labels: readonly Label[] | null,
  parent: ParentKey | null = null,
): FieldPlan | null {
  const meta = metaOf(b.doc.declarations, parentType, name);
  if (!meta) return null;
  if (meta.kind === 'all') {
    if (budget < meta.rows) return null;
    const rows = rowPlan(b, nodes, b.doc.targets(parentType, name), budget / meta.rows, depth + 1);
    return { main: allPlan(meta.rel, rows, labels), with: [] };
  }
  const def = b.doc.field(parentType, name);
  const args = getArgumentValues(def, nodes[0], b.variables) as {
    first?: number;
    after?: string;
    last?: number;
    before?: string;
    filter?: object;
    orderBy?: string;
  };
  // a cursor belongs to one parent's list: planned only when that parent is known, else the
  // field's own resolver checks it
  const cursored = args.after != null || args.before != null;
  if (cursored && !parent) return null;
  const label = ITEMS[meta.item].label as Label;
  let page;
  let filter;
  let order;
  try {
    checkVisibleFilter(b.viewer, label, args.filter);
    order = visibleOrder(b.viewer, label, args.orderBy ?? 'KEY');
    const cursors = cursored ? relationCursors(b.cursors, meta.rel, parent!, args.filter, order) : NO_CURSORS;
    page = toPage(args, cursors);
    filter = decodeFilter(args.filter);
  } catch {
    return null; // the field's own resolver reports the bad argument
  }
  const connection = getNamedType(def.type).name;
  const selected = b.doc.fieldsOn(connection, nodes, b.variables);
  // without pageInfo, no one asks whether another page exists: no row beyond the page is fetched
  page = probedIf(
    page,
    selected.some((f) => f.name === 'pageInfo'),
  );
  const perParent = fetchLimit(page);
  if (budget < perParent) return null;
  const items = b.doc.itemNodes(connection, nodes, b.variables);
  const rows = rowPlan(b, items, [label], budget / Math.max(perParent, 1), depth + 1);
  const counted = selected.some((f) => f.name === 'totalCount');
  return {
    main: pagePlan(meta.rel, meta.item, filter, order, page, rows, labels),
    with: counted ? [countPlan(meta.rel, meta.item, filter, labels)] : [],
  };
}

/**
 * What to fetch with each row of `types` selected by `nodes`: the properties its fields read and
 * the nested fetches within the budget; null past MAX_FETCH_LEVELS (rows then carry every property).
 */
function rowPlan(
  b: Bind,
  nodes: readonly FieldNode[],
  types: readonly Label[],
  budget: number,
  depth: number,
  parent: ParentKey | null = null,
): RowPlan | null {
  if (depth > MAX_FETCH_LEVELS) return null;
  const shape = b.doc.rows(types, nodes, b.variables);
  const byId = new Map<string, PlanItem>();
  for (const [type, fields] of shape.byType) {
    // rows of one possible type need no label guard
    const labels = types.length > 1 ? [type] : null;
    for (const f of fields) {
      const plan = planField(b, type, f.name, f.nodes, budget, depth, labels, parent);
      for (const it of plan ? [plan.main, ...plan.with] : []) {
        const seen = byId.get(it.id);
        byId.set(it.id, seen ? withLabels(seen, it) : it);
      }
    }
  }
  // a field selected on every possible type needs no label guard either
  const items = [...byId.values()].map((it) =>
    it.fetch.labels && types.every((t) => it.fetch.labels?.includes(t))
      ? { ...it, fetch: { ...it.fetch, labels: null } }
      : it,
  );
  return {
    items,
    props: shape.props,
    checked: b.checks && shape.props !== null,
    sig: stableJson([shape.props, items.map((i) => [i.id, i.fetch.labels, i.rows?.sig ?? null])]),
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
