import { can, maskOf, type Viewer } from '../domain/access-policy';
import { AppError } from '../domain/errors';
import type { Label } from '../domain/model';

/** The field each order and filter field reads (what the access policy classifies). */
const ORDER_READS: Readonly<Record<string, string>> = { NAME: 'name' };
const FILTER_READS: Readonly<Record<string, string>> = { nameContains: 'name' };

/** How a list is ordered when its order reads a personal field the caller may not read. */
const MASKED_ORDER = { initial: 'NAME_INITIAL', hidden: 'KEY' } as const;

/**
 * A list's order as `viewer` may use it. Ordering by a personal field is reading it, so below
 * readPersonal a list of households or students ordered by NAME is ordered by what the caller
 * sees of the name — its first character — then by key: the order reveals nothing the masked
 * names do not.
 */
export function visibleOrder(viewer: Viewer, label: Label, order: string): string {
  const field = ORDER_READS[order];
  const mask = field === undefined ? null : maskOf(label, field);
  return mask === null || can(viewer, 'readPersonal') ? order : MASKED_ORDER[mask];
}

/**
 * Throws FORBIDDEN (naming the argument) when `filter` matches on a personal field of `label` —
 * at any AND/OR/NOT depth — and `viewer` may not read it: a match on a name would reveal it.
 */
export function checkVisibleFilter(viewer: Viewer, label: Label, filter: unknown, argument = 'filter'): void {
  if (!filter || typeof filter !== 'object' || can(viewer, 'readPersonal')) return;
  for (const [k, v] of Object.entries(filter as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    if (k === 'AND' || k === 'OR') {
      (v as unknown[]).forEach((f, i) => checkVisibleFilter(viewer, label, f, `${argument}.${k}[${i}]`));
    } else if (k === 'NOT') {
      checkVisibleFilter(viewer, label, v, `${argument}.NOT`);
    } else if (FILTER_READS[k] !== undefined && maskOf(label, FILTER_READS[k]) !== null) {
      throw new AppError('FORBIDDEN', `${argument}.${k} on ${label} records needs role analyst or higher`, {
        argument: `${argument}.${k}`,
        requiredRole: 'analyst',
      });
    }
  }
}
