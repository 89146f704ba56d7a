import type { Label } from '../../domain/model';
import type { Keyset, Page } from '../../domain/page';
import type { Gateway, Row } from '../gateway';
import type { Plain } from '../values';
import { compileFilter, Params, type FilterInput, type FilterSpec } from './filter';

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
}

export interface ParentKey {
  label: Label;
  id: string;
}

const NODE = (v: string, sort: string) => `${v} {.*, __label: labels(${v})[0], __sort: ${sort}}`;

function seek(page: Page, sort: string, params: Params): string {
  if (!page.from) return 'true';
  const [sv, id] = page.from;
  const s = params.add(sv);
  const i = params.add(id);
  const op = page.direction === 'forward' ? '>' : '<';
  return `(${sort} ${op} $${s} OR (${sort} = $${s} AND n.id ${op} $${i}))`;
}

const dir = (page: Page) => (page.direction === 'forward' ? 'ASC' : 'DESC');

/** The keyset position of a row (what its cursor encodes). */
export const keysetOf = (row: NodeRow): Keyset => [row.__sort ?? null, row.id];

/** One page of a root list: `limit + 1` rows in seek order. */
export async function listPage(
  gw: Gateway,
  item: ItemSpec,
  filter: FilterInput | null | undefined,
  order: string,
  page: Page,
): Promise<NodeRow[]> {
  const params = new Params({ limit: page.limit + 1 });
  const sort = sortOf(item, order);
  const { match, rest } = anchored(item, filter, params);
  const where = compileFilter(rest, item.filter, 'n', params);
  const cypher =
    `${match} WHERE (${where}) AND ${seek(page, sort, params)} ` +
    `RETURN ${NODE('n', sort)} AS node ORDER BY ${sort} ${dir(page)}, n.id ${dir(page)} LIMIT $limit`;
  const rows = await gw.read(`list.${item.label}`, cypher, params.values);
  return rows.map((r) => r.node as NodeRow);
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

/** Nodes by (label, id), in key order; missing ones are null. One statement for all labels. */
export async function nodesByKeys(gw: Gateway, keys: readonly ParentKey[]): Promise<(NodeRow | null)[]> {
  const params = new Params();
  const cypher = `${matchParents(keys, params, 'n')} RETURN pid, ${NODE('n', 'null')} AS node`;
  const rows = await gw.read('nodes.byKeys', cypher, params.values);
  return inKeyOrder(keys, rows, (r) => r.node as NodeRow);
}

/**
 * One page of related items for each parent, in one statement: the subquery runs per parent
 * (seek + limit), so the cost grows with the page size, not with how deep the page is.
 */
export async function relatedPages(
  gw: Gateway,
  rel: RelSpec,
  item: ItemSpec,
  keys: readonly ParentKey[],
  filter: FilterInput | null | undefined,
  order: string,
  page: Page,
): Promise<NodeRow[][]> {
  const params = new Params({ limit: page.limit + 1 });
  const sort = sortOf(item, order);
  const where = compileFilter(filter, item.filter, 'n', params);
  const cypher =
    `${matchParents(keys, params, 'p', rel.parents)} ` +
    `CALL (p) { MATCH ${rel.pattern} WHERE (${where}) AND ${seek(page, sort, params)} ` +
    `RETURN n ORDER BY ${sort} ${dir(page)}, n.id ${dir(page)} LIMIT $limit } ` +
    `RETURN pid, collect(${NODE('n', sort)}) AS nodes`;
  const rows = await gw.read(`related.${item.label}`, cypher, params.values);
  return inKeyOrder(keys, rows, (r) => r.nodes as NodeRow[]).map((x) => x ?? []);
}

/** The number of related items per parent under a filter, in one statement. */
export async function relatedCounts(
  gw: Gateway,
  rel: RelSpec,
  item: ItemSpec,
  keys: readonly ParentKey[],
  filter: FilterInput | null | undefined,
): Promise<number[]> {
  const params = new Params();
  const where = compileFilter(filter, item.filter, 'n', params);
  const cypher = `${matchParents(keys, params, 'p', rel.parents)} RETURN pid, COUNT { MATCH ${rel.pattern} WHERE ${where} } AS n`;
  const rows = await gw.read(`relatedCount.${item.label}`, cypher, params.values);
  return inKeyOrder(keys, rows, (r) => Number(r.n)).map((x) => x ?? 0);
}

/** All related items per parent (for short, bounded lists such as citations), ordered by id. */
export async function relatedAll(
  gw: Gateway,
  rel: RelSpec,
  keys: readonly ParentKey[],
  cap = 500,
): Promise<NodeRow[][]> {
  const params = new Params({ cap });
  const cypher =
    `${matchParents(keys, params, 'p', rel.parents)} ` +
    `CALL (p) { MATCH ${rel.pattern} RETURN n ORDER BY n.id LIMIT $cap } ` +
    `RETURN pid, collect(${NODE('n', 'null')}) AS nodes`;
  const rows = await gw.read('relatedAll', cypher, params.values);
  return inKeyOrder(keys, rows, (r) => r.nodes as NodeRow[]).map((x) => x ?? []);
}

/**
 * Binds `v` to each parent node, with `pid` = "Label:id", one anchored MATCH per label present
 * (UNION inside one CALL, so the batch stays one statement).
 */
function matchParents(
  keys: readonly ParentKey[],
  params: Params,
  v: string,
  allowed?: readonly Label[],
): string {
  const byLabel = new Map<Label, string[]>();
  for (const k of keys) {
    if (allowed && !allowed.includes(k.label)) continue;
    byLabel.set(k.label, [...(byLabel.get(k.label) ?? []), k.id]);
  }
  if (byLabel.size === 0) return `UNWIND [] AS pid MATCH (${v}) WHERE false`;
  const arms = [...byLabel].map(([label, ids]) => {
    const p = params.add(ids);
    return `UNWIND $${p} AS id MATCH (${v}:${label} {id: id}) RETURN ${v}, '${label}:' + id AS pid`;
  });
  return `CALL () { ${arms.join(' UNION ALL ')} }`;
}

function inKeyOrder<T>(keys: readonly ParentKey[], rows: Row[], pick: (r: Row) => T): (T | null)[] {
  const byKey = new Map(rows.map((r) => [String(r.pid), pick(r)]));
  return keys.map((k) => byKey.get(`${k.label}:${k.id}`) ?? null);
}

function sortOf(item: ItemSpec, order: string): string {
  const s = item.orders[order];
  if (!s) throw new TypeError(`unknown order ${order} for ${item.label}`);
  return s;
}
