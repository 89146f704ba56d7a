import { COMMITTEE_POSTS } from '../../domain/model';
import { active, AREA, list, TENURES, VILLAGE_KINDS } from './indicator-fragments';
import type { IndicatorQuery } from './indicators.cypher';

/**
 * The figures of organizations, cadres and villages: functional groups, seconded cadres, villages,
 * tenures, sponsorship and recognition. Each query keeps the contract stated on IndicatorQuery.
 */
export const PEOPLE_QUERIES = {
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
