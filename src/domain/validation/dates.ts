import { OPEN_END } from '../model';
import type { Issues } from './issues';
import { checkDateOrder } from './node-rules';

/** The earliest date a record may carry (the founding of the PRC; older dates are typos). */
export const MIN_DATE = '1949-10-01';

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Checks a date is real and within [MIN_DATE, OPEN_END). */
export function checkDate(issues: Issues, field: string, v: string): void {
  if (!isIsoDate(v)) issues.add(field, `must be a date written YYYY-MM-DD, got ${JSON.stringify(v)}`);
  else if (v < MIN_DATE) issues.add(field, `must not be before ${MIN_DATE}, got ${v}`);
  else if (v >= OPEN_END) issues.add(field, `must be before ${OPEN_END} (leave it out for "open")`);
}

/**
 * Checks a half-open validity interval [from, to): `to` must be after `from` (a pairing valid
 * from 2013-01-01 to 2013-01-01 would be valid on no day). `to` null means open.
 */
export function checkInterval(
  issues: Issues,
  fromField: string,
  from: string,
  toField: string,
  to: string | null | undefined,
): void {
  checkDate(issues, fromField, from);
  if (to == null) return;
  checkDate(issues, toField, to);
  if (isIsoDate(from) && isIsoDate(to))
    checkDateOrder(issues, { from: fromField, to: toField, strict: true }, toField, from, to);
}

/** Checks that `day` lies in the half-open [validFrom, validTo) of the record it is attached to. */
export function checkWithin(
  issues: Issues,
  field: string,
  day: string,
  what: string,
  validFrom: string,
  validTo: string,
): void {
  if (!isIsoDate(day)) return;
  if (day < validFrom) issues.add(field, `must not be before the ${what} began (${validFrom}), got ${day}`);
  else if (day >= validTo) issues.add(field, `must be before the ${what} ended (${validTo}), got ${day}`);
}

/** Re-exported for import-lookup.ts, which still imports them from here. */
export { DATED_WITHIN, type DatedRecord } from './dated-within';
