/**
 * The explorer's GraphQL operations, as typed documents of graphql-codegen's client preset
 * (`npm run codegen` writes ./__generated__ from this file; `codegen:check` fails when it is
 * stale). Each `graphql()` call returns a TypedDocumentString: its text is what the page sends,
 * its type parameters are the result and variables, so results are typed without casts. Pure data
 * (no DOM), so the unit tests validate each document against the schema. Each view of the
 * explorer is exactly one of these operations — a search, a graph view (graph + details of the
 * focused entity), or the details of one pairing — and LIVE keeps the view current.
 */
import { graphql } from './__generated__';
import type {
  ExplorerLiveSubscription,
  ExplorerPairingQuery,
  ExplorerViewQuery,
} from './__generated__/graphql';

export const SEARCH = graphql(`
  query ExplorerSearch($text: String!) {
    search(
      query: $text
      kinds: [ADMIN_UNIT, ORGANIZATION, PERSON, ENTERPRISE, HOUSEHOLD, STUDENT]
      first: 10
    ) {
      edges {
        kind
        node {
          id
          name
          aliases
          provenance
        }
      }
    }
  }
`);

graphql(`
  fragment ExplorerPairingRow on Pairing {
    id
    level
    category
    kind
    mode
    validFrom
    validTo
    provenance
    programme {
      name
    }
  }
`);

/**
 * One graph view: the pairing graph around `rootIds` plus the details of the entity in focus,
 * whose pairing list obeys the same filter (date, layers) as the graph.
 */
export const VIEW = graphql(`
  query ExplorerView(
    $rootIds: [ID!]!
    $depth: Int!
    $activeOn: Date
    $filter: PairingFilter
    $maxNodes: Int!
    $focus: ID!
  ) {
    pairingGraph(
      rootIds: $rootIds
      depth: $depth
      activeOn: $activeOn
      filter: $filter
      maxNodes: $maxNodes
    ) {
      truncated
      nodes {
        id
        kind
        name
        level
        category
        unitKind
        provenance
        root
        depth
      }
      edges {
        id
        source
        target
        kind
        level
        category
        provenance
        validFrom
        validTo
      }
    }
    focus: node(id: $focus) {
      __typename
      id
      ... on Entity {
        key
        name
        aliases
        provenance
        citations {
          quote
          source {
            title
            publisher
            published
          }
        }
      }
      ... on AdminUnit {
        unitKind: kind
        designations
        parent {
          id
          name
        }
      }
      ... on Organization {
        level
        orgType
        unit {
          id
          name
        }
      }
      ... on Person {
        rank
        roles
        memberOf {
          id
          name
        }
      }
      ... on Enterprise {
        unit {
          id
          name
        }
      }
      ... on Helper {
        pairings(first: 50, filter: $filter) {
          totalCount
          edges {
            node {
              ...ExplorerPairingRow
              other: beneficiary {
                id
                name
              }
            }
          }
        }
      }
      ... on Beneficiary {
        assistedBy(first: 50, filter: $filter) {
          totalCount
          edges {
            node {
              ...ExplorerPairingRow
              other: helper {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

/** The details of one pairing (an edge of the graph). */
export const PAIRING = graphql(`
  query ExplorerPairing($id: ID!) {
    pairing: node(id: $id) {
      ... on Pairing {
        ...ExplorerPairingRow
        key
        helper {
          id
          name
        }
        beneficiary {
          id
          name
        }
        programme {
          name
        }
        citations {
          quote
          source {
            title
            publisher
            published
          }
        }
        projects(first: 20) {
          totalCount
          edges {
            node {
              name
              amountYuan
              provenance
            }
          }
        }
      }
    }
  }
`);

/**
 * Pairings created or ended anywhere, from `since` on (over graphql-ws). The explorer keeps those
 * that touch a drawn node (see live.ts): a shown graph is a neighbourhood of entities, not an
 * area, so the area filter of `ledgerChanged` cannot describe it.
 */
export const LIVE = graphql(`
  subscription ExplorerLive($since: String) {
    ledgerChanged(kinds: [PAIRING_CREATED, PAIRING_ENDED], since: $since) {
      position
      kind
      recordId
      node {
        id
        ... on Pairing {
          helper {
            id
          }
          beneficiary {
            id
          }
        }
      }
    }
  }
`);

/** The graph part of a view. */
export type PairingGraph = ExplorerViewQuery['pairingGraph'];
export type GraphNode = PairingGraph['nodes'][number];
export type GraphEdge = PairingGraph['edges'][number];

type Focus = NonNullable<ExplorerViewQuery['focus']>;
type KeysOf<U> = U extends unknown ? keyof U : never;
type FieldOf<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;
/**
 * The focused entity, one object for every type: the fields its type has are present, the others
 * absent (the generated type is a union by __typename; the panel shows what is there).
 */
export type EntityDetails = { [K in KeysOf<Focus>]?: FieldOf<Focus, K> } & Pick<Focus, '__typename' | 'id'>;
export type PairingList = NonNullable<EntityDetails['pairings'] | EntityDetails['assistedBy']>;

/** The pairing of the details panel; `node(id:)` answers {} for an id that is not a pairing. */
export type PairingDetails = Extract<NonNullable<ExplorerPairingQuery['pairing']>, { key: string }>;
/** True for a pairing's details, false for `node(id:)`'s {} when the id is another type. */
export const isPairing = (p: NonNullable<ExplorerPairingQuery['pairing']>): p is PairingDetails => 'key' in p;
export type Citation = PairingDetails['citations'][number];

/** A pairing event of the live subscription. */
export type LiveEvent = ExplorerLiveSubscription['ledgerChanged'];
