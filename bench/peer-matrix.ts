import { num, type Tree } from './json';

/**
 * pairingMatrix for the peer. @neo4j/graphql has no GROUP BY and no variable-length filter, so
 * the 五级 × 四类 matrix becomes what a peer user would write: for each of the 26 rows (20 cells,
 * 5 levels, the total) six counting connections — pairs, helpers of each of the three helper
 * types, and beneficiaries of each of the two kinds — with the area expressed by the fixed depth
 * of the hierarchy (village → township/street → banner; household → village → …). The library
 * compiles them into one Cypher statement with 156 subqueries.
 */

export const MATRIX_ON = '2013-04-16';
const LEVELS = ['REGION', 'CITY', 'BANNER', 'TOWNSHIP', 'VILLAGE'];
const CATEGORIES = ['AGENCY', 'LEADING_CADRE', 'ENTERPRISE', 'SECONDED_CADRE'];
const ROWS: [string | null, string | null][] = [
  ...LEVELS.flatMap((l) => CATEGORIES.map((c): [string, string] => [l, c])),
  ...LEVELS.map((l): [string, null] => [l, null]),
  [null, null],
];

const inArea = (area: string, hops: number): Record<string, unknown> =>
  hops === 0 ? { id: { eq: area } } : { parent: { some: inArea(area, hops - 1) } };
const villageInArea = (area: string) => ({
  kind: { in: ['GACHA_VILLAGE', 'COMMUNITY'] },
  ...inArea(area, 2),
});
const householdInArea = (area: string) => ({ unit: { some: inArea(area, 2) } });

/** The counted pairings of one row, without (q) and with (p) the beneficiary-in-area condition. */
function rowFilters(level: string | null, category: string | null, area: string, on: string) {
  const q = {
    kind: { in: ['ASSIST', 'STATIONED'] },
    level: level ? { eq: level } : { in: LEVELS },
    category: category ? { eq: category } : { in: CATEGORIES },
    validFrom: { lte: on },
    validTo: { gt: on },
  };
  const p = {
    ...q,
    OR: [
      { beneficiary: { some: { AdminUnit: villageInArea(area) } } },
      { beneficiary: { some: { Household: householdInArea(area) } } },
    ],
  };
  return { p, q };
}

const fields = ROWS.map(
  (_, i) => `
  r${i}_pairs: pairingsConnection(where: $p${i}) { totalCount }
  r${i}_org: organizationsConnection(where: { pairings: { some: $p${i} } }) { totalCount }
  r${i}_per: peopleConnection(where: { pairings: { some: $p${i} } }) { totalCount }
  r${i}_ent: enterprisesConnection(where: { pairings: { some: $p${i} } }) { totalCount }
  r${i}_au: adminUnitsConnection(where: { AND: [$v, { assistedBy: { some: $q${i} } }] }) { totalCount }
  r${i}_hh: householdsConnection(where: { AND: [$h, { assistedBy: { some: $q${i} } }] }) { totalCount }`,
).join('');

const declarations = [
  '$v: AdminUnitWhere!',
  '$h: HouseholdWhere!',
  ...ROWS.flatMap((_, i) => [`$p${i}: PairingWhere!`, `$q${i}: PairingWhere!`]),
].join(', ');

export const PEER_MATRIX_QUERY = `query Matrix(${declarations}) {${fields}\n}`;

/** The variables of PEER_MATRIX_QUERY for one area and day. */
export function peerMatrixVariables(area: string, on: string): Record<string, unknown> {
  const vars: Record<string, unknown> = { v: villageInArea(area), h: householdInArea(area) };
  ROWS.forEach(([l, c], i) => {
    const { p, q } = rowFilters(l, c, area, on);
    vars[`p${i}`] = p;
    vars[`q${i}`] = q;
  });
  return vars;
}

/** The peer's answer as matrix rows ({level, category, pairs, helpers, beneficiaries}). */
export function peerMatrixRows(d: Tree): Tree[] {
  return ROWS.map(([level, category], i) => {
    const n = (f: string) => num(d[`r${i}_${f}`].totalCount);
    return {
      level,
      category,
      pairs: n('pairs'),
      helpers: n('org') + n('per') + n('ent'),
      beneficiaries: n('au') + n('hh'),
    } as unknown as Tree;
  });
}
