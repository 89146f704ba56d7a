import { ACTIVITY_QUERIES } from './activity-queries.cypher';
import { PAIRING_QUERIES } from './pairing-queries.cypher';
import { PEOPLE_QUERIES } from './people-queries.cypher';

/**
 * The queries that recompute every figure of the report from pairings and entities (never from an
 * Observation's own value). Contract of every query:
 *  - read-only; parameters `$areaId` (an AdminUnit id) and `$on` (the reference date: a Neo4j Date
 *    or an ISO `YYYY-MM-DD` string, both go through `date($on)`), plus the names in `params`, which
 *    are exactly the keys of the observation's `dimensions`;
 *  - everything counted lies in the area: `(x)-[:LOCATED_IN*0..]->(area)` for the thing itself or
 *    the unit it is FOR / HELD_IN / IN / the pairing's beneficiary; so extra synthetic banners
 *    never change 准格尔旗's figures;
 *  - returns exactly one row with one numeric column `value` (aggregations without grouping).
 * Interpretations of the report's wording are recorded in docs/model.md.
 */
export interface IndicatorQuery {
  cypher: string;
  description: string;
  /** Dimension parameters the query reads besides `$areaId` and `$on`. */
  params: readonly string[];
}

/** Every indicator query by compute key (an Observation's `computeKey`). */
export const INDICATOR_QUERIES = {
  ...PAIRING_QUERIES,
  ...ACTIVITY_QUERIES,
  ...PEOPLE_QUERIES,
} as const satisfies Record<string, IndicatorQuery>;

export type ComputeKey = keyof typeof INDICATOR_QUERIES;

export function isComputeKey(k: string): k is ComputeKey {
  return Object.prototype.hasOwnProperty.call(INDICATOR_QUERIES, k);
}
