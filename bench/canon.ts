import { list, num, sorted, str, type Tree } from './json';

/**
 * Canonical forms of the answers: what the three variants must agree on, with the differences
 * that are by design (global ids, cursors, scores, list-valued relationship fields) removed.
 */

export function unitCanon(key: string | null, n: Tree, parent: string | null) {
  return {
    key,
    name: str(n.name),
    kind: str(n.kind),
    provenance: str(n.provenance),
    aliases: sorted(list(n.aliases).map((a) => str(a))),
    designations: sorted(list(n.designations).map((a) => str(a))),
    parent,
  };
}

export const projectCanon = (p: Tree) => ({
  name: str(p.name),
  amountYuan: p.amountYuan == null ? null : num(p.amountYuan),
});

export function villageCanon(
  u: Tree,
  conn: Tree,
  pairingOf: (edge: Tree) => Tree,
  helperOf: (pairing: Tree) => Tree,
  helperPairings: (helper: Tree) => { total: number; pairings: unknown[] },
) {
  return {
    name: str(u.name),
    kind: str(u.kind),
    parent: str(Array.isArray(u.parent) ? list(u.parent)[0]?.name : u.parent?.name),
    total: num(conn.totalCount),
    edges: list(conn.edges).map((e) => {
      const p = pairingOf(e);
      const h = helperOf(p);
      return {
        level: str(p.level),
        category: str(p.category),
        helper: { type: str(h.__typename), name: str(h.name), ...helperPairings(h) },
      };
    }),
  };
}

export function pageCanon(
  name: string | null,
  edges: Tree[],
  hasNext: Tree,
  row: (n: Tree) => Record<string, unknown>,
) {
  return {
    name,
    hasNextPage: Boolean(hasNext as unknown),
    pairings: edges.map((e) => row(e.node)),
  };
}

export function graphCanon(nodes: [string, number][], edges: string[]) {
  return { nodes: sorted(nodes.map(([k, d]) => `${k}@${d}`)), edges: sorted([...new Set(edges)]) };
}

/** All 26 rows (20 cells, 5 levels, the total), zeros included, in a fixed order. */
export function matrixCanon(rows: Tree[]) {
  const byKey = new Map(rows.map((r) => [`${str(r.level)}|${str(r.category)}`, r]));
  return MATRIX_KEYS.map((k) => {
    const r = byKey.get(k);
    return {
      k,
      pairs: num(r?.pairs ?? tree0),
      helpers: num(r?.helpers ?? tree0),
      beneficiaries: num(r?.beneficiaries ?? tree0),
    };
  });
}
const tree0 = 0 as unknown as Tree;
export const LEVELS = ['REGION', 'CITY', 'BANNER', 'TOWNSHIP', 'VILLAGE'] as const;
export const CATEGORIES = ['AGENCY', 'LEADING_CADRE', 'ENTERPRISE', 'SECONDED_CADRE'] as const;
const MATRIX_KEYS = [
  ...LEVELS.flatMap((l) => CATEGORIES.map((c) => `${l}|${c}`)),
  ...LEVELS.map((l) => `${l}|null`),
  'null|null',
];
