import type { Issues } from './issues';

/**
 * GraphQL's `Int` is a 32-bit signed integer (GraphQL spec, "Int"): an output field typed `Int`
 * cannot answer a larger value — it fails the read, and a non-null one nulls its parent. Every
 * stored property an `Int` field reads is therefore bounded by this range (or a tighter domain
 * limit) wherever it is written: `test/unit/int-output-rules.test.ts` checks it from the schema.
 */
export const GRAPHQL_INT_MIN = -(2 ** 31);
export const GRAPHQL_INT_MAX = 2 ** 31 - 1;

/** The whole numbers one stored property takes; `unit` is named in the messages ("yuan"). */
export interface WholeRange {
  min: number;
  max: number;
  unit?: string;
}

/** The largest amount (yuan) one project or budget may record: larger is a typo (10 billion yuan). */
export const MAX_AMOUNT_YUAN = 10_000_000_000;

/** Household sizes accepted (家庭人口). */
export const MAX_MEMBERS = 30;

/**
 * The limits of each whole-number property — the one table the mutations (entity-fields.ts,
 * store/writes) and graph import (graph-rules.ts) both check, with the same words (checkWhole).
 */
export const WHOLE = {
  /** Money in whole yuan (元). Output as NonNegativeInt, so above Int's range is fine. */
  amountYuan: { min: 0, max: MAX_AMOUNT_YUAN, unit: 'yuan' },
  /** Household members (output `Household.memberCount: Int`). */
  members: { min: 1, max: MAX_MEMBERS },
  /** A quote's place in its source (output `Citation.charOffset: Int`). */
  charOffset: { min: 0, max: GRAPHQL_INT_MAX },
  /** A record's version (output `version: Int!`): a restored dump keeps it. */
  version: { min: 0, max: GRAPHQL_INT_MAX },
  /** A calendar year (output `Budget.year: Int`). */
  year: { min: 1949, max: 9999 },
  /** A count output as NonNegativeInt (brochures, target persons): exact up to 2^53 − 1. */
  count: { min: 0, max: Number.MAX_SAFE_INTEGER },
} as const satisfies Record<string, WholeRange>;

/**
 * Checks that `v` is a whole number within `r`; adds one issue at `field` otherwise and returns
 * whether it passed. `v` may be a bigint: a CSV cell of digits too long for a JavaScript number
 * (coerceCell), so the message quotes it exactly. A JSON number beyond 2^53 − 1 has already been
 * rounded by the parser, so the message says it is too large without quoting the rounded value.
 */
export function checkWhole(issues: Issues, field: string, v: unknown, r: WholeRange): boolean {
  const unit = r.unit ? ` ${r.unit}` : '';
  const whole = typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
  if (!whole) {
    const shown = typeof v === 'number' ? String(v) : JSON.stringify(v);
    issues.add(field, `must be a whole number from ${r.min} to ${r.max}${unit}, got ${shown}`);
    return false;
  }
  const exact = typeof v === 'bigint' || Number.isSafeInteger(v);
  const shown = exact ? String(v) : `a number too large to read exactly (beyond ±${Number.MAX_SAFE_INTEGER})`;
  if (v > r.max) {
    issues.add(field, `is too large: must be at most ${r.max}${unit}, got ${shown}`);
    return false;
  }
  if (v < r.min) {
    issues.add(field, `is too small: must be at least ${r.min}${unit}, got ${shown}`);
    return false;
  }
  return true;
}
