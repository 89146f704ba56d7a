import {
  BENEFICIARY_LABELS,
  CITABLE_LABELS,
  HELPER_LABELS,
  LOCATED_LABELS,
  TOWNSHIP_LEVEL_KINDS,
  VILLAGE_LEVEL_KINDS,
  type Label,
} from '../../domain/model';
import { HELPER_KEY, helperKeyOf } from '../derived-props';
import { P, type FilterSpec } from './filter';
import { KEY_SORT } from './keyset';
import type { ItemSpec, RelSpec } from './reads';

/**
 * What each list may be filtered and ordered by, and how each relationship of the API is walked.
 * These fixed fragments are the only Cypher text that filters and relationships contribute.
 */

/** A closed list from domain/model as a Cypher list literal (never user input). */
const cypherList = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

const ENTITY_FILTER: FilterSpec = {
  nameContains: P.contains('name'),
  provenance: P.in('provenance'),
  areaId: P.inArea(),
  level: P.in('level'),
  rank: P.in('rank'),
};

/**
 * NAME_INITIAL is not offered to clients: it is NAME as a caller who sees names masked (刘**) may
 * use it — by the first character only, then by key (see graphql/personal-lists.ts).
 */
const ENTITY_ORDERS = {
  KEY: KEY_SORT,
  NAME: "coalesce(n.name, '')",
  NAME_INITIAL: "left(coalesce(n.name, ''), 1)",
} as const;

/** Everything located in an area: walk down the admin tree from the area (a tree, so no duplicates). */
const inAreaAnchor = (label: Label) => ({
  areaId: (p: string) => `(:AdminUnit {id: $${p}})<-[:LOCATED_IN*0..6]-(n:${label})`,
});

const entity = (label: Label): ItemSpec => ({
  label,
  filter: ENTITY_FILTER,
  orders: ENTITY_ORDERS,
  anchors: inAreaAnchor(label),
});

export const PAIRING_FILTER: FilterSpec = {
  level: P.in('level'),
  category: P.in('category'),
  kind: P.in('kind'),
  mode: P.in('mode'),
  provenance: P.in('provenance'),
  activeOn: P.activeOn(),
  programmeId: (v, p) => `EXISTS { MATCH (${v})-[:UNDER]->(:Programme {id: $${p}}) }`,
  areaId: (v, p) => `EXISTS { MATCH (${v})-[:BENEFICIARY]->()-[:LOCATED_IN*0..6]->(:AdminUnit {id: $${p}}) }`,
  beneficiaryKind: (v, p) =>
    `EXISTS { MATCH (${v})-[:BENEFICIARY]->(b) WHERE (b:Household AND 'HOUSEHOLD' IN $${p}) ` +
    `OR (b:Student AND 'STUDENT' IN $${p}) ` +
    `OR (b:AdminUnit AND b.kind IN ${cypherList(VILLAGE_LEVEL_KINDS)} AND 'VILLAGE' IN $${p}) ` +
    `OR (b:AdminUnit AND b.kind IN ${cypherList(TOWNSHIP_LEVEL_KINDS)} AND 'TOWNSHIP' IN $${p}) }`,
};

export const ITEMS = {
  AdminUnit: {
    label: 'AdminUnit',
    anchors: inAreaAnchor('AdminUnit'),
    filter: {
      kind: P.in('kind'),
      nameContains: P.contains('name'),
      provenance: P.in('provenance'),
      areaId: P.inArea(),
      designation: (v, p) => `$${p} IN coalesce(${v}.designations, [])`,
    },
    orders: ENTITY_ORDERS,
  },
  Organization: entity('Organization'),
  Person: entity('Person'),
  Enterprise: entity('Enterprise'),
  Household: entity('Household'),
  Student: entity('Student'),
  Programme: entity('Programme'),
  Source: { label: 'Source', filter: {}, orders: { KEY: KEY_SORT } },
  Citation: { label: 'Citation', filter: {}, orders: { KEY: KEY_SORT } },
  Visit: { label: 'Visit', filter: {}, orders: { KEY: KEY_SORT } },
  Dispute: { label: 'Dispute', filter: {}, orders: { KEY: KEY_SORT } },
  Tenure: { label: 'Tenure', filter: {}, orders: { KEY: KEY_SORT } },
  Pairing: {
    label: 'Pairing',
    filter: PAIRING_FILTER,
    // a pairing has one beneficiary and the admin tree one path up, so each pairing is bound once
    anchors: {
      areaId: (p) =>
        `(:AdminUnit {id: $${p}})<-[:LOCATED_IN*0..6]-(:AdminUnit|Household|Student)<-[:BENEFICIARY]-(n:Pairing)`,
    },
    orders: { KEY: KEY_SORT, VALID_FROM: 'toString(n.validFrom)' },
  },
  Project: {
    label: 'Project',
    filter: {
      nameContains: (v, p) => `coalesce(${v}.name, '') CONTAINS $${p}`,
      provenance: P.in('provenance'),
      minAmountYuan: (v, p) => `${v}.amountYuan >= $${p}`,
      level: (v, p) => `EXISTS { MATCH (${v})<-[:HAS_PROJECT]-(q:Pairing) WHERE q.level IN $${p} }`,
    },
    orders: ENTITY_ORDERS,
  },
} as const satisfies Record<string, ItemSpec>;

export const RELS = {
  helperPairings: {
    pattern: '(p)<-[:HELPER]-(n:Pairing)',
    degree: '(p)<-[:HELPER]-()',
    parents: HELPER_LABELS,
    // The hint: with a filter on the validity dates the planner would otherwise seek that index
    // and scan every pairing of the period; `n.id IS NOT NULL` lets the hint seek without a cursor.
    keyed: {
      match: `(n:Pairing) USING INDEX n:Pairing(${HELPER_KEY}, id)`,
      where: `n.${HELPER_KEY} = ${helperKeyOf('p')} AND n.id IS NOT NULL`,
      order: `n.${HELPER_KEY}`,
    },
  },
  assistedBy: {
    pattern: '(p)<-[:BENEFICIARY]-(n:Pairing)',
    degree: '(p)<-[:BENEFICIARY]-()',
    parents: BENEFICIARY_LABELS,
  },
  programmePairings: { pattern: '(p)<-[:UNDER]-(n:Pairing)', parents: ['Programme'] },
  children: { pattern: '(p)<-[:LOCATED_IN]-(n:AdminUnit)', parents: ['AdminUnit'] },
  households: { pattern: '(p)<-[:LOCATED_IN]-(n:Household)', parents: ['AdminUnit'] },
  projects: {
    pattern: '(p)-[:HAS_PROJECT]->(n:Project)',
    degree: '(p)-[:HAS_PROJECT]->()',
    parents: ['Pairing'],
  },
  visits: { pattern: '(p)-[:HAS_VISIT]->(n:Visit)', degree: '(p)-[:HAS_VISIT]->()', parents: ['Pairing'] },
  sourceCitations: { pattern: '(p)<-[:FROM]-(n:Citation)', degree: '(p)<-[:FROM]-()', parents: ['Source'] },
  citations: { pattern: '(p)-[:SUPPORTED_BY]->(n:Citation)', parents: CITABLE_LABELS },
  helper: { pattern: '(p)-[:HELPER]->(n)', parents: ['Pairing'] },
  beneficiary: { pattern: '(p)-[:BENEFICIARY]->(n)', parents: ['Pairing'] },
  programme: { pattern: '(p)-[:UNDER]->(n:Programme)', parents: ['Pairing'] },
  unit: { pattern: '(p)-[:LOCATED_IN]->(n:AdminUnit)', parents: LOCATED_LABELS },
  partOf: { pattern: '(p)-[:PART_OF]->(n:Organization)', parents: ['Organization'] },
  programmePartOf: { pattern: '(p)-[:PART_OF]->(n:Programme)', parents: ['Programme'] },
  memberOf: { pattern: '(p)-[:MEMBER_OF]->(n:Organization)', parents: ['Person'] },
  source: { pattern: '(p)-[:FROM]->(n:Source)', parents: ['Citation'] },
  projectPairing: { pattern: '(p)<-[:HAS_PROJECT]-(n:Pairing)', parents: ['Project'] },
  visitPairing: { pattern: '(p)<-[:HAS_VISIT]-(n:Pairing)', parents: ['Visit'] },
  tenures: { pattern: '(p)-[:HOLDS]->(n:Tenure)', parents: ['Person'] },
  holder: { pattern: '(p)<-[:HOLDS]-(n:Person)', parents: ['Tenure'] },
  place: { pattern: '(p)-[:IN]->(n)', parents: ['Tenure'] },
  secondedFrom: { pattern: '(p)-[:SECONDED_FROM]->(n:Organization)', parents: ['Tenure'] },
  heldIn: { pattern: '(p)-[:HELD_IN]->(n:AdminUnit)', parents: ['Event', 'Inspection'] },
  forUnit: { pattern: '(p)-[:FOR]->(n:AdminUnit)', parents: ['Plan', 'Casework', 'Goal', 'Recognition'] },
  forOrganization: { pattern: '(p)-[:FOR]->(n:Organization)', parents: ['Budget'] },
  features: { pattern: '(p)-[:FEATURES]->(n)', parents: ['Recognition'] },
  indicator: { pattern: '(p)-[:OF]->(n:Indicator)', parents: ['Observation'] },
  observations: { pattern: '(p)<-[:OF]-(n:Observation)', parents: ['Indicator'] },
} as const satisfies Record<string, RelSpec>;

export type RelName = keyof typeof RELS;
export type ItemName = keyof typeof ITEMS;
