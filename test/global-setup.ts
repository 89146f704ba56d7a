import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/config/paths';
import { createDriver } from '../src/store/driver';
import { startEmbeddedNeo4j } from '../src/store/embedded/embedded-neo4j';
import { Gateway } from '../src/store/gateway';
import { migrate } from '../src/store/migrations/migrations';
import { isEmpty, seed } from '../src/seed/seed';
import { freePort } from './support/processes';

/**
 * Starts one real Neo4j for the whole integration run (a fresh embedded store under .data/, or
 * the Neo4j at NEO4J_URI), applies migrations and seeds the scale-1 graph. Tests reach it
 * through TEST_NEO4J_URI; tests that write use their own unique ids so they cannot disturb
 * each other or the seed graph's figures.
 */
export default async function globalSetup(): Promise<void> {
  const log = (m: string) => process.stderr.write(`[test neo4j] ${m}\n`);
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    // A fresh store and a free port per run, so concurrent runs never share or wipe a store.
    fs.mkdirSync(path.join(REPO_ROOT, '.data'), { recursive: true });
    const storeDir = fs.mkdtempSync(path.join(REPO_ROOT, '.data', 'test-neo4j-'));
    const port = process.env.TEST_NEO4J_PORT ? Number(process.env.TEST_NEO4J_PORT) : await freePort();
    // a loaded machine (other test runs, a build) can take minutes to start a JVM
    const neo = await startEmbeddedNeo4j({ storeDir, boltPort: port, log, readyTimeoutMs: 600_000 });
    Object.assign(globalThis, { __NEO4J__: neo, __NEO4J_STORE__: storeDir });
    uri = neo.uri;
  }
  process.env.TEST_NEO4J_URI = uri;
  process.env.TEST_NEO4J_DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';
  const driver = createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  try {
    const gw = new Gateway(driver, process.env.TEST_NEO4J_DATABASE);
    await migrate(gw);
    // TEST_REUSE_SEED=true with NEO4J_URI: keep a Neo4j that an earlier run seeded (tests write
    // only under their own unique keys and remove them), for quick reruns while developing
    if (process.env.NEO4J_URI && process.env.TEST_REUSE_SEED === 'true' && !(await isEmpty(gw))) {
      log('reusing the seeded graph at NEO4J_URI (TEST_REUSE_SEED=true)');
      return;
    }
    const t0 = Date.now();
    const s = await seed(gw, { scale: 1, reset: true });
    log(`seeded scale 1 (${s.nodes} nodes, ${s.rels} rels) in ${Date.now() - t0} ms`);
  } finally {
    await driver.close();
  }
}
