import type { Label, Provenance, RelType } from './model';
import type { NodeKey } from './node-key';

/** A property value as stored in Neo4j. Dates travel as ISO `YYYY-MM-DD` strings in keys listed in DATE_KEYS. */
export type PropValue = string | number | boolean | null | string[] | number[];

/** Property keys whose ISO string values are stored as Neo4j `Date`. */
export const DATE_KEYS: ReadonlySet<string> = new Set([
  'validFrom',
  'validTo',
  'date',
  'foundOn',
  'resolvedOn',
  'published',
  'referenceDate',
]);

/**
 * One node to MERGE by `(label, id)`. `props` never contains `id` or `provenance`.
 * `citations` are Citation ids; the loader links `(node)-[:SUPPORTED_BY]->(citation)`.
 */
export interface NodeRecord {
  label: Label;
  id: string;
  provenance: Provenance;
  props: Record<string, PropValue>;
  citations?: string[];
}

/** One relationship to MERGE between two nodes named by label and id. */
export interface RelRecord {
  type: RelType;
  from: NodeKey;
  to: NodeKey;
  props?: Record<string, PropValue>;
}

/** A set of records to load; the loader writes nodes before relationships. */
export interface GraphBatch {
  nodes: NodeRecord[];
  rels: RelRecord[];
}
