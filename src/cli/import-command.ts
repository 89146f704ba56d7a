import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { authorize, type Viewer } from '../domain/access-policy';
import { IMPORT_KINDS } from '../domain/validation/import-kinds';
import type { RowIssue } from '../domain/validation/import-rows';
import type { Gateway } from '../store/gateway';
import { checkGraphRecords, importGraph } from '../store/writes/import-graph';
import { importRows } from '../store/writes/import-run';
import type { WriteMeta } from '../store/writes/write-tx';
import type { Progress } from './progress';
import { readRows } from './read-rows';

export interface ImportCommandOptions {
  kind: string;
  dryRun: boolean;
  skipInvalid: boolean;
  batchSize?: number;
  piiSalt: string;
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
 * entry for the run. `ok` is false when rows were bad and nothing was imported.
 */
export async function importCommand(
  gw: Gateway,
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
    sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
  };
  progress?.phase(`reading ${path.basename(file)}`);
  const raw = readRows(file);

  if (kind === null) {
    if (o.skipInvalid)
      throw new Error('--skip-invalid does not apply to --kind graph: a graph dump is restored whole');
    const { batch, issues } = await checkGraphRecords(gw, raw);
    printIssues(out, issues);
    if (issues.length || o.dryRun) {
      out.write(
        issues.length
          ? `${issues.length} problem(s): nothing imported\n`
          : `dry run: ${batch.nodes.length} nodes and ${batch.rels.length} relationships are valid\n`,
      );
      return notWritten(issues.length === 0, raw.length, issues);
    }
    progress?.phase('loading the graph');
    progress?.expect(batch.nodes.length + batch.rels.length);
    const r = await importGraph(gw, meta, batch, { onProgress: progress?.tick, source });
    progress?.stop();
    out.write(`imported ${r.nodes} nodes and ${r.rels} relationships (audit ${r.auditId})\n`);
    return {
      ok: true,
      rows: raw.length,
      issues,
      written: true,
      counts: { nodes: r.nodes, rels: r.rels },
      auditId: r.auditId,
    };
  }

  progress?.expect(raw.length);
  const report = await importRows(gw, meta, kind, raw, {
    dryRun: o.dryRun,
    skipInvalid: o.skipInvalid,
    batchSize: o.batchSize,
    onProgress: progress?.tick,
    onPhase: progress?.phase,
    source,
  });
  progress?.stop();
  printIssues(out, report.issues);
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

function printIssues(out: NodeJS.WritableStream, issues: readonly RowIssue[]): void {
  for (const i of issues.slice(0, MAX_PRINTED)) out.write(`✗ line ${i.line}, ${i.field}: ${i.problem}\n`);
  if (issues.length > MAX_PRINTED) out.write(`… and ${issues.length - MAX_PRINTED} more problems\n`);
}
