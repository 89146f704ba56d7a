/**
 * One line of a JSON Lines import file as an object, or an error naming the line: the one wording
 * of the CLI's reader (read-rows.ts) and of the graph dump's streamed reader (dump-files-worker.ts).
 */
export function parseJsonLine(text: string, line: number): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`line ${line}: not JSON (${(e as Error).message})`, { cause: e });
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error(`line ${line}: expected a JSON object`);
  return v as Record<string, unknown>;
}
