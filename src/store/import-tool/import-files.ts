import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { isDateTime } from 'neo4j-driver';
import type { GraphBatch, PropValue } from '../../domain/records';
import { DATE_KEYS } from '../../domain/records';
import { withHelperKeys } from '../derived-props';
import { dedupe, label, relType, storedProps } from '../load';
import { toNeo4jDate } from '../values';

/**
 * Writes graph records as the CSV files of Neo4j's offline importer (`neo4j-admin database import`),
 * so that the store it builds holds exactly the graph the transactional loader (src/store/load.ts)
 * would write: the same labels, ids, properties with the same Neo4j types, relationships and
 * citation links.
 *
 * One file per node label and property signature (the property keys and their Neo4j types), one
 * per relationship type, end labels and signature: a CSV column has one type, and the loader
 * stores a whole number as INTEGER and a fractional one as FLOAT, so records that differ in that
 * go to different files. Strings are always quoted (an empty string is kept; an absent value is an
 * unquoted empty field, which the importer leaves unset, as `SET n += {k: null}` does).
 *
 * The importer cannot store an empty list or a list of one empty string (either is an empty field,
 * which it leaves unset), so a node with one gets a temporary label naming its file, and `fixed`
 * says which values to set on the nodes of each such label once the store runs (store-import.ts).
 */
export class ImportFiles {
  private readonly groups = new Map<string, Group>();
  private records = 0;
  private multiline = false;

  /**
   * `part` names this writer's files and temporary labels apart from those of other writers into
   * the same directory (one per worker thread); their sets are then joined with `joinImportFileSets`.
   */
  constructor(
    private readonly dir: string,
    private readonly part = '',
  ) {
    if (!/^[0-9_]*$/.test(part)) throw new TypeError(`an import file part is digits and _, got ${part}`);
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Adds a batch, folding records repeated within it as the loader does; returns its record count. */
  add(input: GraphBatch): number {
    const b = withHelperKeys(dedupe(input));
    for (const n of b.nodes) {
      label(n.label); // throws on a label outside the model: labels become headers and arguments
      const cols = typedColumns(storedProps(n), `${n.label} ${n.id}`);
      const fixed = cols.filter((c) => c.fixed);
      const props = cols.filter((c) => !c.fixed);
      this.multiline ||= hasLineBreak([n.id, ...props.map((c) => c.value)]);
      const sig = `n|${n.label}|${signature(props)}|${signature(fixed)}`;
      this.group(sig, () => ({
        kind: 'nodes',
        label: n.label,
        header: [`id:ID(${n.label})`, 'provenance:string', ...props.map((c) => `${c.key}:${c.type}`)],
        fixed: Object.fromEntries(fixed.map((c) => [c.key, c.fixed!])),
      })).rows.push([n.id, n.provenance, ...props.map((c) => c.value)]);
      for (const c of new Set(n.citations ?? []))
        this.group(`c|${n.label}`, () => ({
          kind: 'relationships',
          type: 'SUPPORTED_BY',
          header: [`:START_ID(${n.label})`, ':END_ID(Citation)'],
        })).rows.push([n.id, c]);
    }
    for (const r of b.rels) {
      relType(r.type);
      label(r.from.label);
      label(r.to.label);
      const where = `${r.type} ${r.from.label} ${r.from.id} → ${r.to.label} ${r.to.id}`;
      const cols = typedColumns(r.props ?? {}, where);
      if (cols.some((c) => c.fixed))
        throw new ImportFileError(
          `${where}: an empty list, or a list of one empty string, on a relationship cannot be imported`,
        );
      this.multiline ||= hasLineBreak([r.from.id, r.to.id, ...cols.map((c) => c.value)]);
      this.group(`r|${r.type}|${r.from.label}|${r.to.label}|${signature(cols)}`, () => ({
        kind: 'relationships',
        type: r.type,
        header: [
          `:START_ID(${r.from.label})`,
          `:END_ID(${r.to.label})`,
          ...cols.map((c) => `${c.key}:${c.type}`),
        ],
      })).rows.push([r.from.id, r.to.id, ...cols.map((c) => c.value)]);
    }
    for (const g of this.groups.values()) if (g.rows.length >= FLUSH_ROWS) this.flush(g);
    const n = input.nodes.length + input.rels.length;
    this.records += n;
    return n;
  }

  /** Closes every file without writing what is pending (after a failure). */
  abort(): void {
    for (const g of this.groups.values()) fs.closeSync(g.fd);
    this.groups.clear();
  }

  /** Closes every file and says how to import them. */
  finish(): ImportFileSet {
    for (const g of this.groups.values()) {
      this.flush(g);
      fs.closeSync(g.fd);
    }
    const groups = [...this.groups.values()];
    return {
      dir: this.dir,
      records: this.records,
      multiline: this.multiline,
      nodes: groups.flatMap((g) =>
        g.spec.kind === 'nodes'
          ? [{ labels: [g.spec.label, ...(g.fixLabel ? [g.fixLabel] : [])], file: g.file }]
          : [],
      ),
      relationships: groups.flatMap((g) =>
        g.spec.kind === 'relationships' ? [{ type: g.spec.type, file: g.file }] : [],
      ),
      fixed: groups.flatMap((g) =>
        g.fixLabel && g.spec.kind === 'nodes' ? [{ label: g.fixLabel, props: g.spec.fixed }] : [],
      ),
    };
  }

  private group(key: string, spec: () => GroupSpec): Group {
    let g = this.groups.get(key);
    if (!g) {
      const s = spec();
      const n = this.groups.size;
      const file = path.join(this.dir, `${s.kind === 'nodes' ? 'n' : 'r'}${this.part}${n}.csv`);
      g = {
        spec: s,
        file,
        fd: fs.openSync(file, 'w'),
        rows: [],
        fixLabel:
          s.kind === 'nodes' && Object.keys(s.fixed).length
            ? `${FIX_LABEL_PREFIX}${this.part}${n}`
            : undefined,
      };
      fs.writeSync(g.fd, stringify([s.header]));
      this.groups.set(key, g);
    }
    return g;
  }

  private flush(g: Group): void {
    if (!g.rows.length) return;
    fs.writeSync(g.fd, stringify(g.rows, CSV));
    g.rows = [];
  }
}

/**
 * One batch as a set of import files in `dir`, named by `part` (ImportFiles); the files are closed,
 * even when a record is refused.
 */
export function writeImportFiles(dir: string, batch: GraphBatch, part = ''): ImportFileSet {
  const writer = new ImportFiles(dir, part);
  try {
    writer.add(batch);
    return writer.finish();
  } catch (e) {
    writer.abort();
    throw e;
  }
}

/** What ImportFiles wrote: the importer's `--nodes` and `--relationships` and the fix-ups after it. */
export interface ImportFileSet {
  dir: string;
  records: number;
  /** Whether a quoted value holds a line break (the importer must then read fields across lines). */
  multiline: boolean;
  nodes: { labels: string[]; file: string }[];
  relationships: { type: string; file: string }[];
  /** The nodes of each temporary label get these properties set, and lose the label. */
  fixed: { label: string; props: Record<string, PropValue> }[];
}

/**
 * One set of files from several writers into one directory (parts with distinct names): the
 * importer reads each file with its own header, so nothing is concatenated.
 */
export function joinImportFileSets(dir: string, sets: readonly ImportFileSet[]): ImportFileSet {
  return {
    dir,
    records: sets.reduce((n, s) => n + s.records, 0),
    multiline: sets.some((s) => s.multiline),
    nodes: sets.flatMap((s) => s.nodes),
    relationships: sets.flatMap((s) => s.relationships),
    fixed: sets.flatMap((s) => s.fixed),
  };
}

/** A record the importer's files cannot represent as the loader would store it. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/**
 * Temporary labels of nodes with a property the importer cannot write (the prefix, then digits and
 * `_`); never a label of the model.
 */
export const FIX_LABEL_PREFIX = 'BangfuImportFixed';
export const FIX_LABEL = new RegExp(`^${FIX_LABEL_PREFIX}[0-9_]+$`);

/** Separates the items of an array field: a control character no text of the graph holds. */
export const ARRAY_DELIMITER = '\u001f';

const FLUSH_ROWS = 20_000;
const CSV = { quoted_string: true, cast: { boolean: (v: boolean) => (v ? 'true' : 'false') } };

type GroupSpec =
  | { kind: 'nodes'; label: string; header: string[]; fixed: Record<string, PropValue> }
  | { kind: 'relationships'; type: string; header: string[] };

interface Group {
  spec: GroupSpec;
  file: string;
  fd: number;
  rows: unknown[][];
  fixLabel?: string;
}

interface Column {
  key: string;
  type: string;
  value: string | number | boolean;
  /** A value the importer cannot write (it reads an empty field as no value): set after the import. */
  fixed?: PropValue;
}

const hasLineBreak = (values: readonly unknown[]) =>
  values.some((v) => typeof v === 'string' && /[\r\n]/.test(v));

const signature = (cols: readonly Column[]) => cols.map((c) => `${c.key}:${c.type}`).join(',');

/**
 * Each set property with the Neo4j type the loader would store it as (toNeo4jProps, then
 * toNeo4jParams): a DATE_KEYS string is a date, a Neo4j DateTime (a graph dump's createdAt and
 * updatedAt, import-graph.ts) a datetime, a whole number within ±(2^53 − 1) an integer, another
 * number a float. Keys in a stable order; unset (null) properties are left out.
 */
function typedColumns(props: Record<string, PropValue>, where: string): Column[] {
  const out: Column[] = [];
  for (const key of Object.keys(props).sort()) {
    const v = props[key];
    if (v === null || v === undefined) continue;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
      throw new ImportFileError(`${where}: property name ${JSON.stringify(key)}`);
    if (isDateTime(v)) {
      out.push({ key, type: 'datetime', value: v.toString() });
      continue;
    }
    if (Array.isArray(v)) {
      // [] and [''] would both be an empty field, which the importer leaves unset
      if (v.length === 0 || (v.length === 1 && v[0] === '')) {
        out.push({ key, type: `fixed${JSON.stringify(v)}`, value: '', fixed: v });
        continue;
      }
      const types = new Set(v.map((x) => scalarType(key, x, where)));
      if (types.size > 1)
        throw new ImportFileError(`${where}: ${key} mixes ${[...types].join(' and ')} items`);
      for (const x of v)
        if (String(x).includes(ARRAY_DELIMITER))
          throw new ImportFileError(`${where}: an item of ${key} holds the array delimiter U+001F`);
      out.push({ key, type: `${[...types][0]}[]`, value: v.join(ARRAY_DELIMITER) });
    } else out.push({ key, type: scalarType(key, v, where), value: v });
  }
  return out;
}

function scalarType(key: string, v: string | number | boolean, where: string): string {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') {
    if (!DATE_KEYS.has(key)) return 'string';
    toNeo4jDate(v); // throws naming the text when it is not a real date
    return 'date';
  }
  if (Number.isSafeInteger(v)) return 'long';
  if (Number.isInteger(v) || !Number.isFinite(v))
    throw new ImportFileError(
      `${where}: ${key} = ${v} is not stored exactly (beyond ±(2^53 − 1) or not finite)`,
    );
  return 'double';
}
