import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { constants } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { decodeUtf8, UTF8_BOM } from '../domain/validation/decode-utf8';
import type { RawRow } from '../domain/validation/import-rows';
import { parseJsonLine } from '../domain/validation/json-line';
import { nothingToImport } from '../domain/validation/nothing-to-import';
import { utf8Lines } from '../store/import-tool/utf8-lines';

/**
 * Reads an import file into rows with their line numbers: `.csv` (a header row, RFC 4180
 * quoting, via csv-parse), `.jsonl` (one JSON object per line; blank lines skipped; read as a
 * stream, so its size is bounded by memory, not by the longest string V8 holds) or, for graph
 * dumps, `.json` (the document `bangfu export --format json` writes, unless its personal data is
 * masked; its records are numbered in file order instead of by line). Every format is UTF-8,
 * decoded strictly (decodeUtf8), a BOM at the start skipped. A file without a row is refused
 * (nothingToImport).
 */
export async function readRows(file: string): Promise<RawRow[]> {
  if (!file.endsWith('.csv') && !file.endsWith('.json') && !file.endsWith('.jsonl'))
    throw new Error(`${file}: expected a .csv, .jsonl or .json file`);
  if (fs.statSync(file).size === 0) throw nothingToImport(file, 'is empty');
  if (file.endsWith('.jsonl')) return jsonlRows(file);
  const text = readWhole(file);
  if (text.trim() === '') throw nothingToImport(file, 'holds only blank lines');
  return file.endsWith('.csv') ? csvRows(file, text) : graphDocumentRows(file, text);
}

/** The SHA-256 of a file, read as a stream (recorded in the import's audit entry). */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A .csv or .json file as one string (without its BOM), or an error naming the line of a byte
 * that is not UTF-8, or naming the limit when it cannot be one string.
 */
function readWhole(file: string): string {
  const bytes = fs.readFileSync(file);
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  try {
    return decodeUtf8(bytes.subarray(bom), { file, offset: bom, line: 1 });
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

/**
 * The rows of a CSV file, each naming the header's line as the line of its columns (an unknown
 * column is the header's fault, not the row's).
 */
function csvRows(file: string, text: string): RawRow[] {
  const records = parse(text, {
    columns: false,
    skip_empty_lines: true,
    // Cells keep their spaces (RFC 4180: they are part of the field): text cells are trimmed where
    // they are read (coerceCell), while a number must be exactly its digits, as in the API.
    trim: false,
    info: true,
    relax_column_count: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (records.length === 0) throw nothingToImport(file, 'holds only blank lines');
  if (records.length === 1) throw nothingToImport(file, 'has a header but no rows');
  const [{ record: head, info: headAt }, ...rows] = records;
  const header = head.map((h) => h.trim());
  return rows.map((r) => ({
    line: r.info.lines,
    columnsLine: headAt.lines,
    values: Object.fromEntries(header.map((column, i) => [column, r.record[i]])),
    text: true,
  }));
}

async function jsonlRows(file: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  // an error ends the loop, which closes the reader
  for await (const { line, text } of utf8Lines(file)) {
    if (text.trim() === '') continue;
    rows.push({ line, values: parseJsonLine(text, line) });
  }
  if (rows.length === 0) throw nothingToImport(file, 'holds only blank lines');
  return rows;
}

function graphDocumentRows(file: string, text: string): RawRow[] {
  const doc = JSON.parse(text) as Record<string, unknown>;
  if (doc.format !== 'bangfu-graph' || !Array.isArray(doc.nodes) || !Array.isArray(doc.rels))
    throw new Error(
      'expected a document written by bangfu export --format json ({"format": "bangfu-graph", "nodes": [...], "rels": [...]})',
    );
  refuseMasked(file, doc);
  if (doc.nodes.length + doc.rels.length === 0)
    throw nothingToImport(file, 'holds no nodes and no relationships');
  return [...doc.nodes.map((node: unknown) => ({ node })), ...doc.rels.map((rel: unknown) => ({ rel }))].map(
    (values, i) => ({ line: i + 1, values }),
  );
}

/**
 * An export below analyst (`"personalData": "masked"`) holds names as 刘** and no ID numbers or
 * phones: imported, it would overwrite the real names with the masks. Only a document that says
 * its personal data is included is read.
 */
function refuseMasked(file: string, doc: Record<string, unknown>): void {
  if (doc.personalData === 'included') return;
  const role = typeof doc.role === 'string' ? ` (exported as ${doc.role})` : '';
  throw new Error(
    doc.personalData === 'masked'
      ? `${file} is a masked export${role}: its names are masked (刘**) and its ID numbers and phones left out, ` +
          "so a masked export cannot be imported; restore from an analyst's or admin's export"
      : `${file} does not say "personalData": "included", as every export that can be imported does ` +
          `(found ${JSON.stringify(doc.personalData) ?? 'nothing'}); restore from an analyst's or admin's export`,
  );
}
