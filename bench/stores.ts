import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../src/config/paths';
import { seed } from '../src/seed/seed';
import { seedByImport } from '../src/seed/seed-import';
import { createDriver } from '../src/store/driver';
import { startEmbeddedNeo4j } from '../src/store/embedded/embedded-neo4j';
import { Gateway } from '../src/store/gateway';
import { migrate } from '../src/store/migrations/migrations';
import { freePort } from '../test/support/processes';

/**
 * One seeded Neo4j store per scale, cached across runs in `.data/bench-s<N>/` (git-ignored).
 * A store counts as seeded at scale N when its marker file `seeded.json` says so AND the graph
 * has N banners (准格尔旗 plus N − 1 synthetic copies); anything else is wiped and seeded again.
 * The marker also keeps the seed's throughput, so a run that reuses a store still reports it.
 */

/** How long seeding took when the store was built. */
export interface SeedRecord {
  scale: number;
  nodes: number;
  rels: number;
  ms: number;
  /** Node and relationship records written per second. */
  recordsPerSecond: number;
  /** ISO time of the seed, and the load average while it ran (1-minute, at the end). */
  at: string;
  loadAverage: number;
}

export interface BenchStore {
  scale: number;
  uri: string;
  seed: SeedRecord;
  /** Whether this run seeded the store (false: reused from an earlier run). */
  seededNow: boolean;
  /** The Neo4j process (its CPU time is read from /proc by bench/service-cpu.ts). */
  pid: number;
  stop(): Promise<void>;
}

export const storeDir = (scale: number) => path.join(REPO_ROOT, '.data', `bench-s${scale}`);

export const markerPath = (scale: number) => path.join(storeDir(scale), 'seeded.json');

function readMarker(scale: number): SeedRecord | null {
  try {
    const m = JSON.parse(fs.readFileSync(markerPath(scale), 'utf8')) as SeedRecord;
    return m.scale === scale ? m : null;
  } catch {
    return null;
  }
}

async function bannerCount(gw: Gateway): Promise<number> {
  const [row] = await gw.read('bench.banners', "MATCH (u:AdminUnit {kind: 'BANNER'}) RETURN count(u) AS n");
  return Number(row.n);
}

/** Records how long seeding the scale's store took, in its marker file, and returns the record. */
export function writeSeedMarker(scale: number, nodes: number, rels: number, ms: number): SeedRecord {
  const marker: SeedRecord = {
    scale,
    nodes,
    rels,
    ms: Math.round(ms),
    recordsPerSecond: Math.round(((nodes + rels) * 1000) / ms),
    at: new Date().toISOString(),
    loadAverage: Number(os.loadavg()[0].toFixed(2)),
  };
  fs.writeFileSync(markerPath(scale), `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

/** A new store for the scale, written by the offline importer (any old one is deleted first). */
async function importNewStore(scale: number, dir: string, log: (m: string) => void) {
  fs.rmSync(path.join(dir, 'neo4j'), { recursive: true, force: true });
  log(`importing scale ${scale} into ${path.relative(REPO_ROOT, dir)} (offline importer) …`);
  return seedByImport({
    scale,
    storeDir: path.join(dir, 'neo4j'),
    log: (m) => log(`[import s${scale}] ${m}`),
  });
}

/** Starts the embedded Neo4j on the scale's store, migrates, and seeds it unless already seeded. */
export async function openBenchStore(scale: number, log: (m: string) => void): Promise<BenchStore> {
  const dir = storeDir(scale);
  fs.mkdirSync(dir, { recursive: true });
  let marker = readMarker(scale);
  // a store without its marker is built anew by Neo4j's offline importer (what `bangfu seed` does for a new store)
  const t0 = performance.now();
  const imported = marker ? null : await importNewStore(scale, dir, log);
  const neo = await startEmbeddedNeo4j({
    storeDir: path.join(dir, 'neo4j'),
    boltPort: await freePort(),
    log: (m) => log(`[neo4j s${scale}] ${m}`),
  });
  const driver = createDriver({ uri: neo.uri });
  const stop = async () => {
    await driver.close();
    await neo.stop();
  };
  try {
    const gw = new Gateway(driver, 'neo4j');
    await migrate(gw);
    if (imported) {
      marker = writeSeedMarker(scale, imported.nodes, imported.rels, performance.now() - t0);
      log(
        `seeded scale ${scale} by offline import: ${imported.nodes} nodes + ${imported.rels} rels in ` +
          `${(marker.ms / 1000).toFixed(1)} s (${marker.recordsPerSecond} records/s, until migrated and indexed)`,
      );
    }
    const seededNow = imported !== null || !(marker && (await bannerCount(gw)) === scale);
    if (seededNow && !imported) {
      fs.rmSync(markerPath(scale), { force: true });
      log(`seeding scale ${scale} into ${path.relative(REPO_ROOT, dir)} (scale 100 takes minutes) …`);
      const s = await seed(gw, { scale, reset: true });
      marker = writeSeedMarker(scale, s.nodes, s.rels, s.ms);
      log(
        `seeded scale ${scale}: ${s.nodes} nodes + ${s.rels} rels in ${(s.ms / 1000).toFixed(1)} s ` +
          `(${marker.recordsPerSecond} records/s)`,
      );
    }
    return { scale, uri: neo.uri, seed: marker!, seededNow, pid: neo.pid, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
