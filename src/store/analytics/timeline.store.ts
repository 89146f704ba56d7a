import {
  CATEGORIES,
  LEVELS,
  OPEN_END,
  PAIRING_KINDS,
  type Category,
  type Level,
  type PairingKind,
} from '../../domain/model';
import type { Gateway } from '../gateway';
import { Params } from '../reads/filter';
import { pairingWhere, scopeFilter, type PairingScope } from './specs';

/**
 * The timeline analytic: pairings active at each period's start, started and ended in it, and
 * beneficiaries covered — in ONE statement whatever the number of periods. Each pairing is mapped
 * to period indexes by date arithmetic (no per-period scan): it is active at the starts of periods
 * [ceil(validFrom), ceil(validTo)) and the statement returns +1/−1 events at those two ends, summed
 * per (group, index); the service takes prefix sums. A beneficiary's pairings of one group are
 * merged into disjoint index ranges first, so it is counted once per period however many of its
 * pairings cover it. Cost: linear in the pairings in scope; the result has O(groups × periods) rows.
 */

export type Interval = 'YEAR' | 'MONTH';
export type TimelineGroupBy = 'LEVEL' | 'CATEGORY' | 'KIND';

/** The most periods one request may ask for (50 years by month). */
export const MAX_TIMELINE_PERIODS = 600;

export interface TimelineScope extends PairingScope {
  /** Only pairings of this helper (its store id), or null. */
  helperId: string | null;
}

export interface TimelineRequest {
  scope: TimelineScope;
  /** The first period's first day (ISO). */
  from: string;
  interval: Interval;
  /** Number of periods (1..MAX_TIMELINE_PERIODS). */
  periods: number;
  groupBy: TimelineGroupBy | null;
}

export interface TimelinePeriodModel {
  start: string;
  end: string;
  level: Level | null;
  category: Category | null;
  kind: PairingKind | null;
  active: number;
  started: number;
  ended: number;
  beneficiaries: number;
}

/** Period index of an ISO day or Neo4j date expression, rounded down (`floor`) — Cypher text. */
const GROUP_EXPR: Record<TimelineGroupBy | 'NONE', string> = {
  LEVEL: 'p.level',
  CATEGORY: 'p.category',
  KIND: 'p.kind',
  NONE: 'null',
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The first day of the period `i` periods after the one starting at `from` (ISO, UTC calendar). */
export function periodStart(from: string, interval: Interval, i: number): string {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7)) - 1;
  if (interval === 'YEAR') return `${pad(y + i, 4)}-01-01`;
  const k = y * 12 + m + i;
  return `${pad(Math.floor(k / 12), 4)}-${pad((k % 12) + 1)}-01`;
}

/** `day` rounded down to the start of its period. */
export const floorToPeriod = (day: string, interval: Interval) => periodStart(day, interval, 0);

/** Number of periods from the one holding `from` to the one holding `to` (inclusive). */
export function periodCount(from: string, to: string, interval: Interval): number {
  const idx = (d: string) =>
    interval === 'YEAR' ? Number(d.slice(0, 4)) : Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  return idx(to) - idx(from) + 1;
}

export function timelineCypher(anchor: 'AREA' | 'HELPER' | 'ALL', grp: string, where: string): string {
  const match =
    anchor === 'HELPER'
      ? 'MATCH (h {id: $helperId})<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(b)'
      : anchor === 'AREA'
        ? 'MATCH (:AdminUnit {id: $areaId})<-[:LOCATED_IN*0..6]-(b)<-[:BENEFICIARY]-(p:Pairing)'
        : 'MATCH (p:Pairing)-[:BENEFICIARY]->(b)';
  // floor index of a date d: periods since $base (year, or month counted from year 0)
  const fi = (d: string) =>
    `(CASE WHEN $monthly THEN ${d}.year * 12 + ${d}.month - 1 ELSE ${d}.year END - $base)`;
  // ceil index: the first period starting on or after d
  const ci = (d: string) =>
    `(${fi(d)} + CASE WHEN ${d}.day = 1 AND ($monthly OR ${d}.month = 1) THEN 0 ELSE 1 END)`;
  const clamp = (x: string) => `CASE WHEN ${x} < 0 THEN 0 WHEN ${x} > $n THEN $n ELSE ${x} END`;
  return `${match}
WHERE ${where}
WITH DISTINCT p, b
WITH p, b, ${grp} AS grp, ${fi('p.validFrom')} AS sf,
  CASE WHEN p.validTo = date('${OPEN_END}') THEN -1 ELSE ${fi('p.validTo')} END AS ef,
  ${ci('p.validFrom')} AS a0, ${ci('p.validTo')} AS z0
WITH p, b, grp, sf, ef, ${clamp('a0')} AS a, ${clamp('z0')} AS z
ORDER BY a
WITH grp, b, collect({a: a, z: z, sf: sf, ef: ef}) AS ps
WITH grp, ps, reduce(m = [], r IN [x IN ps WHERE x.a < x.z] |
  CASE WHEN size(m) > 0 AND r.a <= m[-1][1]
    THEN m[..-1] + [[m[-1][0], CASE WHEN r.z > m[-1][1] THEN r.z ELSE m[-1][1] END]]
    ELSE m + [[r.a, r.z]] END) AS merged
UNWIND [x IN ps WHERE x.a < x.z | [x.a, 'active', 1]] + [x IN ps WHERE x.a < x.z | [x.z, 'active', -1]]
  + [x IN ps WHERE 0 <= x.sf < $n | [x.sf, 'started', 1]] + [x IN ps WHERE 0 <= x.ef < $n | [x.ef, 'ended', 1]]
  + [r IN merged | [r[0], 'beneficiaries', 1]] + [r IN merged | [r[1], 'beneficiaries', -1]]
  + [[$n, 'group', 0]] AS ev
WITH grp, ev WHERE ev[0] <= $n
RETURN grp, ev[0] AS i, ev[1] AS what, sum(ev[2]) AS delta`;
}

type Measure = 'active' | 'started' | 'ended' | 'beneficiaries';

/** The timeline of one scope, period by period (and group by group), in one read. */
export async function timeline(gw: Gateway, r: TimelineRequest): Promise<TimelinePeriodModel[]> {
  const { scope, interval, periods: n, groupBy } = r;
  const base =
    interval === 'YEAR'
      ? Number(r.from.slice(0, 4))
      : Number(r.from.slice(0, 4)) * 12 + Number(r.from.slice(5, 7)) - 1;
  const params = new Params({
    areaId: scope.areaId,
    helperId: scope.helperId,
    monthly: interval === 'MONTH',
    base,
    n,
  });
  // the area is the anchor unless a helper is; then it is a filter (beneficiary in the area)
  const anchor = scope.helperId !== null ? 'HELPER' : scope.areaId !== null ? 'AREA' : 'ALL';
  const filterScope = { ...scope, on: null, areaId: anchor === 'HELPER' ? scope.areaId : null };
  const where = pairingWhere(scopeFilter(filterScope, {}), 'p', params);
  const rows = await gw.read(
    'analytics.timeline',
    timelineCypher(anchor, GROUP_EXPR[groupBy ?? 'NONE'], where),
    params.values,
  );

  // deltas per group, then prefix sums for the running measures
  const groups = new Map<string | null, Record<Measure, number[]>>();
  for (const row of rows) {
    const g = row.grp === null || row.grp === undefined ? null : String(row.grp);
    let s = groups.get(g);
    if (!s) {
      s = {
        active: Array<number>(n + 1).fill(0),
        started: Array<number>(n + 1).fill(0),
        ended: Array<number>(n + 1).fill(0),
        beneficiaries: Array<number>(n + 1).fill(0),
      };
      groups.set(g, s);
    }
    const what = String(row.what);
    if (what === 'group') continue;
    s[what as Measure][Number(row.i)] += Number(row.delta);
  }
  for (const s of groups.values()) {
    for (let i = 1; i <= n; i++) {
      s.active[i] += s.active[i - 1];
      s.beneficiaries[i] += s.beneficiaries[i - 1];
    }
  }
  const order: readonly (string | null)[] =
    groupBy === null
      ? [null]
      : [...(groupBy === 'LEVEL' ? LEVELS : groupBy === 'CATEGORY' ? CATEGORIES : PAIRING_KINDS), null];
  const present = order.filter((g) => groups.has(g) || (groupBy === null && g === null));
  const zero = { active: [], started: [], ended: [], beneficiaries: [] } as Record<Measure, number[]>;
  const out: TimelinePeriodModel[] = [];
  for (let i = 0; i < n; i++) {
    for (const g of present) {
      const s = groups.get(g) ?? zero;
      out.push({
        start: periodStart(r.from, interval, i),
        end: periodStart(r.from, interval, i + 1),
        level: groupBy === 'LEVEL' ? (g as Level | null) : null,
        category: groupBy === 'CATEGORY' ? (g as Category | null) : null,
        kind: groupBy === 'KIND' ? (g as PairingKind | null) : null,
        active: s.active[i] ?? 0,
        started: s.started[i] ?? 0,
        ended: s.ended[i] ?? 0,
        beneficiaries: s.beneficiaries[i] ?? 0,
      });
    }
  }
  return out;
}
