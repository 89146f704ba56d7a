import type { Page } from '../../domain/page';
import type { Gateway } from '../gateway';
import { compileFilter, Params, type FilterInput } from '../reads/filter';
import { directionOf, seek, sortOf } from '../reads/keyset';
import type { ItemSpec, NodeRow } from '../reads/reads';

/**
 * The drill-down lists behind aggregate cells, batched: every cell of one response asks for a page
 * of the same kind of item under its own filter, and all of them go in ONE statement (a UNION ALL
 * arm per request, each anchored and limited on its own). Same keyset paging as the read API's
 * lists (reads.ts): sort value, then id; `limit + 1` rows to tell whether another page exists.
 */

export interface ListRequest {
  filter: FilterInput | null;
  order: string;
  page: Page;
  /** Where the MATCH starts; default: every node of the item's label. */
  anchor?: ListAnchor;
}

/**
 * How a list's MATCH is anchored (fixed fragments). The planner would otherwise start pairing lists
 * from the validity index, i.e. from every pairing of the graph:
 *  - AREA: walk down from the area (`LOCATED_IN*0..`) — to the item itself, or for pairings to
 *    their beneficiary; the filter then need not test the area again;
 *  - LEVEL_INDEX: pairings through the (level, category) index (the filter must test both
 *    properties, e.g. with `classified`).
 */
export type ListAnchor = { kind: 'AREA'; areaId: string } | { kind: 'LEVEL_INDEX' };

function matchOf(item: ItemSpec, anchor: ListAnchor | undefined, params: Params): string {
  if (!anchor) return `MATCH (n:${item.label})`;
  if (anchor.kind === 'LEVEL_INDEX') {
    if (item.label !== 'Pairing') throw new TypeError('LEVEL_INDEX anchors only pairing lists');
    return 'MATCH (n:Pairing) USING INDEX n:Pairing(level, category)';
  }
  const a = params.add(anchor.areaId);
  return item.label === 'Pairing'
    ? `MATCH (:AdminUnit {id: $${a}})<-[:LOCATED_IN*0..]-()<-[:BENEFICIARY]-(n:Pairing)`
    : `MATCH (:AdminUnit {id: $${a}})<-[:LOCATED_IN*0..]-(n:${item.label})`;
}

/** One page per request, in request order. */
export async function listPages(
  gw: Gateway,
  item: ItemSpec,
  reqs: readonly ListRequest[],
): Promise<NodeRow[][]> {
  const params = new Params();
  const arms = reqs.map((r, k) => {
    const sort = sortOf(item, r.order);
    const dir = directionOf(r.page);
    const where = compileFilter(r.filter, item.filter, 'n', params);
    const limit = params.add(r.page.limit + 1);
    return (
      `${matchOf(item, r.anchor, params)} WHERE (${where}) AND ${seek(r.page, sort, params)} ` +
      `WITH n ORDER BY ${sort} ${dir}, n.id ${dir} LIMIT $${limit} ` +
      `RETURN ${k} AS k, collect(n {.*, __label: labels(n)[0], __sort: ${sort}}) AS nodes`
    );
  });
  const rows = await gw.read(
    `lists.${item.label}`,
    `CALL () { ${arms.join(' UNION ALL ')} } RETURN k, nodes`,
    params.values,
  );
  const byK = new Map(rows.map((r) => [Number(r.k), r.nodes as NodeRow[]]));
  return reqs.map((_, k) => byK.get(k) ?? []);
}

/** How many items match each request's filter (paging ignored), in request order. */
export async function listCounts(
  gw: Gateway,
  item: ItemSpec,
  reqs: readonly Pick<ListRequest, 'filter' | 'anchor'>[],
): Promise<number[]> {
  const params = new Params();
  const arms = reqs.map(
    (r, k) =>
      `${matchOf(item, r.anchor, params)} WHERE ${compileFilter(r.filter, item.filter, 'n', params)} ` +
      `RETURN ${k} AS k, count(n) AS n`,
  );
  const rows = await gw.read(
    `listCounts.${item.label}`,
    `CALL () { ${arms.join(' UNION ALL ')} } RETURN k, n`,
    params.values,
  );
  const byK = new Map(rows.map((r) => [Number(r.k), Number(r.n)]));
  return reqs.map((_, k) => byK.get(k) ?? 0);
}
