import { OPEN_END } from '../../domain/model';
import type { ImportKind } from '../../domain/validation/import-kinds';
import {
  checkRowFacts,
  prepareRows,
  type PreparedRow,
  type RawRow,
  type RecordFacts,
  type RowIssue,
} from '../../domain/validation/import-rows';
import type { Gateway } from '../gateway';
import { findExisting, resolveRefs, uniqueClashes, type ExistingRecord } from './import-lookup';
import { auditImport, planRows, writeRows, type ImportCounts } from './import-write';
import { overlapIssues, type PairingSpan } from './pairing-overlaps';
import type { WriteMeta } from './write-tx';

export interface ImportOptions {
  /** Validate and plan only; write nothing. */
  dryRun?: boolean;
  /** Import the valid rows and report the invalid ones, instead of importing nothing. */
  skipInvalid?: boolean;
  batchSize?: number;
  onProgress?: (rows: number) => void;
  onPhase?: (phase: string) => void;
  /** Recorded in the audit entry (file name, digest …). */
  source?: Record<string, string>;
}

export interface ImportReport {
  kind: string;
  rows: number;
  /** Every problem found, by line and column, in file order. */
  issues: RowIssue[];
  /** Lines of the rows not imported because of a problem. */
  badLines: number[];
  /** Problems of the whole file (unknown columns): nothing is imported, even with skipInvalid. */
  fileProblems: number;
  /** What the valid rows did (or would do, in a dry run); null when nothing was imported. */
  counts: ImportCounts | null;
  /** Whether anything was written. */
  written: boolean;
  auditId: string | null;
}

/**
 * `bangfu import` for ledger kinds: validates EVERY row first (cells, then references and the
 * domain rules against the graph), then — only if no row is bad, or with skipInvalid — MERGEs the
 * valid rows on their keys in batches and records one audit entry for the run. Idempotent: rows
 * that match the stored records are left alone, so a second run changes nothing.
 */
export async function importRows(
  gw: Gateway,
  meta: WriteMeta,
  kind: ImportKind,
  raw: readonly RawRow[],
  o: ImportOptions = {},
): Promise<ImportReport> {
  o.onPhase?.(`validating ${raw.length} ${kind.name} rows`);
  const { prepared, issues, fileIssues } = prepareRows(kind, raw, meta.piiSalt);
  issues.push(...fileIssues);
  const clashes = await uniqueClashes(gw, kind, prepared);
  issues.push(...clashes);
  const clashed = new Set(clashes.map((i) => i.line));
  const existing = await findExisting(
    gw,
    kind,
    prepared.map((r) => r.key),
  );
  let valid = prepared.filter((r) => !clashed.has(r.line));
  let refs = new Map<string, RecordFacts>();
  // Rows that refer to a bad row of the same file become bad too; repeat until nothing changes.
  for (let pass = 0; pass < 5; pass++) {
    refs = await resolveRefs(gw, kind, valid, existing);
    const found: RowIssue[] = [];
    for (const row of valid) checkRow(kind, row, refs, existing.get(row.key) ?? null, found);
    if (found.length === 0) break;
    issues.push(...found);
    const bad = new Set(found.map((i) => i.line));
    valid = valid.filter((r) => !bad.has(r.line));
  }
  if (kind.label === 'Pairing') {
    const overlaps = await overlapIssues(gw, pairingSpans(valid, refs, existing), 'validFrom');
    issues.push(...overlaps);
    const bad = new Set(overlaps.map((i) => i.line));
    valid = valid.filter((r) => !bad.has(r.line));
  }
  issues.sort((a, b) => a.line - b.line);
  const badLines = [...new Set(issues.map((i) => i.line))];
  const report: ImportReport = {
    kind: kind.name,
    rows: raw.length,
    issues,
    badLines,
    fileProblems: fileIssues.length,
    counts: null,
    written: false,
    auditId: null,
  };
  if ((issues.length > 0 && !o.skipInvalid) || fileIssues.length > 0) return report;
  const plan = planRows(sortByInFileRefs(kind, valid), existing, refs);
  if (o.dryRun) {
    report.counts = {
      created: plan.filter((p) => p.action === 'create').length,
      updated: plan.filter((p) => p.action === 'update').length,
      unchanged: plan.filter((p) => p.action === 'unchanged').length,
    };
    return report;
  }
  o.onPhase?.(`writing ${plan.filter((p) => p.action !== 'unchanged').length} ${kind.name} rows`);
  report.counts = await writeRows(gw, kind, plan, meta, {
    batchSize: o.batchSize,
    onProgress: o.onProgress,
    source: o.source,
  });
  report.written = true;
  report.auditId = await auditImport(gw, meta, kind.label, {
    kind: kind.name,
    rows: raw.length,
    ...report.counts,
    skipped: badLines.length,
    ...(o.source ?? {}),
  });
  return report;
}

/** The reference checks of one row: every key must name a record, then the domain rules. */
function checkRow(
  kind: ImportKind,
  row: PreparedRow,
  refs: ReadonlyMap<string, RecordFacts>,
  existing: ExistingRecord | null,
  out: RowIssue[],
): void {
  const facts: Record<string, RecordFacts | null> = {};
  let missing = false;
  for (const [col, ref] of Object.entries(kind.refs)) {
    const key = row.refs[col];
    if (key === undefined) {
      facts[col] = existing?.refs[col] ?? null;
      continue;
    }
    const f = refs.get(`${col}|${key}`);
    if (!f) {
      out.push({
        line: row.line,
        field: col,
        problem: `no ${ref.to.join(' or ')} has key ${JSON.stringify(key)}`,
      });
      missing = true;
    }
    facts[col] = f ?? null;
  }
  if (!missing) checkRowFacts(kind, row, facts, existing?.props ?? null, out, existing?.dependents ?? []);
}

/** Pairing rows as they would be stored (a row's values over the record it updates). */
function pairingSpans(
  rows: readonly PreparedRow[],
  refs: ReadonlyMap<string, RecordFacts>,
  existing: ReadonlyMap<string, ExistingRecord>,
): PairingSpan[] {
  return rows.flatMap((row) => {
    const old = existing.get(row.key);
    const end = (col: string) => {
      const key = row.refs[col];
      if (key === undefined)
        return old?.refs[col] ? { label: old.refs[col].label, id: old.refs[col].key } : null;
      const f = refs.get(`${col}|${key}`);
      return f ? { label: f.label, id: key } : null;
    };
    const [helper, beneficiary, programme] = [end('helperKey'), end('beneficiaryKey'), end('programmeKey')];
    const props = { ...(old?.props ?? {}), ...row.props };
    if (!helper || !beneficiary) return [];
    return [
      {
        key: row.key,
        line: row.line,
        helper,
        beneficiary,
        kind: String(props.kind),
        programme: programme?.id ?? '',
        validFrom: String(props.validFrom),
        validTo: typeof props.validTo === 'string' ? props.validTo : OPEN_END,
      },
    ];
  });
}

/** Rows whose same-kind references point at other rows of the file come after those rows. */
function sortByInFileRefs(kind: ImportKind, rows: readonly PreparedRow[]): PreparedRow[] {
  const cols = Object.entries(kind.refs)
    .filter(([, r]) => r.to.includes(kind.label))
    .map(([c]) => c);
  if (cols.length === 0) return [...rows];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: PreparedRow, seen: Set<string>): number => {
    const known = depth.get(r.key);
    if (known !== undefined) return known;
    seen.add(r.key);
    let d = 0;
    for (const c of cols) {
      const parent = r.refs[c] === undefined ? undefined : byKey.get(r.refs[c]);
      if (parent && !seen.has(parent.key)) d = Math.max(d, depthOf(parent, seen) + 1);
    }
    depth.set(r.key, d);
    return d;
  };
  return [...rows].sort((a, b) => depthOf(a, new Set()) - depthOf(b, new Set()) || a.line - b.line);
}
