import { writeBannerFiles, type BannerCounts, type WriterInput } from './banner-files';

/**
 * The module each writer thread of `seedByImport` loads (a piscina pool, banner-files.ts): it writes
 * its share of the synthetic banners as import files (writeBannerFiles), posts each banner's counts
 * on the task's port (the parent closes it) and returns its file set. A failure rejects the task.
 */
export default function writeShare({ port, ...task }: WriterInput) {
  return writeBannerFiles(task, (nodes, rels) => port.postMessage({ nodes, rels } satisfies BannerCounts));
}
