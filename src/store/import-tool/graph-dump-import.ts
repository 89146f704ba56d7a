import type { GraphBatch } from '../../domain/records';
import { writeImportFiles } from './import-files';
import {
  runStoreImport,
  withImportFilesDir,
  type NewStoreTarget,
  type OfflineImportSummary,
} from './store-import';

export interface GraphDumpImportOptions extends NewStoreTarget {
  /** A checked dump (checkGraphRecords with no graph): every relationship end is in it. */
  batch: GraphBatch;
  /** Records written to the importer's files, then records the importer wrote (each counted twice). */
  onProgress?: (records: number) => void;
  onPhase?: (phase: string) => void;
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
    const filesMs = performance.now() - t0;
    const totals = { nodes: o.batch.nodes.length, rels: o.batch.rels.length };
    o.onPhase?.('offline import');
    const { ms: importMs } = await runStoreImport({
      storeDir: o.storeDir,
      files,
      log: o.log,
      memory: o.memory,
      progress: o.onProgress && { totals, onRecords: o.onProgress },
    });
    return { ...totals, filesMs, importMs };
  });
}
