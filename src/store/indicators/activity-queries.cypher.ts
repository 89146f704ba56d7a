import { EVENT_KINDS, WUSONG_THEMES } from '../../domain/model';
import { active, AREA, list, unitsInArea } from './indicator-fragments';
import type { IndicatorQuery } from './indicators.cypher';

/**
 * The figures of the campaign's activities: disputes, goals, plans, casework, events, inspections
 * and budgets. Each query keeps the contract stated on IndicatorQuery.
 */
export const ACTIVITY_QUERIES = {
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
} as const satisfies Record<string, IndicatorQuery>;
