import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  forgetRunning,
  readRunning,
  recordRunning,
  runningFileOf,
} from '../../src/store/embedded/running-store';

describe('the running-store record', () => {
  const storeDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-running-')), 'neo4j');
  const record = (dir: string, ownerPid: number, neo4jPid: number) =>
    recordRunning({
      uri: 'bolt://127.0.0.1:7687',
      ownerPid,
      neo4jPid,
      storeDir: dir,
      startedAt: '2026-12-01T00:00:00Z',
    });

  it('is read back while its processes live, under the data directory', () => {
    const dir = storeDir();
    record(dir, process.pid, process.pid);
    expect(runningFileOf(dir)).toBe(path.join(path.dirname(dir), 'neo4j.running.json'));
    expect(readRunning(dir)).toMatchObject({ uri: 'bolt://127.0.0.1:7687', ownerPid: process.pid });
  });

  it('is ignored when the service that wrote it is gone (killed without cleaning up)', () => {
    const dir = storeDir();
    record(dir, 2 ** 22 + 12345, process.pid); // above pid_max's default: no such process
    expect(readRunning(dir)).toBeNull();
  });

  it('is ignored when unreadable, and removed only by its owner', () => {
    const dir = storeDir();
    fs.writeFileSync(runningFileOf(dir), '{ not json');
    expect(readRunning(dir)).toBeNull();
    record(dir, process.pid, process.pid);
    forgetRunning(dir, process.pid + 1);
    expect(fs.existsSync(runningFileOf(dir))).toBe(true);
    forgetRunning(dir);
    expect(fs.existsSync(runningFileOf(dir))).toBe(false);
  });
});
