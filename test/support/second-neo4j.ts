import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/store/driver';
import { EXPOSED_LABELS } from '../../src/domain/model';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/store/embedded/embedded-neo4j';
import { Gateway } from '../../src/store/gateway';
import { migrate, type MigrateOptions } from '../../src/store/migrations/migrations';
import { freePort } from './processes';

/** A second, empty embedded Neo4j of a test's own (a fresh store in the OS temp dir), migrated. */
export interface SecondNeo4j {
  gateway: Gateway;
  stop(): Promise<void>;
}

export async function startSecondNeo4j(): Promise<SecondNeo4j> {
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-second-'));
  const neo: EmbeddedNeo4j = await startEmbeddedNeo4j({
    storeDir,
    boltPort: await freePort(),
    log: () => undefined,
    // The machine running the tests may be shared and busy; a JVM start can take minutes then.
    readyTimeoutMs: 400_000,
  });
  const driver: Driver = createDriver({ uri: neo.uri });
  const gateway = new Gateway(driver, 'neo4j');
  await migrate(gateway);
  return {
    gateway,
    stop: async () => {
      await driver.close();
      await neo.stop();
      fs.rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

/**
 * Node counts by label and relationship counts by type, of the graph only: the service's bookkeeping
 * (audit entries, the audit sequence, idempotency keys, proposals) is left out, as whether it exists
 * depends on which tests wrote before.
 */
export async function graphCounts(gw: Gateway): Promise<Record<string, number>> {
  const graph = [...EXPOSED_LABELS];
  const nodes = await gw.read(
    'test.counts.nodes',
    'MATCH (n) WHERE labels(n)[0] IN $graph RETURN labels(n)[0] AS k, count(*) AS n',
    { graph },
  );
  const rels = await gw.read(
    'test.counts.rels',
    'MATCH (a)-[r]->(b) WHERE labels(a)[0] IN $graph AND labels(b)[0] IN $graph RETURN type(r) AS k, count(*) AS n',
    { graph },
  );
  return Object.fromEntries(
    [...nodes.map((r) => [`:${r.k}`, Number(r.n)]), ...rels.map((r) => [`-${r.k}-`, Number(r.n)])].sort(),
  );
}

/**
 * Starts the embedded Neo4j of an existing store directory (which finishes an offline import),
 * migrates it (`o`: without the repairs, as the CLI does after its own offline import), runs
 * `work` on it and stops it.
 */
export async function withStoreDir<T>(
  storeDir: string,
  work: (gw: Gateway) => Promise<T>,
  o: MigrateOptions = {},
): Promise<T> {
  const neo = await startEmbeddedNeo4j({
    storeDir,
    boltPort: await freePort(),
    log: () => undefined,
    readyTimeoutMs: 400_000,
  });
  const driver = createDriver({ uri: neo.uri });
  try {
    const gw = new Gateway(driver, 'neo4j');
    await migrate(gw, o);
    return await work(gw);
  } finally {
    await driver.close();
    await neo.stop();
  }
}
