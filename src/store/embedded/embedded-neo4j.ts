import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import os from 'node:os';
import { REPO_ROOT } from '../../config/paths';
import type { Neo4jMemoryConfig } from '../../config/neo4j-memory-config';
import { GiB, sizeNeo4jMemory, toSizeFlag, transactionMemoryFor } from './memory-sizing';

const LAUNCHER_DIR = path.join(REPO_ROOT, 'neo4j');
const LAUNCHER_JAR = path.join(LAUNCHER_DIR, 'target', 'bangfu-neo4j-launcher.jar');

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly version: string;
  readonly pid: number;
  /** Resolves once the JVM has exited after a clean shutdown (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

type Log = (msg: string) => void;

/** Thrown when the embedded Neo4j cannot start; the message says what to do. */
export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

const has = (cmd: string) => spawnSync(cmd, ['-version'], { stdio: 'ignore' }).error === undefined;

/**
 * Builds the launcher (and fetches Neo4j's jars through Maven) unless a build newer than its
 * sources exists. Maven's own output is the progress report.
 */
export function ensureLauncherBuilt(log: Log): void {
  const sources = [path.join(LAUNCHER_DIR, 'pom.xml'), ...listFiles(path.join(LAUNCHER_DIR, 'src'))];
  const built = fs.existsSync(LAUNCHER_JAR) ? fs.statSync(LAUNCHER_JAR).mtimeMs : 0;
  if (built > 0 && sources.every((f) => fs.statSync(f).mtimeMs <= built)) return;
  if (!has('java') || !has('mvn')) {
    throw new EmbeddedNeo4jError(
      'The embedded Neo4j needs a Java 17+ runtime (`java`) and Maven (`mvn`) on PATH to build its launcher ' +
        'and fetch Neo4j from Maven Central, and ' +
        `${has('java') ? '`mvn`' : '`java`'} was not found. Install them (Debian/Ubuntu: ` +
        '`apt-get install openjdk-17-jdk-headless maven`), or point the service at an existing Neo4j 5 by setting ' +
        'NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).',
    );
  }
  log('building the embedded Neo4j launcher (first run: Maven downloads Neo4j, about 100 MB) …');
  const t0 = Date.now();
  const r = spawnSync(
    'mvn',
    ['-B', '-q', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), '-DskipTests', 'package'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (r.status !== 0) {
    throw new EmbeddedNeo4jError(
      `building the Neo4j launcher failed (mvn exit ${r.status}); see Maven's output above`,
    );
  }
  log(`launcher built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

/**
 * `java` arguments that run the launcher with jvm.options' flags and the given heap (it replaces
 * the file's -Xmx: the JVM takes the last one given); the launcher's own arguments follow.
 */
export const launcherJava = (heapBytes: number) => [
  ...jvmOptions().filter((f) => !f.startsWith('-Xmx')),
  `-Xmx${toSizeFlag(heapBytes)}`,
  '-jar',
  LAUNCHER_JAR,
];

/** The launcher JVM's flags from neo4j/jvm.options. */
function jvmOptions(): string[] {
  const file = path.join(LAUNCHER_DIR, 'jvm.options');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export interface StartOptions {
  storeDir: string;
  boltPort: number;
  log: Log;
  /** How long to wait for the ready line. */
  readyTimeoutMs?: number;
  /** Heap and page cache overrides; unset parts are sized from the available memory. */
  memory?: Neo4jMemoryConfig;
}

/** Memory the machine (or the container's cgroup limit) has available now. */
export function availableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, os.freemem()) : os.freemem();
}

/**
 * Starts Neo4j in a child JVM bound to 127.0.0.1 and resolves when it prints its ready line.
 * The JVM watches its stdin: if this process dies, even by SIGKILL, the JVM shuts itself down.
 */
export async function startEmbeddedNeo4j(o: StartOptions): Promise<EmbeddedNeo4j> {
  ensureLauncherBuilt(o.log);
  fs.mkdirSync(o.storeDir, { recursive: true });
  const available = availableMemory();
  const mem = sizeNeo4jMemory(available, o.memory);
  o.log(
    `embedded Neo4j memory: heap ${toSizeFlag(mem.heapBytes)} (${mem.heapFrom}), page cache ` +
      `${toSizeFlag(mem.pageCacheBytes)} (${mem.pageCacheFrom}), transactions ${toSizeFlag(transactionMemoryFor(mem.heapBytes))}, ` +
      `of ${(available / GiB).toFixed(1)} GiB available`,
  );
  const args = [
    ...launcherJava(mem.heapBytes),
    '--port',
    String(o.boltPort),
    '--data',
    o.storeDir,
    '--pagecache',
    toSizeFlag(mem.pageCacheBytes),
    '--tx-total-max',
    toSizeFlag(transactionMemoryFor(mem.heapBytes)),
    '--parent-watch',
  ];
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr.push(d);
    if (stderr.length > 200) stderr.shift();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<{ uri: string; version: string }>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new EmbeddedNeo4jError(
            `the embedded Neo4j did not become ready within ${o.readyTimeoutMs ?? 120_000} ms`,
          ),
        ),
      o.readyTimeoutMs ?? 120_000,
    );
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^NEO4J_READY (\S+) (\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ uri: m[1], version: m[2] });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(explainFailure(stderr.join(''), code, o)));
    });
  });
  try {
    const { uri, version } = await ready;
    o.log(`embedded Neo4j ${version} ready at ${uri} (store ${o.storeDir})`);
    return { uri, version, pid: child.pid!, stop: (graceMs) => stop(child, exited, graceMs) };
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
}

function explainFailure(stderr: string, code: number | null, o: StartOptions): string {
  const failed = /NEO4J_FAILED: (.*)/.exec(stderr)?.[1];
  if (failed && /is locked by another/.test(failed)) {
    return (
      `the embedded Neo4j store ${o.storeDir} is in use by another process (another \`npm start\`?): ` +
      'set BANGFU_DATA_DIR to another folder, or NEO4J_URI to share a running Neo4j'
    );
  }
  if (failed && /^port \d+ is already in use/.test(failed)) {
    return `${failed}: set NEO4J_EMBEDDED_PORT to a free port`;
  }
  return `the embedded Neo4j exited with code ${code} before it was ready: ${failed ?? stderr.trim().split('\n').slice(-5).join(' | ')}`;
}

async function stop(child: ChildProcess, exited: Promise<number | null>, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
