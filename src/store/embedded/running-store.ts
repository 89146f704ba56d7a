import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a running embedded Neo4j listens, recorded beside its store (`$BANGFU_DATA_DIR/
 * neo4j.running.json`) by the process that started it and removed when that process stops it.
 * A `bangfu` command started meanwhile connects to that Neo4j over Bolt instead of opening the
 * store files itself — which Neo4j's store lock would refuse, and which would otherwise need a
 * second port. A record whose owner is gone (killed by SIGKILL) is ignored.
 */
export interface RunningStore {
  uri: string;
  /** The process that started the Neo4j (the service) and the Neo4j JVM. */
  ownerPid: number;
  neo4jPid: number;
  storeDir: string;
  startedAt: string;
}

/** The record file of the embedded store in `storeDir`. */
export const runningFileOf = (storeDir: string) =>
  path.join(path.dirname(storeDir), `${path.basename(storeDir)}.running.json`);

/** Writes the record atomically (rename), so a reader never sees half a file. */
export function recordRunning(r: RunningStore): void {
  const file = runningFileOf(r.storeDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(r, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** Removes the record if it is still this owner's. */
export function forgetRunning(storeDir: string, ownerPid = process.pid): void {
  const r = readRunning(storeDir);
  if (r && r.ownerPid === ownerPid) fs.rmSync(runningFileOf(storeDir), { force: true });
}

/** The record of a Neo4j still running on `storeDir`, or null (none, unreadable, or its processes are gone). */
export function readRunning(storeDir: string): RunningStore | null {
  let r: RunningStore;
  try {
    r = JSON.parse(fs.readFileSync(runningFileOf(storeDir), 'utf8')) as RunningStore;
  } catch {
    return null;
  }
  if (typeof r.uri !== 'string' || !alive(r.ownerPid) || !alive(r.neo4jPid)) return null;
  return r;
}

function alive(pid: unknown): boolean {
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
