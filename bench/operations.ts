import { toGlobalId } from '../src/graphql/ids';
import { graphCanon, matrixCanon, pageCanon, projectCanon, unitCanon, villageCanon } from './canon';
import { list, num, sorted, str, type Tree } from './json';
import {
  floorPageParams,
  OURS_PAIRINGS_PAGE,
  oursPageVars,
  PAGE_SIZE,
  PEER_PAIRINGS_PAGE,
  peerPageVars,
} from './pairings-page';
import { MATRIX_ON, PEER_MATRIX_QUERY, peerMatrixRows, peerMatrixVariables } from './peer-matrix';

/**
 * The benchmarked operations: for each, the request of every variant and a canonical form of its
 * answer (names, keys, counts — never ids, cursors or scores, which differ by design), so the
 * harness can prove that the three variants answer the same before it times them.
 */

/** Store ids and page positions, resolved per scale (fixtures.ts). */
export interface Fixtures {
  village: string;
  helper: string;
  graphRoot: string;
  area: string;
  pathFrom: string;
  pathTo: string;
  /** The deep page of the helper's pairings: which page (1-based) and each variant's cursor to it. */
  page: { index: number; ours: string | null; peer: string | null; floor: string | null };
}

export interface GqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Operation {
  name: string;
  title: string;
  /** Anchored on one id (growth 1→100 should stay under 2×). */
  idAnchored: boolean;
  ours(f: Fixtures): GqlRequest;
  /** Absent: the peer has no equivalent (e.g. shortest paths). */
  peer?(f: Fixtures): GqlRequest;
  floor(f: Fixtures): Record<string, unknown>;
  canon: {
    ours(data: Tree): unknown;
    peer?(data: Tree): unknown;
    floor(rows: Tree[]): unknown;
  };
}

/** Our global ids are base64url("Label:key"); the key is what the three variants share. */
export const keyOfGlobalId = (id: string | null) => {
  const s = Buffer.from(id ?? '', 'base64url').toString('utf8');
  return s.slice(s.indexOf(':') + 1);
};

const PEER_NAMES = '__typename ... on AdminUnit { name } ... on Household { name } ... on Student { name }';
const peerHelper = (fields: string) =>
  `__typename ... on Organization { ${fields} } ... on Person { ${fields} } ... on Enterprise { ${fields} }`;

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'nodeById',
    title: 'node by id (a village)',
    idAnchored: true,
    ours: (f) => ({
      query: `query NodeById($id: ID!) { node(id: $id) { id ... on AdminUnit { key name kind aliases provenance designations parent { name } } } }`,
      variables: { id: toGlobalId('AdminUnit', f.village) },
    }),
    peer: (f) => ({
      query: `query NodeById($id: ID!) { adminUnits(where: { id: { eq: $id } }) { id name kind aliases provenance designations parent { name } } }`,
      variables: { id: f.village },
    }),
    floor: (f) => ({ id: f.village }),
    canon: {
      ours: (d) => unitCanon(str(d.node.key), d.node, str(d.node.parent?.name)),
      peer: (d) => {
        const n = list(d.adminUnits)[0];
        return unitCanon(str(n.id), n, str(list(n.parent)[0]?.name));
      },
      floor: ([r]) => unitCanon(str(r.key), r, str(r.parent)),
    },
  },
  {
    name: 'villagePage',
    title: 'village page (README query)',
    idAnchored: true,
    ours: (f) => ({
      query: `query VillagePage($id: ID!) { node(id: $id) { ... on AdminUnit { name kind parent { name }
        assistedBy(first: 20) { totalCount edges { node { level category helper { __typename name
          pairings(first: 5) { totalCount edges { node { beneficiary { name }
            projects(first: 3) { edges { node { name amountYuan } } } } } } } } } } } } }`,
      variables: { id: toGlobalId('AdminUnit', f.village) },
    }),
    peer: (f) => ({
      query: `query VillagePage($id: ID!) { adminUnits(where: { id: { eq: $id } }) { name kind parent { name }
        assistedByConnection(first: 20, sort: [{ node: { id: ASC } }]) { totalCount edges { node { level category
          helper { ${peerHelper(`name pairingsConnection(first: 5, sort: [{ node: { id: ASC } }]) { totalCount
            edges { node { beneficiary { ${PEER_NAMES} }
              projectsConnection(first: 3, sort: [{ node: { id: ASC } }]) { edges { node { name amountYuan } } } } } }`)} } } } } } }`,
      variables: { id: f.village },
    }),
    floor: (f) => ({ id: f.village }),
    canon: {
      ours: (d) =>
        villageCanon(
          d.node,
          d.node.assistedBy,
          (e) => e.node,
          (p) => p.helper,
          (h) => ({
            total: num(h.pairings.totalCount),
            pairings: list(h.pairings.edges).map((x) => ({
              beneficiary: str(x.node.beneficiary.name),
              projects: list(x.node.projects.edges).map((y) => projectCanon(y.node)),
            })),
          }),
        ),
      peer: (d) => {
        const u = list(d.adminUnits)[0];
        return villageCanon(
          u,
          u.assistedByConnection,
          (e) => e.node,
          (p) => list(p.helper)[0],
          (h) => ({
            total: num(h.pairingsConnection.totalCount),
            pairings: list(h.pairingsConnection.edges).map((x) => ({
              beneficiary: str(list(x.node.beneficiary)[0]?.name),
              projects: list(x.node.projectsConnection.edges).map((y) => projectCanon(y.node)),
            })),
          }),
        );
      },
      floor: ([r]) => ({
        name: str(r.name),
        kind: str(r.kind),
        parent: str(r.parent),
        total: num(r.total),
        edges: list(r.edges).map((e) => ({
          level: str(e.level),
          category: str(e.category),
          helper: {
            type: str(e.helper.type),
            name: str(e.helper.name),
            total: num(e.helper.total),
            pairings: list(e.helper.pairings).map((x) => ({
              beneficiary: str(x.beneficiary),
              projects: list(x.projects).map(projectCanon),
            })),
          },
        })),
      }),
    },
  },
  {
    name: 'helperPairings',
    title: `a helper's pairings, filtered, deep page of ${PAGE_SIZE}`,
    idAnchored: true,
    ours: (f) => ({ query: OURS_PAIRINGS_PAGE, variables: oursPageVars(f, f.page.ours) }),
    peer: (f) => ({ query: PEER_PAIRINGS_PAGE, variables: peerPageVars(f, f.page.peer) }),
    floor: (f) => floorPageParams(f, f.page.floor),
    canon: {
      ours: (d) =>
        pageCanon(
          str(d.node.name),
          list(d.node.pairings.edges),
          d.node.pairings.pageInfo.hasNextPage,
          (n) => ({
            key: str(n.key),
            validFrom: str(n.validFrom),
            beneficiary: str(n.beneficiary.name),
          }),
        ),
      peer: (d) => {
        const h = list(d.organizations)[0];
        const c = h.pairingsConnection;
        return pageCanon(str(h.name), list(c.edges), c.pageInfo.hasNextPage, (n) => ({
          key: str(n.id),
          validFrom: str(n.validFrom),
          beneficiary: str(list(n.beneficiary)[0]?.name),
        }));
      },
      floor: ([r]) => ({
        name: str(r.name),
        hasNextPage: Boolean(r.hasNextPage),
        pairings: list(r.pairings).map((p) => ({
          key: str(p.key),
          validFrom: str(p.validFrom),
          beneficiary: str(p.beneficiary),
        })),
      }),
    },
  },
  {
    name: 'search',
    title: 'full-text search (城壕, admin units)',
    idAnchored: false,
    ours: () => ({
      query: `query Search($q: String!) { search(query: $q, kinds: [ADMIN_UNIT], first: 20) { edges { score node { key name } } } }`,
      variables: { q: '城壕' },
    }),
    peer: () => ({
      query: `query Search($q: String!) { adminUnitsByName(phrase: $q, first: 20) { edges { score node { id name } } } }`,
      variables: { q: '城壕' },
    }),
    floor: () => ({ text: '城壕', limit: 20 }),
    canon: {
      ours: (d) => sorted(list(d.search.edges).map((e) => `${str(e.node.key)}|${str(e.node.name)}`)),
      peer: (d) => sorted(list(d.adminUnitsByName.edges).map((e) => `${str(e.node.id)}|${str(e.node.name)}`)),
      floor: (rows) => sorted(rows.map((r) => `${str(r.key)}|${str(r.name)}`)),
    },
  },
  {
    name: 'pairingGraph',
    title: 'pairingGraph depth 2 (a county cadre)',
    idAnchored: true,
    ours: (f) => ({
      query: `query Graph($id: ID!) { pairingGraph(rootIds: [$id], depth: 2) { nodes { id name depth } edges { id source target } truncated } }`,
      variables: { id: toGlobalId('Person', f.graphRoot) },
    }),
    peer: (f) => ({
      query: `query Graph($id: ID!) { people(where: { id: { eq: $id } }) { id
        pairings(where: { level: { in: [REGION, CITY, BANNER, TOWNSHIP, VILLAGE] }, category: { in: [AGENCY, LEADING_CADRE, ENTERPRISE, SECONDED_CADRE] } }) { id
          beneficiary { ${['AdminUnit', 'Household', 'Student']
            .map(
              (
                l,
              ) => `... on ${l} { id assistedBy(where: { level: { in: [REGION, CITY, BANNER, TOWNSHIP, VILLAGE] }, category: { in: [AGENCY, LEADING_CADRE, ENTERPRISE, SECONDED_CADRE] } }) { id
              helper { ${peerHelper('id')} } } }`,
            )
            .join(' ')} } } } }`,
      variables: { id: f.graphRoot },
    }),
    floor: (f) => ({ id: f.graphRoot }),
    canon: {
      ours: (d) => {
        const g = d.pairingGraph;
        if (g.truncated as unknown) return 'truncated';
        return graphCanon(
          list(g.nodes).map((n) => [keyOfGlobalId(str(n.id)), num(n.depth)]),
          list(g.edges).map((e) => keyOfGlobalId(str(e.id))),
        );
      },
      peer: (d) => {
        const r = list(d.people)[0];
        const depth = new Map<string, number>([[str(r.id)!, 0]]);
        const edges = new Set<string>();
        for (const p of list(r.pairings)) {
          for (const b of list(p.beneficiary)) if (!depth.has(str(b.id)!)) depth.set(str(b.id)!, 1);
        }
        for (const p of list(r.pairings)) {
          for (const b of list(p.beneficiary)) {
            for (const q of list(b.assistedBy)) {
              edges.add(str(q.id)!);
              for (const h of list(q.helper)) if (!depth.has(str(h.id)!)) depth.set(str(h.id)!, 2);
            }
          }
        }
        return graphCanon([...depth], [...edges]);
      },
      floor: ([r]) =>
        graphCanon(
          [
            [str(r.root)!, 0],
            ...list(r.d1).map((k): [string, number] => [str(k)!, 1]),
            ...list(r.d2).map((k): [string, number] => [str(k)!, 2]),
          ],
          list(r.edges).map((k) => str(k)!),
        ),
    },
  },
  {
    name: 'pairingMatrix',
    title: `pairingMatrix (准格尔旗, ${MATRIX_ON})`,
    idAnchored: true,
    ours: (f) => ({
      query: `query Matrix($area: ID!, $on: Date!) { pairingMatrix(areaId: $area, activeOn: $on) {
        cells { level category pairs helpers beneficiaries } levels { level category pairs helpers beneficiaries }
        total { level category pairs helpers beneficiaries } } }`,
      variables: { area: toGlobalId('AdminUnit', f.area), on: MATRIX_ON },
    }),
    peer: (f) => ({ query: PEER_MATRIX_QUERY, variables: peerMatrixVariables(f.area, MATRIX_ON) }),
    floor: (f) => ({ areaId: f.area, on: MATRIX_ON }),
    canon: {
      ours: (d) => {
        const m = d.pairingMatrix;
        return matrixCanon([...list(m.cells), ...list(m.levels), m.total]);
      },
      peer: (d) => matrixCanon(peerMatrixRows(d)),
      floor: (rows) => matrixCanon(rows),
    },
  },
  {
    name: 'paths',
    title: 'paths (新华社 → a household)',
    idAnchored: true,
    ours: (f) => ({
      query: `query Paths($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, maxHops: 6, first: 10) { length nodes { id } relationships { type } } }`,
      variables: { from: toGlobalId('Organization', f.pathFrom), to: toGlobalId('Household', f.pathTo) },
    }),
    floor: (f) => ({ from: f.pathFrom, to: f.pathTo, first: 10 }),
    canon: {
      ours: (d) =>
        sorted(
          list(d.paths).map(
            (p) =>
              `${list(p.nodes)
                .map((n) => keyOfGlobalId(str(n.id)))
                .join('>')}|${list(p.relationships)
                .map((r) => str(r.type))
                .join('>')}`,
          ),
        ),
      floor: (rows) =>
        sorted(
          rows.map(
            (r) =>
              `${list(r.nodes)
                .map((k) => str(k))
                .join('>')}|${list(r.types)
                .map((t) => str(t))
                .join('>')}`,
          ),
        ),
    },
  },
];
