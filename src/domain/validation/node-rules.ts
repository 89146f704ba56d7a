import type { Issues } from './issues';

/** Dates written YYYY-MM-DD compare as text; whether they are real days is checkDate's business. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Two dates of one record that must come in order: `to` after `from` when `strict` (a half-open
 * validity [from, to) that is valid on some day), or `to` not before `from`.
 */
export interface DateOrder {
  from: string;
  to: string;
  strict: boolean;
}

const validity: DateOrder = { from: 'validFrom', to: 'validTo', strict: true };

/**
 * The rules across the properties of one record, by label — the one table the mutations
 * (createPairing, endPairing, recordTenure, create/updateProgramme, resolveDispute), the ledger
 * import and the graph import check, with the same words (checkDateOrder).
 */
export const DATE_ORDERS: Readonly<Record<string, readonly DateOrder[]>> = {
  Pairing: [validity],
  Programme: [validity],
  Tenure: [validity],
  Goal: [validity],
  Dispute: [{ from: 'foundOn', to: 'resolvedOn', strict: false }],
};

/**
 * Adds an issue at `toField` when the dates `from` and `to` (either may be missing) break `order`.
 * The problem names the property `order.from`, so a mutation, a ledger row and a graph record
 * refusing the same values say the same thing.
 */
export function checkDateOrder(
  issues: Issues,
  order: DateOrder,
  toField: string,
  from: unknown,
  to: unknown,
): void {
  if (typeof from !== 'string' || typeof to !== 'string' || !DAY.test(from) || !DAY.test(to)) return;
  if (order.strict && to <= from) issues.add(toField, `must be after ${order.from} (${from}), got ${to}`);
  else if (!order.strict && to < from)
    issues.add(toField, `must not be before ${order.from} (${from}), got ${to}`);
}

/**
 * Checks a record's properties (as they will be stored) against its label's DATE_ORDERS; issues go
 * to `fieldOf(property)`.
 */
export function checkNodeRules(
  issues: Issues,
  label: string,
  props: Readonly<Record<string, unknown>>,
  fieldOf: (prop: string) => string = (p) => p,
): void {
  for (const o of DATE_ORDERS[label] ?? [])
    checkDateOrder(issues, o, fieldOf(o.to), props[o.from], props[o.to]);
}
