import type { Label } from '../../domain/model';
import { fetchLimit, type Keyset, type Page } from '../../domain/page';
import type { Gateway } from '../gateway';
import type { Plain } from '../values';
import { compileFilter, isEmptyFilter, Params, type FilterInput, type FilterSpec } from './filter';
import { directionOf, KEY_SORT, seek, sortOf } from './keyset';
import { inKeyOrder, matchParents } from './parents';
import { fetchedOf, projection, rowOf } from './row-shape';

export { PRE } from './row-shape';

/**
 * Generic, batched reads over the graph. Every statement is built from fixed fragments (labels
 * from the closed list, patterns and predicates from the specs in specs.ts) with values only in
 * parameters, and every MATCH is anchored on an indexed `id` or a label scan the caller asked for.
 */

/** A node as reads return it: its properties, its label, and the sort value of its order. */
export type NodeRow = { __label: Label; id: string; __sort?: string | number | null } & {
  [k: string]: Plain;
};

/** How a list of items of one label is filtered and ordered. */
export interface ItemSpec {
  label: Label;
  filter: FilterSpec;
  /** Sort expressions by order name, over node variable `n`; never null (use coalesce). */
  orders: Readonly<Record<string, string>>;
  /**
   * Filter fields that can start the match instead of a label scan, as a pattern binding `n`
   * from the parameter `$param` (e.g. an area: walk down the admin tree from it). Used for a
   * root list when the field stands at the top level of the filter (ANDed with the rest).
   */
  anchors?: Readonly<Record<string, (param: string) => string>>;
}

/** A relationship from a parent to items, as a pattern over `p` (parent) and `n` (item). */
export interface RelSpec {
  /** E.g. `(p)<-[:HELPER]-(n:Pairing)`. */
  pattern: string;
  /** Labels the parent may have; parent keys are grouped by label so each MATCH is anchored. */
  parents: readonly Label[];
  /**
   * The same pattern without the item's label, e.g. `(p)<-[:HELPER]-()`, when the relationship
   * type alone implies it (the closed model of domain/model.ts): unfiltered counts then read the
   * node's degree instead of expanding every relationship.
   */
  degree?: string;
  /**
   * For pages in key order: the items found by an index seek instead of by expanding `pattern`.
   * `match` binds `n` (with the index hint) and `where` selects the items whose property, kept by
   * the write paths equal to their parent's key (derived-props.ts), is `p`'s; `order` is that
   * property, first in the ORDER BY so the composite index (property, id) hands the page over in
   * order. A parent with very many items (a city agency's tens of thousands of pairings) then costs
   * one page of index entries, not a sort of all its items.
   */
  keyed?: { match: string; where: string; order: string };
}

export interface ParentKey {
  label: Label;
  id: string;
}

/** The keyset position of a row (what its cursor encodes). */
export const keysetOf = (row: NodeRow): Keyset => [row.__sort ?? null, row.id];

/** One page of a root list: `fetchLimit(page)` rows in seek order, each with `nested`. */
export async function listPage(
  gw: Gateway,
  item: ItemSpec,
  filter: FilterInput | null | undefined,
  order: string,
  page: Page,
  nested: readonly Fetch[] = [],
  props: readonly string[] | null = null,
): Promise<NodeRow[]> {
  const params = new Params({ limit: fetchLimit(page) });
  const sort = sortOf(item, order);
  const { match, rest } = anchored(item, filter, params);
  const where = compileFilter(rest, item.filter, 'n', params);
  const ordered = `ORDER BY ${sort} ${directionOf(page)}, n.id ${directionOf(page)}`;
  const cypher =
    `${match} WHERE (${where}) AND ${seek(page, sort, params)} ` +
    (nested.length
      ? `WITH n ${ordered} LIMIT $limit ${fetchClauses(nested, params)} RETURN ${projection(nested, sort, props)} AS node ${ordered}`
      : `RETURN ${projection(nested, sort, props)} AS node ${ordered} LIMIT $limit`);
  const rows = await gw.read(`list.${item.label}`, cypher, params.values);
  return rows.map((r) => rowOf(r.node, nested, props));
}

/** The number of items of a root list under a filter. */
export async function listCount(
  gw: Gateway,
  item: ItemSpec,
  filter: FilterInput | null | undefined,
): Promise<number> {
  const params = new Params();
  const { match, rest } = anchored(item, filter, params);
  const where = compileFilter(rest, item.filter, 'n', params);
  const [row] = await gw.read(
    `count.${item.label}`,
    `${match} WHERE ${where} RETURN count(n) AS n`,
    params.values,
  );
  return Number(row.n);
}

/**
 * The MATCH that binds `n` for a root list: from an anchor when the filter's top level names an
 * anchorable field (the rest of the filter then applies as usual), else a scan of the label.
 */
function anchored(
  item: ItemSpec,
  filter: FilterInput | null | undefined,
  params: Params,
): { match: string; rest: FilterInput | null | undefined } {
  for (const [field, pattern] of Object.entries(item.anchors ?? {})) {
    const value = filter?.[field];
    if (value === null || value === undefined || !filter) continue;
    const rest: FilterInput = { ...filter };
    delete rest[field];
    return { match: `MATCH ${pattern(params.add(value))}`, rest };
  }
  return { match: `MATCH (n:${item.label})`, rest: filter };
}

/**
 * What to fetch around a node in the same statement (a "prefetch"): a page of related items, their
 * number, or all related items; each item row may carry fetches of its own. The GraphQL layer
 * plans these from a request's selection, so a nested page costs one statement, not one per level.
 * `labels`, when set, limits a fetch to nodes of those labels (a field selected on one type only).
 */
export type Fetch =
  | {
      kind: 'page';
      rel: RelSpec;
      item: ItemSpec;
      filter: FilterInput | null | undefined;
      order: string;
      page: Page;
      labels?: readonly Label[] | null;
      props?: readonly string[] | null;
      nested?: readonly Fetch[];
    }
  | {
      kind: 'count';
      rel: RelSpec;
      item: ItemSpec;
      filter: FilterInput | null | undefined;
      labels?: readonly Label[] | null;
    }
  | {
      kind: 'all';
      rel: RelSpec;
      /** The most items answered; one more is fetched, to tell a longer list (Loaders.all). */
      cap: number;
      labels?: readonly Label[] | null;
      props?: readonly string[] | null;
      nested?: readonly Fetch[];
    };

/** A fetch's value: item rows (each with its own `__pre` values), or a count. */
export type Fetched = NodeRow[] | number;

/**
 * `CALL` clauses binding `pre0…preK` to the values of `fetches` for the node bound to `n`. Each
 * clause yields exactly one row per `n` (its body aggregates), so `n`'s row is never dropped.
 * Cypher forbids a subquery to redeclare a variable it imports, and every level's patterns use
 * `p` and `n`, so each level imports the row under its own name (`r<depth>`).
 */
export function fetchClauses(fetches: readonly Fetch[] | undefined, params: Params, depth = 0): string {
  if (!fetches?.length) return '';
  const r = `r${depth}`;
  const calls = fetches.map((f, i) => {
    const guard = f.labels ? ` WHERE labels(p)[0] IN $${params.add(f.labels)}` : '';
    return `CALL (${r}) { WITH ${r} AS p${guard} ${fetchBody(f, params, depth + 1, guard !== '')} AS pre${i} }`;
  });
  return `WITH *, n AS ${r} ${calls.join(' ')}`;
}

/**
 * The body of one fetch over the parent `p`, ending in `RETURN <value>` (aliased by the caller):
 * the items are matched, ordered and cut in the body itself, with no subquery of their own (each
 * `CALL` is an Apply per row in Neo4j's plan). A count behind a label guard aggregates, so that the
 * body still yields its one row when the guard filters the parent out.
 */
function fetchBody(f: Fetch, params: Params, depth: number, guarded: boolean): string {
  if (f.kind === 'count') {
    const count = countOf(f.rel, f.item, f.filter, params);
    return guarded ? `RETURN sum(${count})` : `RETURN ${count}`;
  }
  if (f.kind === 'all') {
    const cap = params.add(f.cap + 1);
    const cut = `MATCH ${f.rel.pattern} WITH n ORDER BY n.id LIMIT $${cap}`;
    return `${cut} ${collected(f.nested, f.props, 'null', 'n.id', 'n.id', params, depth)}`;
  }
  const sort = sortOf(f.item, f.order);
  const where = compileFilter(f.filter, f.item.filter, 'n', params);
  const dir = directionOf(f.page);
  const order = sort === KEY_SORT ? `n.id ${dir}` : `${sort} ${dir}, n.id ${dir}`;
  const limit = params.add(fetchLimit(f.page));
  const keyed = sort === KEY_SORT ? f.rel.keyed : undefined;
  const match = keyed ? `MATCH ${keyed.match} WHERE ${keyed.where} AND` : `MATCH ${f.rel.pattern} WHERE`;
  const inner = keyed ? `${keyed.order} ${dir}, n.id ${dir}` : order;
  const cut = `${match} (${where}) AND ${seek(f.page, sort, params)} WITH n ORDER BY ${inner} LIMIT $${limit}`;
  return `${cut} ${collected(f.nested, f.props, sort, order, inner, params, depth)}`;
}

/**
 * The rows bound to `n` (cut in the order `cutIn`), with their own fetches, collected in `order`.
 * Rows already in that order, with nothing fetched for them, are collected without a second sort.
 */
function collected(
  nested: readonly Fetch[] | undefined,
  props: readonly string[] | null | undefined,
  sort: string,
  order: string,
  cutIn: string,
  params: Params,
  depth: number,
): string {
  if (!nested?.length && cutIn === order) return `RETURN collect(${projection(nested, sort, props)})`;
  const vars = (nested ?? []).map((_, i) => `, pre${i}`).join('');
  return `${fetchClauses(nested, params, depth)} WITH n${vars} ORDER BY ${order} RETURN collect(${projection(nested, sort, props)})`;
}

/**
 * How many items `p` has through `rel` under a filter. Without a filter, and when the
 * relationship type alone implies the item's label, a degree lookup (no expansion). Decided from
 * the filter itself: compiled, an empty filter is a parameter (filter.ts `always`), not `true`.
 */
function countOf(rel: RelSpec, item: ItemSpec, filter: FilterInput | null | undefined, params: Params) {
  if (rel.degree && isEmptyFilter(filter)) return `COUNT { ${rel.degree} }`;
  return `COUNT { MATCH ${rel.pattern} WHERE ${compileFilter(filter, item.filter, 'n', params)} }`;
}

const emptyOf = (f: Fetch): Fetched => (f.kind === 'count' ? 0 : []);

/** Nodes by (label, id), in key order, each with `nested`; missing ones are null. One statement. */
export async function nodesByKeys(
  gw: Gateway,
  keys: readonly ParentKey[],
  nested: readonly Fetch[] = [],
  props: readonly string[] | null = null,
): Promise<(NodeRow | null)[]> {
  const params = new Params();
  const cypher = `${matchParents(keys, params, 'n')} ${fetchClauses(nested, params)} RETURN pid, ${projection(nested, 'null', props)} AS node`;
  const rows = await gw.read('nodes.byKeys', cypher, params.values);
  return inKeyOrder(keys, rows, (r) => rowOf(r.node, nested, props));
}

/**
 * The values of `fetches` for each parent, in one statement (per parent: one value per fetch).
 * Parents whose label `rel.parents` of the first fetch does not allow get empty values.
 */
export async function fetchAround(
  gw: Gateway,
  name: string,
  keys: readonly ParentKey[],
  fetches: readonly Fetch[],
): Promise<Fetched[][]> {
  const params = new Params();
  const vals = fetches.map((_, i) => `pre${i}`).join(', ');
  const cypher =
    `${matchParents(keys, params, 'n', fetches[0]?.rel.parents)} ${fetchClauses(fetches, params)} ` +
    `RETURN pid, [${vals}] AS vals`;
  const rows = await gw.read(name, cypher, params.values);
  return inKeyOrder(keys, rows, (r) => fetchedOf(r.vals, fetches)).map((v) => v ?? fetches.map(emptyOf));
}
