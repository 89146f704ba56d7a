import type { Gateway, Row } from '../gateway';

/** Ids per statement: large enough for few round trips, small enough for a bounded UNWIND. */
const CHUNK = 5_000;

/**
 * A read over many ids, one statement per CHUNK of them (the statement UNWINDs `$ids`), rows
 * together in chunk order; none without a graph (`gw` null: a dump into a new store).
 */
export async function readInChunks(
  gw: Gateway | null,
  name: string,
  cypher: string,
  ids: readonly string[],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let i = 0; gw && i < ids.length; i += CHUNK)
    rows.push(...(await gw.read(name, cypher, { ids: ids.slice(i, i + CHUNK) })));
  return rows;
}
