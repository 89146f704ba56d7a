import { parentPort, workerData } from 'node:worker_threads';
import { writeBannerFiles, type BannerFilesTask, type WorkerMessage } from './banner-files';

/**
 * The module each worker thread of `seedByImport` runs: it writes its share of the synthetic
 * banners as import files (writeBannerFiles), posting a `banner` message per banner and a `done`
 * message with its file set at the end. A failure is thrown, so the parent's `error` event gets it.
 */
const task = workerData as BannerFilesTask;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const files = writeBannerFiles(task, (nodes, rels) => post({ kind: 'banner', nodes, rels }));
post({ kind: 'done', files });
