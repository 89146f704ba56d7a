import { badInput } from '../../domain/errors';
import { FILTER_DEPTH_CEILING } from '../../domain/filter-limits';
import { OPEN_END } from '../../domain/model';

/**
 * Filters compile to a Cypher predicate built only from fixed fragments: the client chooses
 * which fragments combine (and with AND/OR/NOT), never their text; every value is a `$param`.
 *
 * Filters are two-valued: a record either matches a filter or it does not, and `NOT F` matches
 * exactly the records F does not match. Cypher is three-valued (`null IN [...]` is null, and so
 * is `NOT null`), so a field predicate on a missing property yields null, which a WHERE treats
 * like false. That is harmless where the predicate is read positively (AND/OR of nulls and
 * falses select the same rows) and wrong only under NOT; so NOT compiles to
 * `NOT coalesce(F, false)`. Top-level predicates stay as written, so indexes still apply.
 */

/** Builds the predicate for one field from the node variable and the name of its parameter. */
export type Predicate = (v: string, param: string) => string;

/** The fields a filter input may use, and what each means in Cypher. */
export type FilterSpec = Readonly<Record<string, Predicate>>;

/** A filter value as it reaches the store: plain fields plus AND/OR/NOT, ids already decoded. */
export interface FilterInput {
  AND?: FilterInput[] | null;
  OR?: FilterInput[] | null;
  NOT?: FilterInput | null;
  [field: string]: unknown;
}

/** Collects parameters under unique names while a statement is built. */
export class Params {
  readonly values: Record<string, unknown> = {};
  private n = 0;
  constructor(initial: Record<string, unknown> = {}) {
    Object.assign(this.values, initial);
  }
  add(value: unknown): string {
    const name = `f${this.n++}`;
    this.values[name] = value;
    return name;
  }
}

/**
 * Compiles `filter` for node variable `v`. Unset fields (null/undefined) are ignored; an empty
 * filter is `true`. Throws a TypeError for a field the spec does not know (the schema prevents it).
 */
export function compileFilter(
  filter: FilterInput | null | undefined,
  spec: FilterSpec,
  v: string,
  params: Params,
  depth = 0,
): string {
  if (!filter) return always(params, true);
  if (depth > FILTER_DEPTH_CEILING)
    throw badInput(`filters nest at most ${FILTER_DEPTH_CEILING} levels deep`, { argument: 'filter' });
  const parts: string[] = [];
  for (const [field, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (field === 'AND' || field === 'OR') {
      const subs = (value as FilterInput[]).map((f) => `(${compileFilter(f, spec, v, params, depth + 1)})`);
      if (subs.length) parts.push(`(${subs.join(field === 'AND' ? ' AND ' : ' OR ')})`);
      else if (field === 'OR') parts.push(always(params, false));
      continue;
    }
    if (field === 'NOT') {
      // null (a predicate on a missing property) counts as "does not match" before negating
      parts.push(`NOT coalesce((${compileFilter(value as FilterInput, spec, v, params, depth + 1)}), false)`);
      continue;
    }
    const predicate = spec[field];
    if (!predicate) throw new TypeError(`unknown filter field ${field}`);
    parts.push(predicate(v, params.add(value)));
  }
  return parts.length ? parts.join(' AND ') : always(params, true);
}

/** Whether a filter sets no field (so matches every item): none given, or every field null. */
export const isEmptyFilter = (filter: FilterInput | null | undefined): boolean =>
  !filter || Object.values(filter).every((v) => v === null || v === undefined);

/**
 * A constant predicate (an empty filter matches all, an empty OR nothing) as a parameter, not a
 * literal: the planner folds a literal `false` or `NOT true` away with the predicates around it,
 * and an index hint on the list (the analytics' level/category index) then has no predicate left
 * to serve and fails the statement. A parameter is never folded.
 */
const always = (params: Params, value: boolean) => `$${params.add(value)}`;

/** Reusable predicates. */
export const P = {
  in:
    (prop: string): Predicate =>
    (v, p) =>
      `${v}.${prop} IN $${p}`,
  eq:
    (prop: string): Predicate =>
    (v, p) =>
      `${v}.${prop} = $${p}`,
  contains:
    (prop: string): Predicate =>
    (v, p) =>
      `(${v}.${prop} CONTAINS $${p} OR coalesce(${v}.aliasText, '') CONTAINS $${p})`,
  /** The node lies in the admin unit `$p` or any unit below it (or is that unit). */
  inArea: (): Predicate => (v, p) => `EXISTS { MATCH (${v})-[:LOCATED_IN*0..6]->(:AdminUnit {id: $${p}}) }`,
  /** Valid on ISO date `$p` (see activeAt). */
  activeOn: (): Predicate => (v, p) => activeAt(v, `$${p}`),
};

/**
 * `q` is valid on the ISO day held by the parameter expression `day`: validFrom ≤ day < validTo,
 * where an open interval is unbounded. Open intervals are stored with validTo = OPEN_END (so
 * MERGE and range indexes work); the sentinel is not a day on which validity ends, so an open
 * record is valid on OPEN_END itself too — every day the Date scalar accepts.
 */
export const activeAt = (q: string, day: string) =>
  `(${q}.validFrom <= date(${day}) AND (date(${day}) < ${q}.validTo OR ${q}.validTo = date('${OPEN_END}')))`;
