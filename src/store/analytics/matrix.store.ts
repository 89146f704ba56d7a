import { CATEGORIES, COUNTED_PAIRING_KINDS, LEVELS, type Category, type Level } from '../../domain/model';
import type { Gateway } from '../gateway';
import { Params } from '../reads/filter';
import { cypherList, pairingWhere, scopeFilter, VILLAGE_KINDS, type PairingScope } from './specs';

/**
 * The 五级 × 四类 matrix of 帮扶对子, counted exactly as the indicator queries count them
 * (indicators.cypher.ts `pairings.count` / `helpers.count`): pairings of kind ASSIST or STATIONED,
 * valid on the day, whose beneficiary is a 嘎查村/社区 or a poor household lying in the area.
 */

export type MatrixGrouping = 'CELL' | 'LEVEL' | 'TOTAL';

export interface MatrixCellModel {
  /** Null on the rows that sum over levels (the total). */
  level: Level | null;
  /** Null on rows that sum over categories (a level's row, the total). */
  category: Category | null;
  pairs: number;
  helpers: number;
  beneficiaries: number;
  scope: PairingScope;
}

const GROUP: Record<MatrixGrouping, string> = {
  CELL: 'p.level AS level, p.category AS category',
  LEVEL: 'p.level AS level, null AS category',
  TOTAL: 'null AS level, null AS category',
};

const COUNTED_PAIR = `p.kind IN ${cypherList(COUNTED_PAIRING_KINDS)} AND p.level IS NOT NULL AND p.category IS NOT NULL
  AND (b:Household OR (b:AdminUnit AND b.kind IN ${VILLAGE_KINDS}))`;

/** One aggregation statement: anchored on the area when there is one, else on all pairings. */
export function matrixCypher(grouping: MatrixGrouping, hasArea: boolean, where: string): string {
  const anchor = hasArea
    ? 'MATCH (:AdminUnit {id: $areaId})<-[:LOCATED_IN*0..]-(b)<-[:BENEFICIARY]-(p:Pairing)'
    : 'MATCH (b)<-[:BENEFICIARY]-(p:Pairing)';
  return `${anchor}
WHERE ${COUNTED_PAIR} AND ${where}
MATCH (p)-[:HELPER]->(h)
RETURN ${GROUP[grouping]}, count(DISTINCT p) AS pairs, count(DISTINCT h) AS helpers, count(DISTINCT b) AS beneficiaries`;
}

/** Every cell of `grouping` (zeros included, in LEVELS × CATEGORIES order), for one scope. */
export async function pairingMatrix(
  gw: Gateway,
  scope: PairingScope,
  grouping: MatrixGrouping,
): Promise<MatrixCellModel[]> {
  const params = new Params({ areaId: scope.areaId });
  const where = pairingWhere(scopeFilter({ ...scope, areaId: null }, {}), 'p', params);
  const rows = await gw.read(
    `analytics.matrix.${grouping.toLowerCase()}`,
    matrixCypher(grouping, scope.areaId !== null, where),
    params.values,
  );
  const found = new Map(rows.map((r) => [`${String(r.level)}|${String(r.category)}`, r]));
  const cell = (level: Level | null, category: Category | null): MatrixCellModel => {
    const r = found.get(`${String(level)}|${String(category)}`);
    return {
      level,
      category,
      pairs: Number(r?.pairs ?? 0),
      helpers: Number(r?.helpers ?? 0),
      beneficiaries: Number(r?.beneficiaries ?? 0),
      scope,
    };
  };
  if (grouping === 'TOTAL') return [cell(null, null)];
  if (grouping === 'LEVEL') return LEVELS.map((l) => cell(l, null));
  return LEVELS.flatMap((l) => CATEGORIES.map((c) => cell(l, c)));
}
