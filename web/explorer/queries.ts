/**
 * The explorer's GraphQL operations and the shapes of their results. Pure data (no DOM), so the
 * unit tests validate each document against the schema. Each view of the explorer is exactly one
 * of these operations: a search, a graph view (graph + details of the focused entity), or the
 * details of one pairing.
 */

export const SEARCH = `query ExplorerSearch($text: String!) {
  search(query: $text, kinds: [ADMIN_UNIT, ORGANIZATION, PERSON, ENTERPRISE, HOUSEHOLD, STUDENT], first: 10) {
    edges { kind node { id name aliases provenance } }
  }
}`;

const PAIRING_ROW = `fragment ExplorerPairingRow on Pairing {
  id level category kind mode validFrom validTo provenance
  programme { name }
}`;

/**
 * One graph view: the pairing graph around `rootIds` plus the details of the entity in focus,
 * whose pairing list obeys the same filter (date, layers) as the graph.
 */
export const VIEW = `query ExplorerView(
  $rootIds: [ID!]!
  $depth: Int!
  $activeOn: Date
  $filter: PairingFilter
  $maxNodes: Int!
  $focus: ID!
) {
  pairingGraph(rootIds: $rootIds, depth: $depth, activeOn: $activeOn, filter: $filter, maxNodes: $maxNodes) {
    truncated
    nodes { id kind name level category unitKind provenance root depth }
    edges { id source target kind level category provenance validFrom validTo }
  }
  focus: node(id: $focus) {
    __typename
    id
    ... on Entity {
      key name aliases provenance
      citations { quote source { title publisher published } }
    }
    ... on AdminUnit { unitKind: kind designations parent { id name } }
    ... on Organization { level orgType unit { id name } }
    ... on Person { rank roles memberOf { id name } }
    ... on Enterprise { unit { id name } }
    ... on Helper {
      pairings(first: 50, filter: $filter) {
        totalCount
        edges { node { ...ExplorerPairingRow other: beneficiary { id name } } }
      }
    }
    ... on Beneficiary {
      assistedBy(first: 50, filter: $filter) {
        totalCount
        edges { node { ...ExplorerPairingRow other: helper { id name } } }
      }
    }
  }
}
${PAIRING_ROW}`;

/** The details of one pairing (an edge of the graph). */
export const PAIRING = `query ExplorerPairing($id: ID!) {
  pairing: node(id: $id) {
    ... on Pairing {
      ...ExplorerPairingRow
      key
      helper { id name }
      beneficiary { id name }
      programme { name }
      citations { quote source { title publisher published } }
      projects(first: 20) { totalCount edges { node { name amountYuan provenance } } }
    }
  }
}
${PAIRING_ROW}`;

export interface SearchResult {
  search: {
    edges: { kind: string; node: { id: string; name: string; aliases: string[]; provenance: string } }[];
  };
}

export interface GraphNode {
  id: string;
  kind: string;
  name: string;
  level: string | null;
  category: string | null;
  unitKind: string | null;
  provenance: string;
  root: boolean;
  depth: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  /** Null for pairings outside the 五级四类 network (SPONSOR, LIAISON). */
  level: string | null;
  category: string | null;
  provenance: string;
  validFrom: string;
  validTo: string | null;
}

export interface PairingGraph {
  truncated: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Citation {
  quote: string;
  source: { title: string; publisher: string | null; published: string | null };
}

export interface PairingRow {
  id: string;
  level: string | null;
  category: string | null;
  kind: string;
  mode: string | null;
  validFrom: string;
  validTo: string | null;
  provenance: string;
  /** The programme (活动) it belongs to: what tells apart two pairings of the same helper and beneficiary. */
  programme: { name: string } | null;
  other: { id: string; name: string };
}

export interface PairingList {
  totalCount: number;
  edges: { node: PairingRow }[];
}

/** The focused entity; which fields are present depends on its type. */
export interface EntityDetails {
  __typename: string;
  id: string;
  key?: string;
  name?: string;
  aliases?: string[];
  provenance?: string;
  citations?: Citation[];
  unitKind?: string;
  designations?: string[];
  parent?: { id: string; name: string } | null;
  level?: string | null;
  orgType?: string | null;
  unit?: { id: string; name: string } | null;
  rank?: string;
  roles?: string[];
  memberOf?: { id: string; name: string } | null;
  pairings?: PairingList;
  assistedBy?: PairingList;
}

export interface ViewResult {
  pairingGraph: PairingGraph;
  focus: EntityDetails | null;
}

export interface PairingDetails extends Omit<PairingRow, 'other'> {
  key: string;
  helper: { id: string; name: string };
  beneficiary: { id: string; name: string };
  citations: Citation[];
  projects: {
    totalCount: number;
    edges: { node: { name: string; amountYuan: number | null; provenance: string } }[];
  };
}

export interface PairingResult {
  pairing: PairingDetails | null;
}
