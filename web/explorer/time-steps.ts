/**
 * Calendar arithmetic of the explorer's time control, on ISO days (YYYY-MM-DD) without time zones:
 * a step by year or month keeps the day of the month where it can (31 January + 1 month is the
 * last day of February), and the slider counts months. Pure, so unit tests run it without a DOM.
 */

export type Step = 'year' | 'month';

/** The first and last day the data knows of (first validFrom, last validFrom or validTo). */
export interface DataRange {
  first: string;
  last: string;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y, m, d];
}

function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`;
}

/** `day` moved by `by` years or months (negative: back), the day of the month kept or clamped. */
export function stepDay(day: string, step: Step, by: number): string {
  const [y, m, d] = parts(day);
  const months = y * 12 + (m - 1) + (step === 'year' ? 12 * by : by);
  return isoDay(Math.floor(months / 12), (months % 12) + 1, d);
}

/** The slider position of a day: months since year 0. */
export function monthIndex(day: string): number {
  const [y, m] = parts(day);
  return y * 12 + (m - 1);
}

/** The day at slider position `index`, on day-of-month `dayOfMonth` (clamped to the month). */
export function dayAtMonth(index: number, dayOfMonth: number): string {
  return isoDay(Math.floor(index / 12), (index % 12) + 1, dayOfMonth);
}

/** Where `day` lies against the data: before its first day, after its last, or within. */
export function placeInData(day: string, range: DataRange | null): 'before' | 'after' | 'within' {
  if (!range) return 'within';
  if (day < range.first) return 'before';
  if (day > range.last) return 'after';
  return 'within';
}
