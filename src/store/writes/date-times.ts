import neo4j from 'neo4j-driver';
import type { NodeRecord, PropValue } from '../../domain/records';

/** Date-time properties written by the service; restored as DateTime values. */
const DATETIME_KEYS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt']);

/** A checked node's `createdAt` and `updatedAt` texts as Neo4j DateTimes, which the loader and the import files store as DATETIME. */
export function restoreDateTimes(n: NodeRecord): NodeRecord {
  if (!Object.keys(n.props).some((k) => DATETIME_KEYS.has(k))) return n;
  const props: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(n.props))
    props[k] =
      DATETIME_KEYS.has(k) && typeof v === 'string'
        ? (neo4j.types.DateTime.fromStandardDate(new Date(v)) as unknown as PropValue)
        : v;
  return { ...n, props };
}
