/**
 * The floor: ONE hand-written, tuned Cypher statement per operation, returning exactly the JSON
 * the operation answers (dates as strings, lists already ordered), so the floor server only
 * serialises. These are what a developer would write by hand for each screen, with no GraphQL
 * layer; every MATCH is anchored on an indexed id.
 */

export const OPEN_END = '9999-12-31';

const VILLAGE_KINDS = "['GACHA_VILLAGE', 'COMMUNITY']";
const COUNTED_KINDS = "['ASSIST', 'STATIONED']";

export const FLOOR_QUERIES: Readonly<Record<string, string>> = {
  nodeById: `
MATCH (n:AdminUnit {id: $id})
OPTIONAL MATCH (n)-[:LOCATED_IN]->(parent:AdminUnit)
RETURN n.id AS key, n.name AS name, n.kind AS kind, n.provenance AS provenance,
  coalesce(n.aliases, []) AS aliases, coalesce(n.designations, []) AS designations, parent.name AS parent`,

  // COUNT {(h)<-[:HELPER]-()} without a label on the far end is a degree lookup (HELPER edges only
  // ever start at a Pairing), where a label check would expand every relationship.
  villagePage: `
MATCH (u:AdminUnit {id: $id})
OPTIONAL MATCH (u)-[:LOCATED_IN]->(parent:AdminUnit)
CALL (u) {
  MATCH (u)<-[:BENEFICIARY]-(p:Pairing)
  WITH p ORDER BY p.id LIMIT 20
  MATCH (p)-[:HELPER]->(h)
  CALL (h) {
    MATCH (h)<-[:HELPER]-(q:Pairing)
    WITH q ORDER BY q.id LIMIT 5
    MATCH (q)-[:BENEFICIARY]->(b)
    CALL (q) {
      MATCH (q)-[:HAS_PROJECT]->(x:Project)
      WITH x ORDER BY x.id LIMIT 3
      RETURN collect(x {.name, .amountYuan}) AS projects
    }
    WITH q, b, projects ORDER BY q.id
    RETURN collect({beneficiary: b.name, projects: projects}) AS pairings
  }
  WITH p, h, pairings ORDER BY p.id
  RETURN collect({level: p.level, category: p.category, helper: {type: labels(h)[0], name: h.name,
    total: COUNT { (h)<-[:HELPER]-() }, pairings: pairings}}) AS edges
}
RETURN u.name AS name, u.kind AS kind, parent.name AS parent,
  COUNT { (u)<-[:BENEFICIARY]-() } AS total, edges`,

  helperPairings: `
MATCH (h:Organization {id: $id})
CALL (h) {
  MATCH (h)<-[:HELPER]-(p:Pairing)
  WHERE p.kind IN $kinds AND p.validFrom <= date($on) AND date($on) < p.validTo
    AND ($after IS NULL OR p.id > $after)
  WITH p ORDER BY p.id LIMIT $limit + 1
  MATCH (p)-[:BENEFICIARY]->(b)
  WITH p, b ORDER BY p.id
  RETURN collect({key: p.id, validFrom: toString(p.validFrom), beneficiary: b.name}) AS rows
}
RETURN h.name AS name, rows[..$limit] AS pairings, size(rows) > $limit AS hasNextPage`,

  search: `
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
WHERE node:AdminUnit
RETURN node.id AS key, node.name AS name, score ORDER BY score DESC, key LIMIT $limit`,

  // The root is a helper (a Person): hop 1 follows its pairings out, hop 2 the beneficiaries'
  // pairings in; the induced edges are exactly the hop-2 pairings (they include the hop-1 ones).
  pairingGraph: `
MATCH (r:Person {id: $id})
CALL (r) {
  MATCH (r)<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(b)
  WHERE p.level IS NOT NULL AND p.category IS NOT NULL
  RETURN collect(DISTINCT b) AS d1
}
CALL (d1) {
  UNWIND d1 AS b
  MATCH (b)<-[:BENEFICIARY]-(p:Pairing)-[:HELPER]->(h)
  WHERE p.level IS NOT NULL AND p.category IS NOT NULL
  RETURN collect(DISTINCT h) AS hs, collect(DISTINCT p.id) AS edges
}
RETURN r.id AS root, [b IN d1 | b.id] AS d1, [h IN hs WHERE h <> r | h.id] AS d2, edges`,

  // One pass over the counted pairings of the area, aggregated three ways (cells, levels, total).
  pairingMatrix: `
MATCH (:AdminUnit {id: $areaId})<-[:LOCATED_IN*0..]-(b)<-[:BENEFICIARY]-(p:Pairing)
WHERE p.kind IN ${COUNTED_KINDS} AND p.level IS NOT NULL AND p.category IS NOT NULL
  AND (b:Household OR (b:AdminUnit AND b.kind IN ${VILLAGE_KINDS}))
  AND p.validFrom <= date($on) AND date($on) < p.validTo
MATCH (p)-[:HELPER]->(h)
WITH collect({l: p.level, c: p.category, p: p, h: h, b: b}) AS rows
CALL (rows) {
  UNWIND rows AS r
  RETURN r.l AS level, r.c AS category, count(DISTINCT r.p) AS pairs, count(DISTINCT r.h) AS helpers,
    count(DISTINCT r.b) AS beneficiaries
  UNION ALL
  UNWIND rows AS r
  RETURN r.l AS level, null AS category, count(DISTINCT r.p) AS pairs, count(DISTINCT r.h) AS helpers,
    count(DISTINCT r.b) AS beneficiaries
  UNION ALL
  UNWIND rows AS r
  RETURN null AS level, null AS category, count(DISTINCT r.p) AS pairs, count(DISTINCT r.h) AS helpers,
    count(DISTINCT r.b) AS beneficiaries
}
RETURN level, category, pairs, helpers, beneficiaries`,

  paths: `
MATCH (x:Organization {id: $from}), (y:Household {id: $to})
MATCH path = allShortestPaths((x)-[:HELPER|BENEFICIARY|LOCATED_IN|MEMBER_OF|PART_OF*..6]-(y))
WHERE all(n IN nodes(path) WHERE n:AdminUnit OR n:Organization OR n:Person OR n:Enterprise
  OR n:Household OR n:Student OR n:Pairing)
WITH path ORDER BY [n IN nodes(path) | labels(n)[0] + ':' + n.id] LIMIT $first
RETURN [n IN nodes(path) | n.id] AS nodes, [r IN relationships(path) | type(r)] AS types`,
};
