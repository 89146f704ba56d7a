import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Neo4jConfig } from '../../config/config';
import type { Neo4jMemoryConfig } from '../../config/neo4j-memory-config';
import {
  availableMemory,
  EmbeddedNeo4jError,
  ensureLauncherBuilt,
  launcherJava,
} from '../embedded/embedded-neo4j';
import { GiB, sizeNeo4jMemory, toSizeFlag } from '../embedded/memory-sizing';
import { readRunning } from '../embedded/running-store';
import { ARRAY_DELIMITER, type ImportFileSet } from './import-files';
import { removeFixupPlan, writeFixupPlan } from './fixup-plan';
import { ImporterProgress } from './importer-progress';

/** Where the embedded launcher keeps the default database of a store directory. */
export const databaseDir = (storeDir: string) => path.join(storeDir, 'data', 'databases', 'neo4j');

/**
 * True when the embedded store directory has no default database yet: Neo4j has never run on it,
 * so the offline importer may write it.
 */
export const storeHasNoDatabase = (storeDir: string) => !fs.existsSync(databaseDir(storeDir));

/**
 * Why the offline importer may not write the configured store, or null when it may: the embedded
 * store (no NEO4J_URI), with no database yet and no service running on it.
 */
export function whyNotNewStore(cfg: Neo4jConfig): string | null {
  if (cfg.mode !== 'embedded')
    return 'NEO4J_URI names an external Neo4j; the offline importer writes a new embedded store only';
  if (!storeHasNoDatabase(cfg.storeDir) || readRunning(cfg.storeDir))
    return `${cfg.storeDir} already holds a database (or a service runs on it); the offline importer writes a new store only`;
  return null;
}

/**
 * Runs `work` with a new directory for the importer's files under the store directory (on the
 * same disk as the database it becomes), and deletes it afterwards, whatever happened.
 */
export async function withImportFilesDir<T>(storeDir: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = path.join(storeDir, `import-files-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A new embedded store for the offline importer to write, and how to size and log it. */
export interface NewStoreTarget {
  /** The embedded store directory; it must not hold a database yet. */
  storeDir: string;
  log: (msg: string) => void;
  /** Heap and off-heap overrides (NEO4J_HEAP_SIZE, NEO4J_PAGECACHE_SIZE); otherwise sized like the DBMS. */
  memory?: Neo4jMemoryConfig;
}

/** What an offline import into a new store wrote, and where its time went. */
export interface OfflineImportSummary {
  nodes: number;
  rels: number;
  /** Producing the records and writing the importer's files. */
  filesMs: number;
  /** Neo4j's offline importer. */
  importMs: number;
}

export interface StoreImportOptions extends NewStoreTarget {
  files: ImportFileSet;
  /**
   * The files' node and relationship counts, and what to tell as the importer writes them: the
   * records of each of its progress lines (ImporterProgress).
   */
  progress?: { totals: { nodes: number; rels: number }; onRecords: (records: number) => void };
}

/**
 * Builds the default database of a new embedded store from the files with Neo4j's offline
 * importer (the launcher's `import` mode, i.e. `neo4j-admin database import full`): no
 * transactions, no MERGE, every core busy. Refuses a store that already has a database (the
 * importer would not overwrite it) and fails on any bad record (a repeated id, a relationship end
 * that is not a node of the files) rather than skipping it. What the importer cannot write is left
 * to the store's next start, in a plan file beside the database (fixup-plan.ts). The importer's full output is kept in
 * `<store>/logs/import.log`; the log gets its stage lines and summary. Returns the wall time.
 */
export async function runStoreImport(o: StoreImportOptions): Promise<{ ms: number }> {
  if (!storeHasNoDatabase(o.storeDir))
    throw new EmbeddedNeo4jError(
      `${databaseDir(o.storeDir)} exists: the offline importer only writes a new store`,
    );
  ensureLauncherBuilt(o.log);
  const available = availableMemory();
  // the importer's heap holds little; its off-heap caches (ids, relationship groups) are what the page cache is to the DBMS
  const mem = sizeNeo4jMemory(available, o.memory);
  o.log(
    `offline import: heap ${toSizeFlag(mem.heapBytes)}, off-heap ${toSizeFlag(mem.pageCacheBytes)}, of ` +
      `${(available / GiB).toFixed(1)} GiB available`,
  );
  const logs = path.join(o.storeDir, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const args = [
    ...launcherJava(mem.heapBytes),
    'import',
    '--data',
    o.storeDir,
    '--id-type=string',
    `--array-delimiter=${ARRAY_DELIMITER}`,
    `--multiline-fields=${o.files.multiline}`,
    '--bad-tolerance=0',
    // the cause of a failure (which id, which file) is only printed with the stack traces
    '--verbose',
    `--max-off-heap-memory=${toSizeFlag(mem.pageCacheBytes)}`,
    `--report-file=${path.join(logs, 'import.report')}`,
    ...o.files.nodes.map((n) => `--nodes=${n.labels.join(':')}=${n.file}`),
    ...o.files.relationships.map((r) => `--relationships=${r.type}=${r.file}`),
  ];
  const t0 = performance.now();
  // before the importer: once the database exists, whoever starts the store next must find it
  writeFixupPlan(o.storeDir, o.files.fixed);
  const out = fs.createWriteStream(path.join(logs, 'import.log'));
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let cause = '';
  const counter = o.progress ? new ImporterProgress(o.progress.totals) : null;
  for (const stream of [child.stdout, child.stderr])
    readline.createInterface({ input: stream }).on('line', (line) => {
      const records = counter?.line(line) ?? 0;
      if (records > 0) o.progress?.onRecords(records);
      out.write(`${line}\n`);
      // the innermost cause is the last one printed: "Caused by: <class>: <message>"
      const c = /^Caused by: [\w.$]+: (.*)$/.exec(line);
      if (c) cause = c[1].replace(/^([\w.$]+Exception: )+/, '');
      if (/^\(\d\/\d\)|^IMPORT DONE|^\s+\d+ (nodes|relationships|properties)$|^Peak memory/.test(line))
        o.log(`offline import: ${line.trim()}`);
      // each stage as it starts ("Nodes, started 2026-…"): the importer's own progress, without a terminal
      const stage = /^(.+), started \d{4}-\d{2}-\d{2} /.exec(line);
      if (stage) o.log(`offline import: ${stage[1]} …`);
    });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  await new Promise((resolve) => out.end(resolve));
  if (code !== 0) {
    // a failed import may leave a partial database behind: remove it so the store is still new
    fs.rmSync(databaseDir(o.storeDir), { recursive: true, force: true });
    fs.rmSync(path.join(o.storeDir, 'data', 'transactions', 'neo4j'), { recursive: true, force: true });
    removeFixupPlan(o.storeDir);
    throw new EmbeddedNeo4jError(
      `the offline import failed: ${cause || `exit ${code}`} (its whole output: ${path.join(logs, 'import.log')})`,
    );
  }
  return { ms: performance.now() - t0 };
}
