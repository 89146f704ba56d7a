import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportFiles, joinImportFileSets, type ImportFileSet } from '../store/import-tool/import-files';
import { generateBanner } from './synth/banner';

/** One writer's share of the synthetic layer: which banners, into which files. */
export interface BannerFilesTask {
  scale: number;
  dir: string;
  /** Names this writer's files and temporary labels (ImportFiles' `part`). */
  part: string;
  banners: number[];
}

/** Counts of one banner's records, as it is written. */
export type OnBanner = (nodes: number, rels: number) => void;

/** Generates the task's banners and writes them as import files; `onBanner` gets each one's counts. */
export function writeBannerFiles(t: BannerFilesTask, onBanner: OnBanner): ImportFileSet {
  const w = new ImportFiles(t.dir, t.part);
  let finished = false;
  try {
    for (const i of t.banners) {
      const b = generateBanner(i, t.scale);
      w.add(b);
      onBanner(b.nodes.length, b.rels.length);
    }
    const files = w.finish();
    finished = true;
    return files;
  } finally {
    if (!finished) w.abort();
  }
}

/**
 * Writer threads for the synthetic layer: generating a banner and turning it into CSV is all
 * JavaScript, and banners are independent (each draws from its own seeded stream and has its own
 * ids), so each thread takes every n-th banner. On the 2-core reference machine 2 threads wrote
 * scale 20 in 6.6–6.8 s against 7.9–8.5 s on one: less than double, as a third of the work is
 * garbage collection and a thread's own collector competes for the same cores. Scale 1 stays on
 * this thread: a worker costs its start (loading the generator) for one banner.
 */
export const bannerFileThreads = (scale: number) => Math.min(scale, os.availableParallelism(), 8);

/**
 * Writes the synthetic layer of `scale` as import files in `dir` from `threads` worker threads
 * (on this thread when 1); `onBanner` gets each banner's counts as it is written.
 */
export async function writeSyntheticFiles(o: {
  scale: number;
  dir: string;
  threads: number;
  onBanner: OnBanner;
}): Promise<ImportFileSet> {
  const tasks: BannerFilesTask[] = Array.from({ length: o.threads }, (_, k) => ({
    scale: o.scale,
    dir: o.dir,
    part: `${k + 1}_`,
    banners: [],
  }));
  for (let i = 0; i < o.scale; i++) tasks[i % o.threads].banners.push(i);
  if (o.scale === 1) return writeBannerFiles(tasks[0], o.onBanner);
  // the built service runs the compiled .js beside this file; tsx and the tests run the TypeScript
  // source, which a worker thread loads through tsx's require hook (the main thread's transform
  // does not reach it, and Node 20 takes no `--import` loader in a worker's execArgv)
  const ts = __filename.endsWith('.ts');
  const entry = path.join(__dirname, `import-files-worker.${ts ? 'ts' : 'js'}`);
  const workers = tasks.map((workerData) =>
    ts
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData })
      : new Worker(entry, { workerData }),
  );
  try {
    const sets = await Promise.all(
      workers.map(
        (w) =>
          new Promise<ImportFileSet>((resolve, reject) => {
            w.on('message', (m: WorkerMessage) => {
              if (m.kind === 'banner') o.onBanner(m.nodes, m.rels);
              else resolve(m.files);
            });
            w.once('error', reject);
            w.once('exit', (code) =>
              reject(new Error(`an import file writer thread exited with code ${code}`)),
            );
          }),
      ),
    );
    return joinImportFileSets(o.dir, sets);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** What a writer thread posts (import-files-worker.ts). */
export type WorkerMessage =
  { kind: 'banner'; nodes: number; rels: number } | { kind: 'done'; files: ImportFileSet };
