import { joinImportFileSets, writeImportFiles, type ImportFileSet } from '../store/import-tool/import-files';
import {
  runStoreImport,
  withImportFilesDir,
  type NewStoreTarget,
  type OfflineImportSummary,
} from '../store/import-tool/store-import';
import { reportedBatch } from './reported';
import type { SeedOptions } from './seed';
import { bannerFileThreads, writeSyntheticFiles } from './banner-files';

export interface ImportSeedOptions
  extends
    Pick<SeedOptions, 'scale' | 'reportedOnly' | 'onProgress' | 'onPhase' | 'onEstimate'>,
    NewStoreTarget {
  /** Threads that write the synthetic layer's files (default bannerFileThreads). */
  threads?: number;
}

export interface ImportSeedSummary extends OfflineImportSummary {
  /** The files imported (deleted by now); `fixed` is what the store's first start writes. */
  files: ImportFileSet;
}

/**
 * The seed of a new embedded store, written by Neo4j's offline importer instead of transactions:
 * the same records as `seed` (reported facts, then the synthetic banners), as CSV files under the
 * store directory, imported, then deleted. The caller then starts the store, which writes what the
 * importer cannot (fixup-plan.ts), and migrates (constraints and indexes are built over the
 * imported data).
 */
export async function seedByImport(o: ImportSeedOptions): Promise<ImportSeedSummary> {
  return withImportFilesDir(o.storeDir, async (dir) => {
    const t0 = performance.now();
    o.onPhase?.('reported facts → import files');
    const reported = reportedBatch();
    let files = writeImportFiles(dir, reported);
    o.onProgress?.(files.records);
    let nodes = reported.nodes.length;
    let rels = reported.rels.length;
    if (!o.reportedOnly) {
      const threads = o.threads ?? bannerFileThreads(o.scale);
      o.onPhase?.(`synthetic layer, scale ${o.scale} → import files (${threads} threads)`);
      let first = true;
      const synthetic = await writeSyntheticFiles({
        scale: o.scale,
        dir,
        threads,
        onBanner: (n, r) => {
          // banners are generated alike, so the first one times the scale estimates the whole layer;
          // every record is counted twice, written to the files and then by the importer
          if (first) o.onEstimate?.(2 * (nodes + rels + (n + r) * o.scale));
          first = false;
          nodes += n;
          rels += r;
          o.onProgress?.(n + r);
        },
      });
      files = joinImportFileSets(dir, [files, synthetic]);
    }
    const filesMs = performance.now() - t0;
    o.onPhase?.('offline import');
    o.onEstimate?.(2 * (nodes + rels));
    const { ms: importMs } = await runStoreImport({
      storeDir: o.storeDir,
      files,
      log: o.log,
      memory: o.memory,
      progress: o.onProgress && { totals: { nodes, rels }, onRecords: o.onProgress },
    });
    return { nodes, rels, filesMs, importMs, files };
  });
}
