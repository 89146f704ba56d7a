import type { GraphBatch } from '../../domain/records';
import type { RowIssue } from '../../domain/validation/import-rows';
import { writeDumpFiles } from './dump-files';
import { writeImportFiles, type ImportFileSet } from './import-files';
import {
  runStoreImport,
  withImportFilesDir,
  type NewStoreTarget,
  type OfflineImportSummary,
} from './store-import';

interface DumpImportHooks {
  /** Records written to the importer's files, then records the importer wrote (each counted twice). */
  onProgress?: (records: number) => void;
  onPhase?: (phase: string) => void;
}

export interface GraphDumpImportOptions extends NewStoreTarget, DumpImportHooks {
  /** A checked dump (checkGraphRecords with no graph): every relationship end is in it. */
  batch: GraphBatch;
}

/**
 * A graph dump restored into a new embedded store by Neo4j's offline importer, the path `bangfu
 * seed` takes for a new store: the records as the importer's CSV files under the store directory,
 * imported, then deleted. The caller then starts the store (which writes what the importer cannot,
 * fixup-plan.ts, and builds the indexes) and records the audit entry. All or nothing: a record the
 * importer refuses fails the run and leaves the store new (runStoreImport).
 */
export async function importGraphDump(o: GraphDumpImportOptions): Promise<OfflineImportSummary> {
  return withImportFilesDir(o.storeDir, async (dir) => {
    const t0 = performance.now();
    o.onPhase?.('graph dump → import files');
    // the whole batch at once: records repeated anywhere in the dump are folded, as the loader does
    const files = writeImportFiles(dir, o.batch);
    o.onProgress?.(files.records);
    const counts = { nodes: o.batch.nodes.length, rels: o.batch.rels.length };
    return offlineImport(o, files, counts, performance.now() - t0);
  });
}

export interface GraphDumpFileImportOptions extends NewStoreTarget, DumpImportHooks {
  /** A JSON Lines graph dump, not yet checked. */
  file: string;
  /** Check only: write nothing. */
  dryRun: boolean;
  /** The dump's line count, told before it is read (for an estimate of the work). */
  onLines?: (lines: number) => void;
}

/** What importing a dump file found, and what it wrote (null: nothing, see `issues` and `repeated`). */
export interface GraphDumpFileImport {
  records: number;
  nodes: number;
  rels: number;
  issues: RowIssue[];
  /** The dump repeats a record: nothing was written; `importGraphDump` folds repeats in memory. */
  repeated: boolean;
  imported: OfflineImportSummary | null;
}

/**
 * A JSON Lines graph dump checked and written as the importer's files in one streamed pass by
 * several threads (dump-files.ts), then imported as `importGraphDump` does, when every record is
 * valid and none repeats and the run is not dry. Memory grows with the node count, not the file.
 */
export async function importGraphDumpFile(o: GraphDumpFileImportOptions): Promise<GraphDumpFileImport> {
  return withImportFilesDir(o.storeDir, async (dir) => {
    const t0 = performance.now();
    o.onPhase?.('checking the dump and writing import files');
    const r = await writeDumpFiles({
      file: o.file,
      dir: o.dryRun ? null : dir,
      onLines: o.onLines,
      onRecords: o.onProgress,
    });
    const found = {
      records: r.records,
      nodes: r.nodes,
      rels: r.rels,
      issues: r.issues,
      repeated: r.repeated,
    };
    if (!r.files) return { ...found, imported: null };
    const imported = await offlineImport(o, r.files, r, performance.now() - t0);
    return { ...found, imported };
  });
}

async function offlineImport(
  o: NewStoreTarget & DumpImportHooks,
  files: ImportFileSet,
  totals: { nodes: number; rels: number },
  filesMs: number,
): Promise<OfflineImportSummary> {
  o.onPhase?.('offline import');
  const { ms: importMs } = await runStoreImport({
    storeDir: o.storeDir,
    files,
    log: o.log,
    memory: o.memory,
    progress: o.onProgress && { totals, onRecords: o.onProgress },
  });
  return { nodes: totals.nodes, rels: totals.rels, filesMs, importMs };
}
