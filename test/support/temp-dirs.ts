import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A maker of new temporary directories named `prefix…`, each removed after the file's tests
 * (registers an afterAll; call it at a describe's or the file's top level).
 */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}
