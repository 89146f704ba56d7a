import fs from 'node:fs';
import os from 'node:os';
import type { NodeRecord } from '../../domain/records';
import type { RowIssue } from '../../domain/validation/import-rows';
import { nothingToImport } from '../../domain/validation/nothing-to-import';
import { withHelperKey } from '../derived-props';
import { restoreDateTimes } from '../writes/date-times';
import { AcrossDump } from '../writes/across-dump';
import type { DumpChunk, DumpRange } from './dump-files-worker';
import { writeDumpRange } from './dump-files-worker';
import { joinImportFileSets, writeImportFiles, type ImportFileSet } from './import-files';
import { runOnThreads } from './thread-tasks';

/** What streaming a dump into import files found and wrote. */
export interface DumpFiles {
  /** Records read (non-blank lines), and the valid nodes and relationships among them. */
  records: number;
  nodes: number;
  rels: number;
  issues: RowIssue[];
  /**
   * The dump repeats a record, which the loader folds into one; written as it came, the importer
   * would refuse the repeated id or store the relationship twice. Nothing usable was written.
   */
  repeated: boolean;
  /** The files, when every record is valid, none repeats and the run was not dry. */
  files: ImportFileSet | null;
}

export interface DumpFilesOptions {
  /** A JSON Lines graph dump. */
  file: string;
  /** Where to write the files (it is created), or null to check only. */
  dir: string | null;
  /** Threads that read the dump (default: one per core, up to 8; 1 reads it on this thread). */
  threads?: number;
  /** The file's line count (an upper bound of its records), told before reading. */
  onLines?: (lines: number) => void;
  /** Records read so far, told as they are. */
  onRecords?: (records: number) => void;
}

/**
 * A JSON Lines graph dump as the offline importer's files, in one streamed pass: the file is cut
 * into byte ranges at line starts, and each thread of a piscina pool reads, checks and writes one
 * range (dump-files-worker.ts), as the seed's writer threads do. This thread checks what spans the
 * ranges (AcrossDump, holding keys, lines and a few facts, never the records) and writes last the
 * pairings whose HELPER relationship lay in another range than theirs, each with its helper's key.
 * The issues are those
 * `checkGraphRecords` finds with no graph, in line order; memory grows with the node count, not
 * the file. A file without a record is refused (nothingToImport), as readRows refuses it.
 */
export async function writeDumpFiles(o: DumpFilesOptions): Promise<DumpFiles> {
  const size = fs.statSync(o.file).size;
  if (size === 0) throw nothingToImport(o.file, 'is empty');
  const threads = o.threads ?? Math.min(os.availableParallelism(), 8);
  const split = splitLines(o.file, size, threads);
  o.onLines?.(split.lines);
  const ranges = split.ranges.map((r, k): DumpRange => ({
    ...r,
    file: o.file,
    out: o.dir ? { dir: o.dir, part: `${k + 1}_` } : null,
  }));
  const merge = new ChunkMerge(o.onRecords);
  const sets =
    ranges.length === 1
      ? [(await writeDumpRange(ranges[0], (c) => merge.add(c))).files]
      : (
          await runOnThreads({
            dir: __dirname,
            name: 'dump-files-worker',
            tasks: ranges,
            onMessage: (c: DumpChunk) => merge.add(c),
            posted: (r: Awaited<ReturnType<typeof writeDumpRange>>) => r.chunks,
          })
        ).map((r) => r.files);
  if (merge.records === 0) throw nothingToImport(o.file, 'holds only blank lines');
  const issues = [...merge.issues, ...(await merge.check.issues(null))].sort((a, b) => a.line - b.line);
  const result = { records: merge.records, nodes: merge.nodes, rels: merge.rels, issues };
  if (merge.check.repeated || issues.length || !o.dir)
    return { ...result, repeated: merge.check.repeated, files: null };
  const pairings = merge.pairings.map((p) => withHelperKey(restoreDateTimes(p), merge.helperOf.get(p.id)!));
  const files = joinImportFileSets(o.dir, [
    writeImportFiles(o.dir, { nodes: pairings, rels: [] }, '0_'),
    ...sets.filter((s) => s !== null),
  ]);
  return { ...result, repeated: false, files };
}

/** What the parent gathers from the chunks of every range. */
class ChunkMerge {
  readonly check = new AcrossDump();
  readonly issues: RowIssue[] = [];
  readonly pairings: NodeRecord[] = [];
  /** A pairing's id → the helper key of its helper, for HELPERs no thread could pair in its range. */
  readonly helperOf = new Map<string, string>();
  records = 0;
  nodes = 0;
  rels = 0;

  constructor(private readonly onRecords?: (records: number) => void) {}

  add(c: DumpChunk): void {
    for (const i of c.issues) this.issues.push(i);
    for (const p of c.pairings) this.pairings.push(p); // the last chunk may carry a range's all
    for (let i = 0; i < c.nodeIds.length; i++)
      this.check.node(c.nodeLabels[i], c.nodeIds[i], c.nodeLines[i], c.nodeFacts[i]);
    for (let i = 0; i < c.relTypes.length; i++)
      this.check.rel(c.relTypes[i], c.fromLabels[i], c.fromIds[i], c.toLabels[i], c.toIds[i], c.relLines[i]);
    for (let i = 0; i < c.helperPairings.length; i++) this.helperOf.set(c.helperPairings[i], c.helperKeys[i]);
    this.records += c.records;
    this.nodes += c.nodeIds.length;
    this.rels += c.relTypes.length;
    this.onRecords?.(c.records);
  }
}

/**
 * Cuts a file into up to `parts` byte ranges of about equal size, each starting at a line's start,
 * with the number of its first line (ranges without a byte are left out), and counts its lines.
 */
export function splitLines(
  file: string,
  size: number,
  parts: number,
): { ranges: { start: number; end: number; firstLine: number }[]; lines: number } {
  const starts = [{ start: 0, firstLine: 1 }];
  let newlines = 0;
  let last = 10;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(8 * 2 ** 20);
    for (let pos = 0; pos < size;) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) {
        newlines += 1;
        const after = pos + i + 1;
        if (starts.length < parts && after >= (size * starts.length) / parts)
          starts.push({ start: after, firstLine: newlines + 1 });
      }
      last = buf[n - 1];
      pos += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  const ranges = starts
    .map((s, k) => ({ ...s, end: starts[k + 1]?.start ?? size }))
    .filter((r) => r.start < r.end);
  return { ranges, lines: newlines + (last === 10 ? 0 : 1) };
}
