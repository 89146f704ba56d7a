import type { Page } from '../../domain/page';
import type { Params } from './filter';
import type { ItemSpec } from './reads';

/**
 * The one keyset-seek builder of item lists (nested pages, root lists, analytics drill-downs):
 * rows are ordered by (sort value, id) and a page starts strictly after (or before) the cursor's
 * position, with both values as parameters (the key order's sort value is the id: one parameter).
 */

/** The sort expression of the key order: the id alone, which an index on the id can seek. */
export const KEY_SORT = 'n.id';

/** The predicate over `n` that starts `page` after its cursor's position; `true` without a cursor. */
export function seek(page: Page, sort: string, params: Params): string {
  if (!page.from) return 'true';
  const [sv, id] = page.from;
  const op = page.direction === 'forward' ? '>' : '<';
  if (sort === KEY_SORT) return `n.id ${op} $${params.add(id)}`;
  const s = params.add(sv);
  const i = params.add(id);
  return `(${sort} ${op} $${s} OR (${sort} = $${s} AND n.id ${op} $${i}))`;
}

/** The Cypher direction a page is fetched in (backward pages are fetched reversed). */
export const directionOf = (page: Page) => (page.direction === 'forward' ? 'ASC' : 'DESC');

/** The sort expression of `order` over `n`; a TypeError for an order the item does not offer. */
export function sortOf(item: ItemSpec, order: string): string {
  const s = item.orders[order];
  if (!s) throw new TypeError(`unknown order ${order} for ${item.label}`);
  return s;
}
