import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { constants } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import type { RawRow } from '../domain/validation/import-rows';
import { parseJsonLine } from '../domain/validation/json-line';

/**
 * Reads an import file into rows with their line numbers: `.csv` (UTF-8, a header row, RFC 4180
 * quoting, via csv-parse; a BOM is ignored), `.jsonl` (one JSON object per line; blank lines
 * skipped; read as a stream, so its size is bounded by memory, not by the longest string V8
 * holds) or, for graph dumps, `.json` (the document `bangfu export --format json` writes; its
 * records are numbered in file order instead of by line).
 */
export async function readRows(file: string): Promise<RawRow[]> {
  if (file.endsWith('.jsonl')) return jsonlRows(file);
  if (!file.endsWith('.csv') && !file.endsWith('.json'))
    throw new Error(`${file}: expected a .csv, .jsonl or .json file`);
  const text = readWhole(file);
  return file.endsWith('.csv') ? csvRows(text) : graphDocumentRows(text);
}

/** The SHA-256 of a file, read as a stream (recorded in the import's audit entry). */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A .csv or .json file as one string, or an error naming the limit when it cannot be one. */
function readWhole(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_STRING_TOO_LONG') throw e;
    const mib = (n: number) => (n / 2 ** 20).toFixed(0);
    throw new Error(
      `${file}: its ${mib(fs.statSync(file).size)} MiB are longer than a .csv or .json file read whole can be ` +
        `(${mib(constants.MAX_STRING_LENGTH)} Mi characters); write it as JSON Lines (.jsonl), which is read as a stream`,
      { cause: e },
    );
  }
}

function csvRows(text: string): RawRow[] {
  const records = parse(text, {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    relax_column_count: false,
  }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return records.map((r) => ({ line: r.info.lines, values: r.record }));
}

async function jsonlRows(file: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let n = 0;
  for await (const l of lines) {
    n += 1;
    if (l.trim() === '') continue;
    // an error ends the loop, which closes the reader
    rows.push({ line: n, values: parseJsonLine(l, n) });
  }
  return rows;
}

function graphDocumentRows(text: string): RawRow[] {
  const doc = JSON.parse(text) as { format?: unknown; nodes?: unknown; rels?: unknown };
  if (doc.format !== 'bangfu-graph' || !Array.isArray(doc.nodes) || !Array.isArray(doc.rels))
    throw new Error(
      'expected a document written by bangfu export --format json ({"format": "bangfu-graph", "nodes": [...], "rels": [...]})',
    );
  return [...doc.nodes.map((node: unknown) => ({ node })), ...doc.rels.map((rel: unknown) => ({ rel }))].map(
    (values, i) => ({ line: i + 1, values }),
  );
}
