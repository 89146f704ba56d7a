import {
  active,
  AREA,
  COUNTED,
  COUNTED_PAIRS,
  PAIRINGS,
  TOWNSHIP_KINDS,
  VILLAGE_KINDS,
} from './indicator-fragments';
import type { IndicatorQuery } from './indicators.cypher';

/**
 * The figures of the pairing network: levels, categories, pairings, helpers, paired households,
 * projects and visits. Each query keeps the contract stated on IndicatorQuery.
 */
export const PAIRING_QUERIES = {
  'network.levels': {
    description:
      '“五级”: distinct levels at the two ends of active pairings (helper level; VILLAGE/TOWNSHIP for the beneficiary side)',
    params: [],
    cypher: `${PAIRINGS}
WHERE p.level IS NOT NULL AND ${active('p')}
WITH DISTINCT p.level AS helperLevel,
  CASE WHEN b:Household OR (b:AdminUnit AND b.kind IN ${VILLAGE_KINDS}) THEN 'VILLAGE'
       WHEN b:AdminUnit AND b.kind IN ${TOWNSHIP_KINDS} THEN 'TOWNSHIP' END AS beneficiaryLevel
UNWIND [helperLevel, beneficiaryLevel] AS level
RETURN count(DISTINCT level) AS value`,
  },
  'network.categories': {
    description: '“四类”: distinct helper categories of active pairings',
    params: [],
    cypher: `${PAIRINGS}
WHERE p.category IS NOT NULL AND ${active('p')}
RETURN count(DISTINCT p.category) AS value`,
  },
  'pairings.count': {
    description:
      '帮扶对子 of one helper level: active ASSIST/STATIONED pairings with a village-level unit or a household in one',
    params: ['level'],
    cypher: `${PAIRINGS}
WHERE p.level = $level AND ${COUNTED_PAIRS}
RETURN count(DISTINCT p) AS value`,
  },
  'helpers.count': {
    description: 'distinct helpers of one level and category among those pairings',
    params: ['level', 'category'],
    cypher: `${PAIRINGS}
WHERE p.level = $level AND p.category = $category AND ${COUNTED_PAIRS}
MATCH (p)-[:HELPER]->(h)
RETURN count(DISTINCT h) AS value`,
  },
  'beneficiaryVillages.count': {
    description: 'distinct 嘎查村/社区 that are direct beneficiaries of active pairings of one helper level',
    params: ['level'],
    cypher: `${PAIRINGS}
WHERE p.level = $level AND p.kind IN ${COUNTED} AND ${active('p')} AND b:AdminUnit AND b.kind IN ${VILLAGE_KINDS}
RETURN count(DISTINCT b) AS value`,
  },
  'households.paired': {
    description: 'distinct poor households that are beneficiaries of active pairings (any level)',
    params: [],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(b:Household)<-[:BENEFICIARY]-(p:Pairing)
WHERE p.kind IN ${COUNTED} AND ${active('p')}
RETURN count(DISTINCT b) AS value`,
  },
  'projects.count': {
    description: 'projects drawn up by the reference date on pairings whose beneficiary is in the area',
    params: [],
    cypher: `${PAIRINGS}-[:HAS_PROJECT]->(j:Project)
WHERE j.date <= date($on)
RETURN count(DISTINCT j) AS value`,
  },
  'projects.countByLevel': {
    description: 'projects on pairings of one helper level',
    params: ['level'],
    cypher: `${PAIRINGS}-[:HAS_PROJECT]->(j:Project)
WHERE p.level = $level AND j.date <= date($on)
RETURN count(DISTINCT j) AS value`,
  },
  'projects.amountYuan': {
    description: 'sum of project amounts (funds and materials, integer yuan)',
    params: [],
    cypher: `${PAIRINGS}-[:HAS_PROJECT]->(j:Project)
WHERE j.date <= date($on)
WITH DISTINCT j
RETURN sum(j.amountYuan) AS value`,
  },
  'visits.count': {
    description: '调研 visits by the reference date on pairings whose beneficiary is a 嘎查村/社区',
    params: [],
    cypher: `${PAIRINGS}-[:HAS_VISIT]->(v:Visit)
WHERE b:AdminUnit AND b.kind IN ${VILLAGE_KINDS} AND v.date <= date($on)
RETURN count(DISTINCT v) AS value`,
  },
} as const satisfies Record<string, IndicatorQuery>;
