const DAY_MS = 86_400_000;
const cache = new Map<number, string>();

/** Days since 1970-01-01 (UTC) of an ISO `YYYY-MM-DD` date. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** ISO `YYYY-MM-DD` of a day number; cached, since a banner uses only a few hundred distinct days. */
export function isoOf(day: number): string {
  let s = cache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    cache.set(day, s);
  }
  return s;
}

/** Windows of the synthetic timeline; all end on or before the report date 2013-04-16. */
export const WINDOWS = {
  /** Pairings and secondments begin in the first half of 2012 (the programmes start in 2012). */
  pairingStart: [dayOf('2012-01-01'), dayOf('2012-06-30')],
  /** Visits, projects, plans, casework, events: after every pairing began, up to the report date. */
  activity: [dayOf('2012-07-01'), dayOf('2013-04-16')],
  /** 两委 elections of the new round. */
  election: [dayOf('2012-03-01'), dayOf('2012-12-31')],
  /** Disputes found early enough that their resolution (3–60 days later) precedes the report. */
  disputeFound: [dayOf('2012-03-01'), dayOf('2013-02-10')],
  /** Promotions of seconded cadres to 副科级. */
  promotion: [dayOf('2012-10-01'), dayOf('2013-04-15')],
  inspection: [dayOf('2012-06-01'), dayOf('2013-04-10')],
} as const satisfies Record<string, readonly [number, number]>;
