import { HELPER_KEY, helperKeyOf } from '../../src/store/derived-props';
import type { Gateway } from '../../src/store/gateway';

/**
 * Pairings whose helper key (src/store/derived-props.ts) disagrees with the graph: missing or
 * naming another node than its HELPER end, or set on a pairing that has no helper. Empty on a
 * store every write path has kept; at most `limit` ids, sorted.
 */
export async function helperKeyDisagreements(gw: Gateway, limit = 10): Promise<string[]> {
  const rows = await gw.read(
    't.helperKeys',
    `MATCH (p:Pairing) OPTIONAL MATCH (p)-[:HELPER]->(h) WITH p, h ` +
      `WHERE CASE WHEN h IS NULL THEN p.${HELPER_KEY} IS NOT NULL ` +
      `ELSE p.${HELPER_KEY} IS NULL OR p.${HELPER_KEY} <> ${helperKeyOf('h')} END ` +
      `RETURN p.id AS id ORDER BY id LIMIT $limit`,
    { limit },
  );
  return rows.map((r) => String(r.id));
}
