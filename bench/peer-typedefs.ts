/**
 * Type definitions for the peer (@neo4j/graphql 7), equivalent to our schema for the benchmarked
 * operations: the same labels, properties and relationships, enums with our values. Differences the
 * peer imposes, not chosen here: every relationship field is a list (v7 refuses single
 * relationships), helpers and beneficiaries are unions, connections page by offset cursors, and
 * full-text search is per type (`@fulltext` on our `entity_names` index, which must already exist:
 * the peer server never calls `assertIndexesAndConstraints`, so it creates nothing).
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  enum Level {
    REGION
    CITY
    BANNER
    TOWNSHIP
    VILLAGE
  }
  enum Category {
    AGENCY
    LEADING_CADRE
    ENTERPRISE
    SECONDED_CADRE
  }
  enum PairingKind {
    ASSIST
    LIAISON
    STATIONED
    SPONSOR
  }
  enum UnitKind {
    REGION
    CITY
    BANNER
    TOWNSHIP
    STREET
    GACHA_VILLAGE
    COMMUNITY
  }

  type AdminUnit
    @node
    @fulltext(
      indexes: [{ indexName: "entity_names", queryName: "adminUnitsByName", fields: ["name", "aliasText"] }]
    ) {
    id: ID!
    name: String!
    kind: UnitKind!
    aliases: [String!]
    aliasText: String
    designations: [String!]
    provenance: String!
    parent: [AdminUnit!]! @relationship(type: "LOCATED_IN", direction: OUT)
    children: [AdminUnit!]! @relationship(type: "LOCATED_IN", direction: IN)
    assistedBy: [Pairing!]! @relationship(type: "BENEFICIARY", direction: IN)
  }

  type Organization @node {
    id: ID!
    name: String!
    level: Level
    type: String
    provenance: String!
    pairings: [Pairing!]! @relationship(type: "HELPER", direction: IN)
  }

  type Person @node {
    id: ID!
    name: String!
    rank: String
    provenance: String!
    pairings: [Pairing!]! @relationship(type: "HELPER", direction: IN)
  }

  type Enterprise @node {
    id: ID!
    name: String!
    provenance: String!
    pairings: [Pairing!]! @relationship(type: "HELPER", direction: IN)
  }

  type Household @node {
    id: ID!
    name: String!
    provenance: String!
    unit: [AdminUnit!]! @relationship(type: "LOCATED_IN", direction: OUT)
    assistedBy: [Pairing!]! @relationship(type: "BENEFICIARY", direction: IN)
  }

  type Student @node {
    id: ID!
    name: String!
    provenance: String!
    assistedBy: [Pairing!]! @relationship(type: "BENEFICIARY", direction: IN)
  }

  union Helper = Organization | Person | Enterprise
  union Beneficiary = AdminUnit | Household | Student

  type Pairing @node {
    id: ID!
    level: Level
    category: Category
    kind: PairingKind!
    validFrom: Date!
    validTo: Date
    provenance: String!
    helper: [Helper!]! @relationship(type: "HELPER", direction: OUT)
    beneficiary: [Beneficiary!]! @relationship(type: "BENEFICIARY", direction: OUT)
    projects: [Project!]! @relationship(type: "HAS_PROJECT", direction: OUT)
  }

  type Project @node {
    id: ID!
    name: String!
    amountYuan: Int
    provenance: String!
  }
`;
