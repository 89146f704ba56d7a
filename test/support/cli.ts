import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/paths';

/** Runs `bangfu <args>` (bin/bangfu.js, the built CLI) and resolves with its exit code and output. */
export function bangfu(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'bangfu.js'), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}
