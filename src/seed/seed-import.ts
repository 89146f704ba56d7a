import fs from 'node:fs';
import path from 'node:path';
import type { GraphBatch } from '../domain/records';
import type { Neo4jMemoryConfig } from '../config/neo4j-memory-config';
import { ImportFiles, type ImportFileSet } from '../store/import-tool/import-files';
import { runStoreImport } from '../store/import-tool/store-import';
import { reportedBatch } from './reported';
import type { SeedOptions } from './seed';
import { generateSyntheticBanners } from './synthetic';

export interface ImportSeedOptions extends Pick<
  SeedOptions,
  'scale' | 'reportedOnly' | 'onProgress' | 'onPhase' | 'onEstimate'
> {
  /** The embedded store directory; it must not hold a database yet. */
  storeDir: string;
  log: (msg: string) => void;
  memory?: Neo4jMemoryConfig;
}

export interface ImportSeedSummary {
  nodes: number;
  rels: number;
  /** Generating the records and writing the importer's files. */
  filesMs: number;
  /** Neo4j's offline importer. */
  importMs: number;
  /** What is left to write once the store runs (finishImport). */
  files: ImportFileSet;
}

/**
 * The seed of a new embedded store, written by Neo4j's offline importer instead of transactions:
 * the same records as `seed` (reported facts, then the synthetic banners), as CSV files under the
 * store directory, imported, then deleted. The caller then starts the store, migrates (constraints
 * and indexes are built over the imported data) and calls `finishImport`.
 */
export async function seedByImport(o: ImportSeedOptions): Promise<ImportSeedSummary> {
  const dir = path.join(o.storeDir, `import-files-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const writer = new ImportFiles(dir);
  let finished = false;
  try {
    const t0 = performance.now();
    let nodes = 0;
    let rels = 0;
    const add = (b: GraphBatch) => {
      const written = writer.add(b); // not inside `onProgress?.(…)`: without a callback it would never run
      o.onProgress?.(written);
      nodes += b.nodes.length;
      rels += b.rels.length;
    };
    o.onPhase?.('reported facts → import files');
    add(reportedBatch());
    if (!o.reportedOnly) {
      o.onPhase?.(`synthetic layer, scale ${o.scale} → import files`);
      let first = true;
      for (const banner of generateSyntheticBanners(o.scale)) {
        if (first) o.onEstimate?.(nodes + rels + (banner.nodes.length + banner.rels.length) * o.scale);
        first = false;
        add(banner);
      }
    }
    const files = writer.finish();
    finished = true;
    const filesMs = performance.now() - t0;
    o.onPhase?.('offline import');
    const { ms: importMs } = await runStoreImport({
      storeDir: o.storeDir,
      files,
      log: o.log,
      memory: o.memory,
    });
    return { nodes, rels, filesMs, importMs, files };
  } finally {
    if (!finished) writer.abort();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
