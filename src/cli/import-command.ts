import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { authorize, type Viewer } from '../domain/access-policy';
import { IMPORT_KINDS } from '../domain/validation/import-kinds';
import type { RawRow, RowIssue } from '../domain/validation/import-rows';
import type { Gateway } from '../store/gateway';
import { importGraphDump, importGraphDumpFile } from '../store/import-tool/graph-dump-import';
import type { NewStoreTarget, OfflineImportSummary } from '../store/import-tool/store-import';
import { checkGraphRecords, importGraph } from '../store/writes/import-graph';
import { importRows } from '../store/writes/import-run';
import { auditImport } from '../store/writes/import-write';
import type { WriteMeta } from '../store/writes/write-tx';
import type { Progress } from './progress';
import { fileSha256, readRows } from './read-rows';

export interface ImportCommandOptions {
  kind: string;
  dryRun: boolean;
  skipInvalid: boolean;
  batchSize?: number;
  piiSalt: string;
}

/**
 * A new embedded store for a graph dump (`--kind graph`): Neo4j's offline importer writes it, then
 * `withStore` starts it (the fix-up and the indexes) to record the audit entry.
 */
export interface NewStore extends NewStoreTarget {
  withStore: <T>(work: (gw: Gateway) => Promise<T>) => Promise<T>;
}

/** What the command did, for its exit code and for tests. */
export interface ImportOutcome {
  ok: boolean;
  rows: number;
  issues: RowIssue[];
  written: boolean;
  counts: { created: number; updated: number; unchanged: number } | { nodes: number; rels: number } | null;
  auditId: string | null;
}

const MAX_PRINTED = 200;

/** The outcome of a run that wrote nothing (refused, or a dry run). */
const notWritten = (ok: boolean, rows: number, issues: RowIssue[]): ImportOutcome => ({
  ok,
  rows,
  issues,
  written: false,
  counts: null,
  auditId: null,
});

/**
 * `bangfu import FILE --kind K [--dry-run] [--skip-invalid]`: reads the file, validates every row
 * and prints each problem as `line N, column: problem`; imports nothing when a row is bad unless
 * --skip-invalid; otherwise MERGEs the rows in batches (with a progress bar) and records one audit
 * entry for the run. `ok` is false when rows were bad and nothing was imported. A graph dump into
 * a `NewStore` is checked without a graph (the dump must hold every end) and written by the
 * offline importer instead of transactions.
 */
export async function importCommand(
  target: Gateway | NewStore,
  viewer: Viewer & { anonymous: false },
  file: string,
  o: ImportCommandOptions,
  out: NodeJS.WritableStream,
  progress?: Progress,
): Promise<ImportOutcome> {
  const kind = o.kind === 'graph' ? null : IMPORT_KINDS[o.kind];
  if (o.kind !== 'graph' && !kind)
    throw new Error(`--kind must be one of ${[...Object.keys(IMPORT_KINDS), 'graph'].join(', ')}`);
  authorize(viewer, kind && !kind.admin ? 'import' : 'importAdmin');
  const meta: WriteMeta = {
    actor: { subject: viewer.subject, role: viewer.role },
    requestId: `cli:${randomUUID()}`,
    piiSalt: o.piiSalt,
  };
  const source = {
    file: path.basename(file),
    sha256: await fileSha256(file),
  };
  progress?.phase(`reading ${path.basename(file)}`);
  if (kind === null && 'storeDir' in target && file.endsWith('.jsonl')) {
    const streamed = await importDumpFile(target, meta, file, source, o, out, progress);
    if (streamed) return streamed;
  }
  const raw = await readRows(file);
  if (kind === null) return importGraphFile(target, meta, raw, source, o, out, progress);
  if ('storeDir' in target)
    throw new Error('only a graph dump (--kind graph) is written by the offline importer');

  progress?.expect(raw.length);
  const report = await importRows(target, meta, kind, raw, {
    dryRun: o.dryRun,
    skipInvalid: o.skipInvalid,
    batchSize: o.batchSize,
    onProgress: progress?.tick,
    onPhase: progress?.phase,
    source,
  });
  progress?.stop();
  printIssues(out, report.issues, unitOf(file));
  const bad = report.badLines.length;
  const valid = report.rows - bad;
  if (report.fileProblems) {
    out.write('the file has columns this kind does not know: nothing imported (fix the header)\n');
    return notWritten(false, report.rows, report.issues);
  }
  if (bad && !o.skipInvalid) {
    out.write(
      `${bad} of ${report.rows} rows are invalid: nothing imported (--skip-invalid imports the ${valid} valid rows)\n`,
    );
    return notWritten(false, report.rows, report.issues);
  }
  const c = report.counts!;
  const what = `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  out.write(
    o.dryRun
      ? `dry run: ${valid} valid ${kind.name} rows would give ${what}${bad ? `; ${bad} invalid rows would be skipped` : ''}\n`
      : `imported ${valid} ${kind.name} rows: ${what}${bad ? `; skipped ${bad} invalid rows` : ''} (audit ${report.auditId})\n`,
  );
  return {
    ok: true,
    rows: report.rows,
    issues: report.issues,
    written: report.written,
    counts: c,
    auditId: report.auditId,
  };
}

/**
 * `--kind graph`: checks the whole dump, then loads it (transactions into a running graph, or the
 * offline importer into a new store) and records one audit entry; nothing is written when a record
 * is bad.
 */
async function importGraphFile(
  target: Gateway | NewStore,
  meta: WriteMeta,
  raw: RawRow[],
  source: Record<string, string>,
  o: ImportCommandOptions,
  out: NodeJS.WritableStream,
  progress?: Progress,
): Promise<ImportOutcome> {
  refuseSkipInvalid(o);
  const { batch, issues } = await checkGraphRecords('storeDir' in target ? null : target, raw);
  const counts = { nodes: batch.nodes.length, rels: batch.rels.length };
  if (issues.length || o.dryRun)
    return refusedOrDry(out, raw.length, counts, issues, unitOf(source.file ?? ''));
  const records = batch.nodes.length + batch.rels.length;
  if ('storeDir' in target) {
    // each record is counted twice: written to the importer's files, then by the importer
    progress?.expect(2 * records);
    const s = await importGraphDump({
      ...target,
      batch,
      onProgress: progress?.tick,
      onPhase: progress?.phase,
    });
    progress?.stop();
    return auditOfflineImport(target, meta, s, source, raw.length, out);
  }
  progress?.phase('loading the graph');
  progress?.expect(records);
  const r = await importGraph(target, meta, batch, { onProgress: progress?.tick, source });
  progress?.stop();
  return imported(out, raw.length, r);
}

/**
 * `--kind graph` of a JSON Lines dump into a new store: checked and turned into the importer's
 * files in one streamed pass by several threads (importGraphDumpFile), so neither the file nor its
 * records are held in memory. Null when the dump repeats a record: the caller then reads it whole
 * and folds the repeats as the loader does (importGraphFile).
 */
async function importDumpFile(
  target: NewStore,
  meta: WriteMeta,
  file: string,
  source: Record<string, string>,
  o: ImportCommandOptions,
  out: NodeJS.WritableStream,
  progress?: Progress,
): Promise<ImportOutcome | null> {
  refuseSkipInvalid(o);
  const r = await importGraphDumpFile({
    ...target,
    file,
    dryRun: o.dryRun,
    // each record is counted twice (unless dry): written to the importer's files, then by the importer
    onLines: (lines) => progress?.expect((o.dryRun ? 1 : 2) * lines),
    onProgress: progress?.tick,
    onPhase: progress?.phase,
  });
  progress?.stop();
  if (r.repeated) {
    target.log(`${path.basename(file)} repeats records: reading it whole to fold them, as the loader does`);
    return null;
  }
  if (!r.imported) return refusedOrDry(out, r.records, r, r.issues);
  return auditOfflineImport(target, meta, r.imported, source, r.records, out);
}

const refuseSkipInvalid = (o: ImportCommandOptions) => {
  if (o.skipInvalid)
    throw new Error('--skip-invalid does not apply to --kind graph: a graph dump is restored whole');
};

/** A dump with bad records (each printed; nothing imported), or a dry run's verdict. */
function refusedOrDry(
  out: NodeJS.WritableStream,
  rows: number,
  counts: { nodes: number; rels: number },
  issues: RowIssue[],
  unit: IssueUnit = 'line',
): ImportOutcome {
  printIssues(out, issues, unit);
  out.write(
    issues.length
      ? `${issues.length} problem(s): nothing imported\n`
      : `dry run: ${counts.nodes} nodes and ${counts.rels} relationships are valid\n`,
  );
  return notWritten(issues.length === 0, rows, issues);
}

/** Starts the store the offline importer wrote (its fix-up and indexes) to record the audit entry. */
async function auditOfflineImport(
  target: NewStore,
  meta: WriteMeta,
  s: OfflineImportSummary,
  source: Record<string, string>,
  rows: number,
  out: NodeJS.WritableStream,
): Promise<ImportOutcome> {
  target.log(`offline import: files ${ms(s.filesMs)}, importer ${ms(s.importMs)}; starting the store`);
  const counts = { nodes: s.nodes, rels: s.rels };
  const auditId = await target.withStore((gw) =>
    auditImport(gw, meta, 'Graph', { kind: 'graph', ...counts, via: 'offline import', ...source }),
  );
  return imported(out, rows, { ...counts, auditId });
}

function imported(
  out: NodeJS.WritableStream,
  rows: number,
  r: { nodes: number; rels: number; auditId: string },
): ImportOutcome {
  out.write(`imported ${r.nodes} nodes and ${r.rels} relationships (audit ${r.auditId})\n`);
  return {
    ok: true,
    rows,
    issues: [],
    written: true,
    counts: { nodes: r.nodes, rels: r.rels },
    auditId: r.auditId,
  };
}

const ms = (t: number) => `${(t / 1000).toFixed(1)} s`;

/**
 * What an issue's number counts: a line of a .csv or .jsonl file, or a record of a .json document
 * (its nodes, then its relationships, from 1: readRows numbers them so, not by the line they are on).
 */
type IssueUnit = 'line' | 'record';
const unitOf = (file: string): IssueUnit => (file.endsWith('.json') ? 'record' : 'line');

function printIssues(out: NodeJS.WritableStream, issues: readonly RowIssue[], unit: IssueUnit): void {
  for (const i of issues.slice(0, MAX_PRINTED)) out.write(`✗ ${unit} ${i.line}, ${i.field}: ${i.problem}\n`);
  if (issues.length > MAX_PRINTED) out.write(`… and ${issues.length - MAX_PRINTED} more problems\n`);
}
