import fs from 'node:fs';
import path from 'node:path';
import { writeBannerFiles, writeSyntheticFiles } from '../../src/seed/banner-files';
import { importFileRows as rows } from '../support/import-file-rows';
import { tempDirs } from '../support/temp-dirs';

/**
 * The synthetic layer's import files written from a pool of writer threads: whatever the number
 * of threads, the same records reach the files, every banner's counts reach the caller before the
 * call resolves, and a writer's failure rejects the call with its message.
 */

const tmp = tempDirs('banner-files-');

async function write(scale: number, threads: number) {
  const counts: [number, number][] = [];
  const set = await writeSyntheticFiles({
    scale,
    dir: tmp(),
    threads,
    onBanner: (n, r) => counts.push([n, r]),
  });
  return { set, counts };
}

describe('synthetic import files from writer threads', () => {
  it('writes the same records from 1, 2 and 3 threads as this thread does, and tells every banner before it resolves', async () => {
    const here = writeBannerFiles({ scale: 3, dir: tmp(), part: '9_', banners: [0, 1, 2] }, () => {});
    const one = await write(3, 1);
    expect(rows(one.set)).toEqual(rows(here));
    const two = await write(3, 2);
    const three = await write(3, 3);
    expect(one.counts).toHaveLength(3);
    const total = one.counts.reduce((a, [n, r]) => a + n + r, 0);
    expect(one.set.records).toBe(total);
    for (const other of [two, three]) {
      expect(other.counts).toHaveLength(3);
      expect(other.counts.reduce((a, [n, r]) => a + n + r, 0)).toBe(total);
      expect(other.set.records).toBe(total);
      expect(rows(other.set)).toEqual(rows(one.set));
    }
    expect(rows(one.set)).toHaveLength(total);
    // each writer names its own files: none is shared between threads
    const files = three.set.nodes.map((n) => n.file).concat(three.set.relationships.map((r) => r.file));
    expect(new Set(files).size).toBe(files.length);
  }, 120_000);

  it('rejects with the writer thread’s own error when it cannot write its files', async () => {
    const file = path.join(tmp(), 'not-a-directory');
    fs.writeFileSync(file, '');
    await expect(
      writeSyntheticFiles({ scale: 2, dir: file, threads: 2, onBanner: () => {} }),
    ).rejects.toThrow(/ENOTDIR|EEXIST|not a directory/);
  }, 60_000);
});
