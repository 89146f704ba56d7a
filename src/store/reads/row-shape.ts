import type { Plain } from '../values';
import type { Fetch, Fetched, NodeRow } from './reads';

/** Rows carry their nested fetches' values here, in the order of the fetches. */
export const PRE = '__pre';

/**
 * How a row leaves Neo4j: the node's properties (all, or only `props`: what the selection
 * reads), label, sort value and (with fetches) their values. With `props` known the row is a
 * list, `[n.p1, …, n.pk, label, sort, [pre0, …]]`, because the driver decodes a map's every key
 * as a string and defines it as a property: the village page's statement took 1.36× the Node
 * CPU to read as maps (docs/benchmarks.md, "Rows as lists, not maps"). rowOf turns either form
 * back into the map the rest of the service reads. Property names come from the schema's field
 * names and resolvers' declarations, never from a request; anything else is refused here.
 */
export function projection(
  nested: readonly Fetch[] | undefined,
  sort: string,
  props?: readonly string[] | null,
): string {
  const pre = nested?.length ? `[${nested.map((_, i) => `pre${i}`).join(', ')}]` : null;
  if (!props) return `n {.*, __label: labels(n)[0], __sort: ${sort}${pre ? `, ${PRE}: ${pre}` : ''}}`;
  const values = props.map((k) => `n.${propertyName(k)}`);
  return `[${[...values, 'labels(n)[0]', sort, ...(pre ? [pre] : [])].join(', ')}]`;
}

/** A row as `projection(nested, …, props)` sent it, as a map: `{…props, __label, __sort, __pre}`. */
export function rowOf(
  v: Plain,
  nested: readonly Fetch[] | undefined,
  props?: readonly string[] | null,
): NodeRow {
  if (!props) {
    const row = v as NodeRow;
    if (nested?.length) row[PRE] = fetchedOf(row[PRE], nested) as Plain;
    return row;
  }
  const list = v as Plain[];
  const row: Record<string, Plain> = {};
  let i = 0;
  for (; i < props.length; i++) row[props[i]] = list[i];
  row.__label = list[i++];
  row.__sort = list[i++];
  if (nested?.length) row[PRE] = fetchedOf(list[i], nested) as Plain;
  return row as NodeRow;
}

/** The values of `fetches` as sent (one per fetch), with their item rows as maps. */
export function fetchedOf(values: Plain, fetches: readonly Fetch[]): Fetched[] {
  return (values as Plain[]).map((v, i) => {
    const f = fetches[i];
    return f.kind === 'count' ? (v as number) : (v as Plain[]).map((x) => rowOf(x, f.nested, f.props));
  });
}

const PROPERTY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `k` when it can only be a property name (letters, digits, `_`), else a TypeError. */
export function propertyName(k: string): string {
  if (!PROPERTY.test(k)) throw new TypeError(`not a property name: ${JSON.stringify(k)}`);
  return k;
}
