import { toGlobalId } from '../src/graphql/ids';
import type { Fixtures } from './operations';

/** The deep-page operation's requests, shared by the operation and by the fixtures that walk to the page. */

export const PAGE_SIZE = 20;
export const DEEP_PAGE = 10;
export const ON = '2013-04-16';
const PEER_NAMES = '__typename ... on AdminUnit { name } ... on Household { name } ... on Student { name }';

export const OURS_PAIRINGS_PAGE = `query HelperPairings($id: ID!, $after: String, $first: Int!) { node(id: $id) { ... on Organization { name
  pairings(filter: { kind: [ASSIST], activeOn: "${ON}" }, first: $first, after: $after) {
    edges { node { key validFrom beneficiary { name } } } pageInfo { hasNextPage endCursor } } } } }`;

export const PEER_PAIRINGS_PAGE = `query HelperPairings($id: ID!, $after: String, $first: Int!) { organizations(where: { id: { eq: $id } }) { name
  pairingsConnection(first: $first, after: $after, sort: [{ node: { id: ASC } }],
    where: { node: { kind: { in: [ASSIST] }, validFrom: { lte: "${ON}" }, validTo: { gt: "${ON}" } } }) {
    edges { node { id validFrom beneficiary { ${PEER_NAMES} } } } pageInfo { hasNextPage endCursor } } } }`;

export const oursPageVars = (f: Fixtures, after: string | null) => ({
  id: toGlobalId('Organization', f.helper),
  after,
  first: PAGE_SIZE,
});
export const peerPageVars = (f: Fixtures, after: string | null) => ({
  id: f.helper,
  after,
  first: PAGE_SIZE,
});
export const floorPageParams = (f: Fixtures, after: string | null) => ({
  id: f.helper,
  after,
  kinds: ['ASSIST'],
  on: ON,
  limit: PAGE_SIZE,
});
