import { badInput } from '../../domain/errors';

/**
 * Filters compile to a Cypher predicate built only from fixed fragments: the client chooses
 * which fragments combine (and with AND/OR/NOT), never their text; every value is a `$param`.
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

/** Filters nest at most this deep; deeper input is refused rather than compiled. */
export const MAX_FILTER_DEPTH = 5;

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
  if (!filter) return 'true';
  if (depth > MAX_FILTER_DEPTH)
    throw badInput(`filters nest at most ${MAX_FILTER_DEPTH} levels deep`, { argument: 'filter' });
  const parts: string[] = [];
  for (const [field, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (field === 'AND' || field === 'OR') {
      const subs = (value as FilterInput[]).map((f) => `(${compileFilter(f, spec, v, params, depth + 1)})`);
      if (subs.length) parts.push(`(${subs.join(field === 'AND' ? ' AND ' : ' OR ')})`);
      else if (field === 'OR') parts.push('false');
      continue;
    }
    if (field === 'NOT') {
      parts.push(`NOT (${compileFilter(value as FilterInput, spec, v, params, depth + 1)})`);
      continue;
    }
    const predicate = spec[field];
    if (!predicate) throw new TypeError(`unknown filter field ${field}`);
    parts.push(predicate(v, params.add(value)));
  }
  return parts.length ? parts.join(' AND ') : 'true';
}

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
  /** Valid on ISO date `$p`: validity is half-open, validFrom ≤ day < validTo (open = 9999-12-31). */
  activeOn: (): Predicate => (v, p) => `(${v}.validFrom <= date($${p}) AND date($${p}) < ${v}.validTo)`,
};
