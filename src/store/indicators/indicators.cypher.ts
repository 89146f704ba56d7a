import {
  COMMITTEE_POSTS,
  COMPARATORS,
  COUNTED_PAIRING_KINDS,
  EVENT_KINDS,
  TOWNSHIP_LEVEL_KINDS,
  VILLAGE_LEVEL_KINDS,
  WUSONG_THEMES,
  type Comparator,
} from '../../domain/model';
import type { Row } from '../gateway';

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

/** Closed lists are inlined as Cypher list literals; they come from domain/model, never from input. */
const list = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
const VILLAGE_KINDS = list(VILLAGE_LEVEL_KINDS);
const TOWNSHIP_KINDS = list(TOWNSHIP_LEVEL_KINDS);
const COUNTED = list(COUNTED_PAIRING_KINDS);
const active = (v: string) => `${v}.validFrom <= date($on) AND date($on) < ${v}.validTo`;

const AREA = 'MATCH (area:AdminUnit {id: $areaId})';
/** Pairings whose beneficiary `b` lies in the area. */
const PAIRINGS = `${AREA}\nMATCH (area)<-[:LOCATED_IN*0..]-(b)<-[:BENEFICIARY]-(p:Pairing)`;
/** 帮扶对子 in the report's sense: assisting or stationed, beneficiary a village-level unit or a household. */
const COUNTED_PAIRS =
  `p.kind IN ${COUNTED} AND ${active('p')}\n` +
  `  AND (b:Household OR (b:AdminUnit AND b.kind IN ${VILLAGE_KINDS}))`;
/** Things attached (FOR / HELD_IN) to a unit inside the area. */
const unitsInArea = (rel: string, label: string) =>
  `${AREA}\nMATCH (area)<-[:LOCATED_IN*0..]-(:AdminUnit)<-[:${rel}]-(x:${label})`;
/** A person's tenure in a village-level unit of the area. */
const TENURES = `${AREA}\nMATCH (area)<-[:LOCATED_IN*1..]-(v:AdminUnit)<-[:IN]-(t:Tenure)<-[:HOLDS]-(x:Person)`;

export const INDICATOR_QUERIES = {
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
  'disputes.found': {
    description: '矛盾纠纷 found by the reference date',
    params: [],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(d:Dispute)
WHERE d.foundOn <= date($on)
RETURN count(DISTINCT d) AS value`,
  },
  'disputes.resolved': {
    description: '矛盾纠纷 resolved by the reference date',
    params: [],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(d:Dispute)
WHERE d.foundOn <= date($on) AND d.resolvedOn <= date($on)
RETURN count(DISTINCT d) AS value`,
  },
  'disputes.resolutionRate': {
    description: 'resolved ÷ found, in percent rounded to 2 decimals (null when none found)',
    params: [],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(d:Dispute)
WHERE d.foundOn <= date($on)
WITH count(DISTINCT d) AS found, count(DISTINCT CASE WHEN d.resolvedOn <= date($on) THEN d END) AS resolved
RETURN CASE WHEN found = 0 THEN null ELSE round(100.0 * resolved / found, 2) END AS value`,
  },
  'goals.targetPersons': {
    description: 'persons to lift out of poverty by the goals of one horizon in force on the reference date',
    params: ['horizon'],
    cypher: `${unitsInArea('FOR', 'Goal')}
WHERE x.horizon = $horizon AND ${active('x')}
WITH DISTINCT x
RETURN sum(x.targetPersons) AS value`,
  },
  'plans.count': {
    description: '发展计划 drawn up by the reference date for units in the area',
    params: [],
    cypher: `${unitsInArea('FOR', 'Plan')}
WHERE x.date <= date($on)
RETURN count(DISTINCT x) AS value`,
  },
  'casework.count': {
    description: 'difficulties solved for villagers by the reference date',
    params: [],
    cypher: `${unitsInArea('FOR', 'Casework')}
WHERE x.date <= date($on)
RETURN count(DISTINCT x) AS value`,
  },
  'events.count': {
    description: '文艺演出 and 宣讲 events held in the area by the reference date',
    params: [],
    cypher: `${unitsInArea('HELD_IN', 'Event')}
WHERE x.kind IN ${list(EVENT_KINDS)} AND x.date <= date($on)
RETURN count(DISTINCT x) AS value`,
  },
  'events.brochures': {
    description: 'brochures handed out at those events',
    params: [],
    cypher: `${unitsInArea('HELD_IN', 'Event')}
WHERE x.kind IN ${list(EVENT_KINDS)} AND x.date <= date($on)
WITH DISTINCT x
RETURN sum(x.brochures) AS value`,
  },
  'events.wusongThemes': {
    description: 'distinct 五送 themes among events under a programme',
    params: ['programmeId'],
    cypher: `${unitsInArea('HELD_IN', 'Event')}-[:UNDER]->(:Programme {id: $programmeId})
WHERE x.theme IN ${list(WUSONG_THEMES)} AND x.date <= date($on)
RETURN count(DISTINCT x.theme) AS value`,
  },
  'inspections.count': {
    description: '督查 held in the area by the reference date',
    params: [],
    cypher: `${unitsInArea('HELD_IN', 'Inspection')}
WHERE x.date <= date($on)
RETURN count(DISTINCT x) AS value`,
  },
  'budget.amountYuan': {
    description: 'working budget of one year for organizations located in the area (integer yuan)',
    params: ['year'],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(:Organization)<-[:FOR]-(x:Budget)
WHERE x.year = $year
WITH DISTINCT x
RETURN sum(x.amountYuan) AS value`,
  },
  'leadingGroup.functionalGroups': {
    description: 'functional groups (职能组室) of leading-group offices in the area',
    params: [],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(g:Organization {groupRole: 'FUNCTIONAL_GROUP'})-[:PART_OF]->(:Organization {groupRole: 'OFFICE'})
RETURN count(DISTINCT g) AS value`,
  },
  'secondedCadres.stationed': {
    description: 'persons holding a full-time STATIONED_CADRE tenure in a 嘎查村/社区 on the reference date',
    params: [],
    cypher: `${TENURES}
WHERE t.post = 'STATIONED_CADRE' AND t.fullTime = true AND v.kind IN ${VILLAGE_KINDS} AND ${active('t')}
RETURN count(DISTINCT x) AS value`,
  },
  'secondedCadres.promoted': {
    description: 'stationed cadres who also hold a DEPUTY_SECTION_CHIEF tenure begun by the reference date',
    params: [],
    cypher: `${TENURES}
WHERE t.post = 'STATIONED_CADRE' AND v.kind IN ${VILLAGE_KINDS} AND t.validFrom <= date($on)
MATCH (x)-[:HOLDS]->(promotion:Tenure {post: 'DEPUTY_SECTION_CHIEF'})
WHERE promotion.validFrom <= date($on)
RETURN count(DISTINCT x) AS value`,
  },
  'villages.count': {
    description: 'village-level units (嘎查村 and 社区) in the area',
    params: [],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(v:AdminUnit)
WHERE v.kind IN ${VILLAGE_KINDS}
RETURN count(DISTINCT v) AS value`,
  },
  'villages.countByKind': {
    description: 'administrative units of one kind in the area',
    params: ['unitKind'],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(v:AdminUnit)
WHERE v.kind = $unitKind
RETURN count(DISTINCT v) AS value`,
  },
  'villages.designated': {
    description: 'village-level units carrying one designation',
    params: ['designation'],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*1..]-(v:AdminUnit)
WHERE v.kind IN ${VILLAGE_KINDS} AND $designation IN v.designations
RETURN count(DISTINCT v) AS value`,
  },
  'tenures.transferredSecretaries': {
    description:
      'transferred village cadres serving as VILLAGE_SECRETARY of a BACKWARD village on the reference date',
    params: [],
    cypher: `${TENURES}
WHERE t.post = 'VILLAGE_SECRETARY' AND 'TRANSFERRED_VILLAGE_CADRE' IN x.roles AND 'BACKWARD' IN v.designations
  AND ${active('t')}
RETURN count(DISTINCT x) AS value`,
  },
  'villageOfficials.inCommittees': {
    description: '大学生村官 holding a 两委 post in a village-level unit on the reference date',
    params: [],
    cypher: `${TENURES}
WHERE t.post IN ${list(COMMITTEE_POSTS)} AND v.kind IN ${VILLAGE_KINDS} AND 'COLLEGE_VILLAGE_OFFICIAL' IN x.roles
  AND ${active('t')}
RETURN count(DISTINCT x) AS value`,
  },
  'villageOfficials.byPost': {
    description: '大学生村官 holding one 两委 post on the reference date',
    params: ['post'],
    cypher: `${TENURES}
WHERE t.post = $post AND v.kind IN ${VILLAGE_KINDS} AND 'COLLEGE_VILLAGE_OFFICIAL' IN x.roles AND ${active('t')}
RETURN count(DISTINCT x) AS value`,
  },
  'sponsorship.students': {
    description: 'students ever sponsored (SPONSOR pairings begun by the reference date) by one person',
    params: ['helperId'],
    cypher: `${AREA}
MATCH (:Person {id: $helperId})<-[:HELPER]-(p:Pairing {kind: 'SPONSOR'})-[:BENEFICIARY]->(s:Student)-[:LOCATED_IN*0..]->(area)
WHERE p.validFrom <= date($on)
RETURN count(DISTINCT s) AS value`,
  },
  'sponsorship.years': {
    description: 'reference year minus the year of the earliest SPONSOR pairing of one person',
    params: ['helperId'],
    cypher: `${AREA}
MATCH (:Person {id: $helperId})<-[:HELPER]-(p:Pairing {kind: 'SPONSOR'})-[:BENEFICIARY]->(:Student)-[:LOCATED_IN*0..]->(area)
WHERE p.validFrom <= date($on)
RETURN date($on).year - min(p.validFrom.year) AS value`,
  },
  'recognition.featuredOrganizations': {
    description: 'organizations featured by one recognition made for the area',
    params: ['recognitionId'],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*0..]-(:AdminUnit)<-[:FOR]-(:Recognition {id: $recognitionId})-[:FEATURES]->(o:Organization)
RETURN count(DISTINCT o) AS value`,
  },
  'recognition.featuredPersons': {
    description: 'persons featured by one recognition made for the area',
    params: ['recognitionId'],
    cypher: `${AREA}
MATCH (area)<-[:LOCATED_IN*0..]-(:AdminUnit)<-[:FOR]-(:Recognition {id: $recognitionId})-[:FEATURES]->(x:Person)
RETURN count(DISTINCT x) AS value`,
  },
} as const satisfies Record<string, IndicatorQuery>;

export type ComputeKey = keyof typeof INDICATOR_QUERIES;

export function isComputeKey(k: string): k is ComputeKey {
  return Object.prototype.hasOwnProperty.call(INDICATOR_QUERIES, k);
}

/** One reported figure as read from the graph, ready to be recomputed and compared. */
export interface ObservationRow {
  id: string;
  indicatorId: string;
  computeKey: string;
  value: number;
  unit: string;
  comparator: Comparator;
  areaId: string;
  /** ISO `YYYY-MM-DD`. */
  referenceDate: string;
  /** Extra query parameters (the keys listed in the node's `dimensionKeys`). */
  dimensions: Record<string, string | number>;
}

/** Every observation with its dimensions as `[key, value]` pairs (Cypher cannot build maps with dynamic keys). */
export const LIST_OBSERVATIONS = `MATCH (o:Observation)-[:OF]->(i:Indicator)
RETURN o.id AS id, i.id AS indicatorId, o.computeKey AS computeKey, o.value AS value, o.unit AS unit,
  o.comparator AS comparator, o.areaId AS areaId, o.referenceDate AS referenceDate,
  [k IN coalesce(o.dimensionKeys, []) | [k, o[k]]] AS dimensions
ORDER BY id`;

/** Turns a LIST_OBSERVATIONS row (plain values from the gateway) into an ObservationRow; throws naming the bad field. */
export function toObservationRow(row: Row): ObservationRow {
  const str = (k: string): string => {
    const v = row[k];
    if (typeof v !== 'string')
      throw new TypeError(`observation ${String(row.id)}: ${k} should be a string, got ${JSON.stringify(v)}`);
    return v;
  };
  const value = row.value;
  if (typeof value !== 'number')
    throw new TypeError(
      `observation ${String(row.id)}: value should be a number, got ${JSON.stringify(value)}`,
    );
  const comparator = str('comparator');
  if (!(COMPARATORS as readonly string[]).includes(comparator)) {
    throw new TypeError(
      `observation ${String(row.id)}: comparator should be one of ${COMPARATORS.join('|')}, got ${comparator}`,
    );
  }
  const dimensions: Record<string, string | number> = {};
  for (const pair of Array.isArray(row.dimensions) ? row.dimensions : []) {
    if (
      !Array.isArray(pair) ||
      typeof pair[0] !== 'string' ||
      (typeof pair[1] !== 'string' && typeof pair[1] !== 'number')
    ) {
      throw new TypeError(`observation ${String(row.id)}: malformed dimension ${JSON.stringify(pair)}`);
    }
    dimensions[pair[0]] = pair[1];
  }
  return {
    id: str('id'),
    indicatorId: str('indicatorId'),
    computeKey: str('computeKey'),
    value,
    unit: str('unit'),
    comparator: comparator as Comparator,
    areaId: str('areaId'),
    referenceDate: str('referenceDate'),
    dimensions,
  };
}

/** The parameters of an observation's compute query: `$areaId`, `$on` (ISO date; queries apply date()) and its dimensions. */
export function observationParams(o: ObservationRow): Record<string, string | number> {
  return { ...o.dimensions, areaId: o.areaId, on: o.referenceDate };
}
