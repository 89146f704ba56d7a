import type { Gateway } from '../gateway';
import { activeAt, VILLAGE_KINDS, type CoverageKind } from './specs';

/**
 * Coverage figures of an area, rolled up through the admin tree: everything counted lies in the
 * area or below it (`LOCATED_IN*0..`), so a banner's figures include its townships' and villages'.
 * "Assisted" = the beneficiary of at least one pairing (any kind) valid on the day.
 */

/** A coverage request: the area (null = the whole graph) and the day. */
export interface CoverageModel {
  areaId: string | null;
  on: string;
}

/** One kind of beneficiary in a coverage, with what its drill-down list needs. */
export interface BeneficiaryCoverageModel extends CoverageModel {
  kind: CoverageKind;
  registered: number;
  assisted: number;
}

/** One bar of the helpers-per-village histogram. */
export interface HelpersPerVillageModel extends CoverageModel {
  helpers: number;
  villages: number;
}

export interface CoverageSummary {
  /** [helpers, villages]: how many village-level units have exactly that many distinct active helpers. */
  histogram: [number, number][];
  households: number;
  householdsAssisted: number;
  students: number;
  studentsAssisted: number;
}

const ACTIVE = activeAt('q', '$on');
const assisted = (x: string) =>
  `count(CASE WHEN EXISTS { MATCH (${x})<-[:BENEFICIARY]-(q:Pairing) WHERE ${ACTIVE} } THEN ${x} END)`;

/** The figures per area (`area` bound by the caller) or, unscoped, for the whole graph. */
function figures(scoped: boolean): string {
  const within = (v: string, label: string) =>
    scoped ? `(area)<-[:LOCATED_IN*0..]-(${v}:${label})` : `(${v}:${label})`;
  const uses = scoped ? 'area' : '';
  return `CALL (${uses}) {
    OPTIONAL MATCH ${within('v', 'AdminUnit')} WHERE v.kind IN ${VILLAGE_KINDS}
    WITH v, COUNT { MATCH (v)<-[:BENEFICIARY]-(q:Pairing)-[:HELPER]->(h) WHERE ${ACTIVE} RETURN DISTINCT h } AS helpers
    WITH helpers, count(v) AS villages WHERE villages > 0
    WITH helpers, villages ORDER BY helpers
    RETURN collect([helpers, villages]) AS histogram
  }
  CALL (${uses}) {
    OPTIONAL MATCH ${within('x', 'Household')}
    RETURN count(x) AS households, ${assisted('x')} AS householdsAssisted
  }
  CALL (${uses}) {
    OPTIONAL MATCH ${within('x', 'Student')}
    RETURN count(x) AS students, ${assisted('x')} AS studentsAssisted
  }`;
}

export const COVERAGE_BY_AREA = `UNWIND $areas AS aid
MATCH (area:AdminUnit {id: aid})
${figures(true)}
RETURN aid, histogram, households, householdsAssisted, students, studentsAssisted`;

export const COVERAGE_ALL = `${figures(false)}
RETURN histogram, households, householdsAssisted, students, studentsAssisted`;

const toSummary = (r: Record<string, unknown>): CoverageSummary => ({
  histogram: (r.histogram as [number, number][]).map(([h, n]) => [Number(h), Number(n)]),
  households: Number(r.households),
  householdsAssisted: Number(r.householdsAssisted),
  students: Number(r.students),
  studentsAssisted: Number(r.studentsAssisted),
});

/**
 * Summaries for several areas in one statement (null = the whole graph, its own statement), in
 * input order; an area that does not exist gives null.
 */
export async function coverageSummaries(
  gw: Gateway,
  areaIds: readonly (string | null)[],
  on: string,
): Promise<(CoverageSummary | null)[]> {
  const ids = areaIds.filter((a): a is string => a !== null);
  const byArea = new Map<string, CoverageSummary>();
  if (ids.length) {
    const rows = await gw.read('analytics.coverage', COVERAGE_BY_AREA, { areas: ids, on });
    for (const r of rows) byArea.set(String(r.aid), toSummary(r));
  }
  const all = areaIds.includes(null) ? await gw.read('analytics.coverageAll', COVERAGE_ALL, { on }) : [];
  return areaIds.map((a) => (a === null ? (all[0] ? toSummary(all[0]) : null) : (byArea.get(a) ?? null)));
}

/** The direct children (AdminUnits) of each area, by id; null = the units without a parent. */
export async function childAreas(gw: Gateway, areaIds: readonly (string | null)[]): Promise<string[][]> {
  const ids = areaIds.filter((a): a is string => a !== null);
  const byArea = new Map<string, string[]>();
  if (ids.length) {
    const rows = await gw.read(
      'analytics.coverage.children',
      `UNWIND $areas AS aid MATCH (:AdminUnit {id: aid})<-[:LOCATED_IN]-(c:AdminUnit)
       WITH aid, c ORDER BY c.id RETURN aid, collect(c.id) AS children`,
      { areas: ids },
    );
    for (const r of rows) byArea.set(String(r.aid), r.children as string[]);
  }
  const tops = areaIds.includes(null)
    ? await gw.read(
        'analytics.coverage.tops',
        'MATCH (c:AdminUnit) WHERE NOT EXISTS { MATCH (c)-[:LOCATED_IN]->(:AdminUnit) } RETURN c.id AS id ORDER BY id',
      )
    : [];
  return areaIds.map((a) => (a === null ? tops.map((r) => String(r.id)) : (byArea.get(a) ?? [])));
}
