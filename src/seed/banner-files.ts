import os from 'node:os';
import { ImportFiles, joinImportFileSets, type ImportFileSet } from '../store/import-tool/import-files';
import { runOnThreads, type WithPort } from '../store/import-tool/thread-tasks';
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
 * Writes the synthetic layer of `scale` as import files in `dir` from `threads` worker threads of a
 * piscina pool (on this thread for scale 1); `onBanner` gets each banner's counts as it is written,
 * over a MessagePort per task, and the call resolves only once every banner's counts have arrived.
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
  const sets = await runOnThreads({
    dir: __dirname,
    name: 'import-files-worker',
    tasks,
    onMessage: ({ nodes, rels }: BannerCounts) => o.onBanner(nodes, rels),
    posted: (_: ImportFileSet, t) => t.banners.length,
  });
  return joinImportFileSets(o.dir, sets);
}

/** What a writer thread receives (import-files-worker.ts): its task and the port for its counts. */
export type WriterInput = WithPort<BannerFilesTask>;

/** What a writer thread posts per banner. */
export interface BannerCounts {
  nodes: number;
  rels: number;
}
