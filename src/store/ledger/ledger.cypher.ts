import type { Label } from '../../domain/model';

/**
 * How a ledger entry's record is placed in the administrative tree, per label: the path from the
 * record to the admin unit it concerns. A pairing (and its projects and visits) concerns its
 * beneficiary's place; a tenure its unit or its organisation's place; other entities the unit they
 * are LOCATED_IN. Labels come from this closed map only.
 */
const PLACE_OF: Partial<Record<Label, string>> = {
  AdminUnit: '(u:AdminUnit {id: a.targetId})',
  Pairing: '(:Pairing {id: a.targetId})-[:BENEFICIARY]->()-[:LOCATED_IN*0..1]->(u:AdminUnit)',
  Project:
    '(:Project {id: a.targetId})<-[:HAS_PROJECT]-(:Pairing)-[:BENEFICIARY]->()-[:LOCATED_IN*0..1]->(u:AdminUnit)',
  Visit:
    '(:Visit {id: a.targetId})<-[:HAS_VISIT]-(:Pairing)-[:BENEFICIARY]->()-[:LOCATED_IN*0..1]->(u:AdminUnit)',
  Tenure: '(:Tenure {id: a.targetId})-[:IN]->()-[:LOCATED_IN*0..1]->(u:AdminUnit)',
  Dispute: '(:Dispute {id: a.targetId})-[:LOCATED_IN]->(u:AdminUnit)',
  Organization: '(:Organization {id: a.targetId})-[:LOCATED_IN]->(u:AdminUnit)',
  Person: '(:Person {id: a.targetId})-[:LOCATED_IN]->(u:AdminUnit)',
  Enterprise: '(:Enterprise {id: a.targetId})-[:LOCATED_IN]->(u:AdminUnit)',
  Household: '(:Household {id: a.targetId})-[:LOCATED_IN]->(u:AdminUnit)',
  Student: '(:Student {id: a.targetId})-[:LOCATED_IN]->(u:AdminUnit)',
};

const PLACE_BRANCHES = Object.entries(PLACE_OF)
  .map(([label, path]) => `WITH a WHERE a.targetLabel = '${label}' MATCH ${path} RETURN u`)
  .join(' UNION ');

/**
 * Audit entries after a ledger position, in position order, each with the ids of every admin
 * unit that contains its record (the record's unit and all its ancestors), so subscribers can
 * filter by area without another query. Entries written before positions existed have no `seq`
 * and are not part of the ledger.
 */
export const LEDGER_AFTER =
  'MATCH (a:AuditEntry) WHERE a.seq > $after WITH a ORDER BY a.seq LIMIT $limit ' +
  `CALL (a) { OPTIONAL CALL (a) { ${PLACE_BRANCHES} } ` +
  'OPTIONAL MATCH (u)-[:LOCATED_IN*0..8]->(area:AdminUnit) RETURN collect(DISTINCT area.id) AS areas } ' +
  'RETURN a {.*} AS a, areas ORDER BY a.seq';

/** The last committed ledger position (0 before the first audited write). */
export const LEDGER_HEAD =
  "OPTIONAL MATCH (s:AuditSequence {id: 'ledger'}) RETURN coalesce(s.last, 0) AS last";
