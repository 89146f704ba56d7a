import {
  COUNTED_PAIRING_KINDS,
  OPEN_END,
  VILLAGE_LEVEL_KINDS,
  type Category,
  type Level,
} from '../../domain/model';
import { activeAt, compileFilter, P, Params, type FilterInput, type FilterSpec } from '../reads/filter';
import type { ItemSpec } from '../reads/reads';
import { ITEMS, PAIRING_FILTER } from '../reads/specs';

/**
 * Filter fragments the analytics add to the read API's PairingFilter, and the item specs of the
 * lists behind aggregate cells (drill-down). Internal fields (`classified`, `counted`, …) are set
 * by the store, never by clients: the GraphQL input types do not declare them.
 */

/** A closed list from domain/model as a Cypher list literal (never user input). */
export const cypherList = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

export const VILLAGE_KINDS = cypherList(VILLAGE_LEVEL_KINDS);
const COUNTED = cypherList(COUNTED_PAIRING_KINDS);

/** `q` is valid on the ISO day held by parameter expression `day` (open intervals unbounded). */
export { activeAt };

export const ANALYTICS_PAIRING_FILTER: FilterSpec = {
  ...PAIRING_FILTER,
  /** Part of the 五级四类 network: the pairing has a level and a category (SPONSOR pairings do not). */
  classified: (v) => `(${v}.level IS NOT NULL AND ${v}.category IS NOT NULL)`,
  /**
   * A 帮扶对子 as the report counts it (indicators.cypher.ts): ASSIST or STATIONED, with a
   * village-level unit or a poor household as beneficiary.
   */
  counted: (v) =>
    `(${v}.kind IN ${COUNTED} AND EXISTS { MATCH (${v})-[:BENEFICIARY]->(b) ` +
    `WHERE b:Household OR (b:AdminUnit AND b.kind IN ${VILLAGE_KINDS}) })`,
};

/** Pairings as drill-down lists return them (same orders as the read API's pairing lists). */
export const ANALYTICS_PAIRINGS: ItemSpec = {
  label: 'Pairing',
  filter: ANALYTICS_PAIRING_FILTER,
  orders: ITEMS.Pairing.orders,
};

/** The store-side scope every pairing aggregate is computed under. */
export interface PairingScope {
  /** AdminUnit id: only pairings whose beneficiary lies in it (or is it). Null = the whole graph. */
  areaId: string | null;
  /** ISO day the pairings must be valid on; null = any time. */
  on: string | null;
  /** The client's PairingFilter, ids already decoded. */
  filter: FilterInput | null;
}

/** The scope plus a cell's own constraints, as one filter for the drill-down lists. */
export function scopeFilter(
  scope: PairingScope,
  extra: { level?: Level | null; category?: Category | null; counted?: boolean; classified?: boolean },
): FilterInput {
  const own: FilterInput = {};
  if (scope.on !== null) own.activeOn = scope.on;
  if (scope.areaId !== null) own.areaId = scope.areaId;
  if (extra.level) own.level = [extra.level];
  if (extra.category) own.category = [extra.category];
  if (extra.counted) own.counted = true;
  if (extra.classified) own.classified = true;
  return scope.filter ? { AND: [scope.filter, own] } : own;
}

/** Compiles a pairing filter for variable `v`, adding its parameters to `params`. */
export const pairingWhere = (filter: FilterInput | null, v: string, params: Params) =>
  compileFilter(filter, ANALYTICS_PAIRING_FILTER, v, params);

/** The open-end sentinel as the API hides it. */
export const openToNull = (d: string | null | undefined) => (d === OPEN_END || d == null ? null : d);

/** Beneficiary filters of the coverage drill-down lists. `$p` holds `{on, n}` where noted. */
const BENEFICIARY_FILTER: FilterSpec = {
  areaId: P.inArea(),
  villageLevel: (v) => `${v}.kind IN ${VILLAGE_KINDS}`,
  /** No pairing of any kind valid on day `$p`. */
  unassistedOn: (v, p) =>
    `NOT EXISTS { MATCH (${v})<-[:BENEFICIARY]-(q:Pairing) WHERE ${activeAt('q', `$${p}`)} }`,
  /** Exactly `$p.n` distinct helpers through pairings valid on `$p.on`. */
  helpersOn: (v, p) =>
    `COUNT { MATCH (${v})<-[:BENEFICIARY]-(q:Pairing)-[:HELPER]->(h) WHERE ${activeAt('q', `$${p}.on`)} ` +
    `RETURN DISTINCT h } = $${p}.n`,
};

const beneficiaries = (label: 'AdminUnit' | 'Household' | 'Student'): ItemSpec => ({
  label,
  filter: BENEFICIARY_FILTER,
  orders: { KEY: 'n.id' },
});

export const COVERAGE_ITEMS = {
  village: beneficiaries('AdminUnit'),
  household: beneficiaries('Household'),
  student: beneficiaries('Student'),
} as const;
export type CoverageKind = keyof typeof COVERAGE_ITEMS;
