import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { RawRow } from '../domain/validation/import-rows';

/**
 * Reads an import file into rows with their line numbers: `.csv` (UTF-8, a header row, RFC 4180
 * quoting, via csv-parse; a BOM is ignored), `.jsonl` (one JSON object per line; blank lines
 * skipped) or, for graph dumps, `.json` (the document `bangfu export --format json` writes; its
 * records are numbered in file order instead of by line).
 */
export function readRows(file: string): RawRow[] {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.csv')) return csvRows(text);
  if (file.endsWith('.jsonl')) return jsonlRows(text);
  if (file.endsWith('.json')) return graphDocumentRows(text);
  throw new Error(`${file}: expected a .csv, .jsonl or .json file`);
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

function jsonlRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch (e) {
      throw new Error(`line ${i + 1}: not JSON (${(e as Error).message})`, { cause: e });
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new Error(`line ${i + 1}: expected a JSON object`);
    rows.push({ line: i + 1, values: v as Record<string, unknown> });
  });
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
