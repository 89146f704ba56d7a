import type { NodeKey } from '../domain/node-key';
import type { GraphBatch, NodeRecord } from '../domain/records';

/**
 * Properties the store keeps beside the facts they are derived from, for its indexes; never facts
 * of their own, so exports and audit snapshots leave them out and every write path keeps them:
 * - `aliasText`: a node's aliases as one string, for the full-text index;
 * - `__helper`: a pairing's helper (its HELPER end) as "Label:id", for the composite index
 *   (`__helper`, `id`) that hands over a helper's pairings already in key order. Without it a page
 *   of a city agency's pairings sorts all of them (36 per banner: 36,000 at scale 1000).
 */
export const HELPER_KEY = '__helper';
export const DERIVED_PROPS: ReadonlySet<string> = new Set(['aliasText', HELPER_KEY]);

/** The helper key of a helper node. */
export const helperKey = (h: NodeKey): string => `${h.label}:${h.id}`;

/** The helper key of the node bound to Cypher variable `h` (nodes carry one label each). */
export const helperKeyOf = (h: string): string => `labels(${h})[0] + ':' + ${h}.id`;

/** A Cypher SET item keeping pairing `p`'s helper key equal to that of its helper `h`. */
export const setHelperKey = (p: string, h: string): string => `${p}.${HELPER_KEY} = ${helperKeyOf(h)}`;

/** A pairing node carrying the helper key `key`. */
export const withHelperKey = (n: NodeRecord, key: string): NodeRecord => ({
  ...n,
  props: { ...n.props, [HELPER_KEY]: key },
});

/** The batch with each pairing node carrying the helper key of its HELPER relationship in the batch. */
export function withHelperKeys(b: GraphBatch): GraphBatch {
  const helperOf = new Map<string, string>();
  for (const r of b.rels) if (r.type === 'HELPER') helperOf.set(r.from.id, helperKey(r.to));
  if (helperOf.size === 0) return b;
  const nodes = b.nodes.map((n) => {
    const key = n.label === 'Pairing' ? helperOf.get(n.id) : undefined;
    return key === undefined ? n : withHelperKey(n, key);
  });
  return { ...b, nodes };
}
