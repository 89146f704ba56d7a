import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isNode,
  isRelationship,
} from 'neo4j-driver';
import { AppError } from '../domain/errors';
import { DATE_KEYS, type PropValue } from '../domain/records';

/** A Neo4j value turned into plain JSON-friendly JavaScript. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Maps driver values to plain values without precision loss: integers inside ±2^53 become numbers
 * (larger ones throw rather than round), dates become ISO `YYYY-MM-DD`, datetimes ISO 8601,
 * nodes and relationships their property maps.
 */
export function toPlain(v: unknown): Plain {
  // strings, floats and booleans first: most values of a result are, and none of the checks
  // below can match them
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null || v === undefined) return null;
  if (isInt(v)) {
    if (!v.inSafeRange()) {
      // refused, not rounded: the API's integers are JSON numbers, exact up to 2^53 − 1 only
      throw new AppError(
        'INTERNAL_SERVER_ERROR',
        `a stored integer (${v.toString()}) is beyond ±(2^53 − 1), the largest the API returns exactly; it is refused rather than rounded`,
      );
    }
    return v.toNumber();
  }
  if (typeof v === 'bigint') return Number(v);
  if (isDate(v) || isDateTime(v) || isLocalDateTime(v) || isDuration(v)) return v.toString();
  if (isNode(v) || isRelationship(v)) return toPlain(v.properties);
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object') {
    const out: Record<string, Plain> = {};
    for (const k of Object.keys(v)) out[k] = toPlain((v as Record<string, unknown>)[k]);
    return out;
  }
  throw new TypeError(`unsupported Neo4j value of type ${typeof v}`);
}

/** `YYYY-MM-DD` → Neo4j Date. Throws a RangeError naming the text when it is not a real date. */
export function toNeo4jDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  }
  return new neo4j.types.Date(+m[1], +m[2], +m[3]);
}

/** Record props → Neo4j parameters: ISO strings under DATE_KEYS become Dates. */
export function toNeo4jProps(props: Record<string, PropValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    out[k] = DATE_KEYS.has(k) && typeof v === 'string' ? toNeo4jDate(v) : v;
  }
  return out;
}

/**
 * JavaScript numbers travel to Neo4j as floats; integral ones are sent as Neo4j integers instead,
 * so `LIMIT $n` works and counts and yuan amounts are stored as INTEGER, not FLOAT (every write
 * goes through here: seed, import, mutations, accepted proposals). A whole number beyond the safe
 * range is refused (the schema's integer scalars refuse it before this).
 */
export function toNeo4jParams(v: unknown): unknown {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return neo4j.int(v);
    // a whole number beyond 2^53 is already rounded: storing it would keep the rounded value
    if (Number.isInteger(v)) throw new RangeError(`${v} is beyond ±(2^53 − 1): not stored, it is not exact`);
    return v;
  }
  if (Array.isArray(v)) return v.map(toNeo4jParams);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toNeo4jParams(x);
    return out;
  }
  return v;
}
