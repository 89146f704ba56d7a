import { clauseAt, type Span } from './spans';

/**
 * What kind of quantity a figure is. COUNT, AMOUNT (money) and PERCENT are the figures a report
 * states about its area — the candidates for Observations. RATE is per unit (每个村50万元: a quota
 * or a standard, not a total), RANGE has a low and a high value, YEAR/DATE are points in time and
 * DURATION a horizon or a span up to now (三年内, 8年多来).
 */
export type FigureKind = 'COUNT' | 'AMOUNT' | 'PERCENT' | 'RATE' | 'RANGE' | 'YEAR' | 'DATE' | 'DURATION';

/** How exact the figure is, as the Observation's comparator records it. */
export type FigureComparator = 'EXACT' | 'MORE_THAN' | 'AT_LEAST';

export interface Figure {
  kind: FigureKind;
  value: number;
  /** The high end of a RANGE; null otherwise. */
  high: number | null;
  /** Canonical unit (persons, villages, pairings, yuan, percent, years …). */
  unit: string;
  /** The measure word as written (个, 名, 户, 元 …; '' when the noun follows the number directly). */
  classifier: string;
  /** 余/多/以上/超过/至少: the true figure is at least (or more than) `value`. */
  atLeast: boolean;
  /** 近/约/左右: the figure is approximate. */
  about: boolean;
  /** 累计: a running total. */
  cumulative: boolean;
  comparator: FigureComparator;
  /** What a RATE is per (个村, 人, 户 …); null otherwise. */
  per: string | null;
  /** 每年/每月: a figure stated per period. */
  period: 'year' | 'month' | null;
  /** For YEAR and DATE: ISO year, year-month or date; for DURATION ending now, `since` flags 以来. */
  date: string | null;
  since: boolean;
  /** The figure as written, in the normalised text. */
  span: Span;
  /** The clause that states it (verbatim). */
  quote: Span & { text: string };
}

/** Whether a figure is a candidate Observation (a stated count, amount or percentage). */
export const isObservationCandidate = (f: Figure): boolean =>
  f.kind === 'COUNT' || f.kind === 'AMOUNT' || f.kind === 'PERCENT';

/** A figure at `span` with its quote (the clause stating it); unset fields take their defaults. */
export function figure(
  t: string,
  a: string,
  span: Span,
  p: Partial<Figure> & Pick<Figure, 'kind' | 'value' | 'unit' | 'classifier'>,
): Figure {
  const q = clauseAt(a, span.start);
  return {
    high: null,
    atLeast: false,
    about: false,
    cumulative: false,
    comparator: 'EXACT',
    per: null,
    period: null,
    date: null,
    since: false,
    ...p,
    span,
    quote: {
      start: q.start,
      end: Math.max(q.end, span.end),
      text: t.slice(q.start, Math.max(q.end, span.end)),
    },
  };
}
