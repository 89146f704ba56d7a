import { HELPER_KEY, helperKeyOf, setHelperKey } from '../derived-props';
import type { Gateway } from '../gateway';

/**
 * Sets the helper key (derived-props.ts) of every pairing where it is missing or differs from its
 * HELPER relationship: stores written before the key existed, or by a tool outside this service.
 * `batchSize` pairings per write transaction until none is left; on a store whose keys hold, one
 * read of every pairing's helper and no write. Returns the number of pairings set.
 */
export async function helperKeysFromRelationships(gw: Gateway, batchSize = 10_000): Promise<number> {
  let count = 0;
  for (;;) {
    const [row] = await gw.write(
      'migrate.helperKeys',
      `MATCH (p:Pairing)-[:HELPER]->(h) WHERE p.${HELPER_KEY} IS NULL OR p.${HELPER_KEY} <> ${helperKeyOf('h')} ` +
        `WITH p, h LIMIT $batch SET ${setHelperKey('p', 'h')} RETURN count(p) AS n`,
      { batch: batchSize },
    );
    const n = Number(row?.n ?? 0);
    count += n;
    if (n < batchSize) return count;
  }
}
