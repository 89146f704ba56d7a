import type { Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../config/config';
import { hideCredentials, withoutCredentials } from '../config/env-schemas';
import { createDriver } from './driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded/embedded-neo4j';
import { forgetRunning, readRunning, recordRunning } from './embedded/running-store';
import { Gateway, type QueryObserver } from './gateway';
import { migrate } from './migrations/migrations';

/** An open connection to the graph: the gateway, and how to let go of it. */
export interface Store {
  readonly gateway: Gateway;
  readonly embedded: boolean;
  /** Closes the driver and stops the embedded Neo4j, if this process started one. */
  close(): Promise<void>;
}

export interface OpenOptions {
  observers?: QueryObserver[];
  log: (msg: string) => void;
  /**
   * Apply migrations (default true); 'schema' applies the schema without the repairs, for a store
   * the offline importer has just built (MigrateOptions.repairs).
   */
  migrate?: boolean | 'schema';
  /**
   * Embedded mode: when another process (the service) already runs the embedded Neo4j on this
   * store, connect to it instead of starting one (default false: the service always starts its own,
   * and Neo4j's store lock refuses a second one on the same store).
   */
  reuseRunning?: boolean;
}

/** Starts the embedded Neo4j when configured, connects, checks connectivity and migrates. */
export async function openStore(cfg: Neo4jConfig, o: OpenOptions): Promise<Store> {
  let embedded: EmbeddedNeo4j | undefined;
  const running = cfg.mode === 'embedded' && o.reuseRunning ? readRunning(cfg.storeDir) : null;
  if (running) {
    o.log(
      `using the embedded Neo4j at ${running.uri} that process ${running.ownerPid} runs on ${running.storeDir}`,
    );
  } else if (cfg.mode === 'embedded') {
    embedded = await startEmbeddedNeo4j({
      storeDir: cfg.storeDir,
      boltPort: cfg.boltPort,
      log: o.log,
      memory: cfg.memory,
    });
    recordRunning({
      uri: embedded.uri,
      ownerPid: process.pid,
      neo4jPid: embedded.pid,
      storeDir: cfg.storeDir,
      startedAt: new Date().toISOString(),
    });
  }
  let driver: Driver | undefined;
  const close = async () => {
    await driver?.close();
    if (embedded && cfg.mode === 'embedded') {
      forgetRunning(cfg.storeDir);
      await embedded.stop();
    }
  };
  try {
    // Inside the try: the driver refuses some URIs at once, with a message that repeats them.
    driver =
      cfg.mode === 'external'
        ? createDriver({ uri: cfg.uri, user: cfg.user, password: cfg.password })
        : createDriver({ uri: running?.uri ?? embedded!.uri });
    await driver.verifyConnectivity({ database: cfg.database });
    const gateway = new Gateway(driver, cfg.database, o.observers ?? []);
    if (o.migrate ?? true) {
      const { integers, helperKeys } = await migrate(gateway, { repairs: o.migrate !== 'schema' });
      if (helperKeys > 0)
        o.log(`migrate: set the helper key of ${helperKeys} pairing(s) from their HELPER relationship`);
      for (const c of integers.converted) o.log(`migrate: ${c.count} ${c.label}.${c.prop} FLOAT → INTEGER`);
      for (const c of integers.refused)
        o.log(
          `migrate: ${c.count} ${c.label}.${c.prop} left as FLOAT: not a whole number within ±(2^53 − 1)`,
        );
    }
    return { gateway, embedded: embedded !== undefined, close };
  } catch (e) {
    await close();
    if (cfg.mode === 'external') {
      // The driver's error may repeat the URI, and a logged error shows its cause: the cause is a
      // copy of it with the credentials hidden.
      const err = e as Error & { code?: unknown };
      const cause = Object.assign(new Error(hideCredentials(err.message, cfg.uri)), { code: err.code });
      throw new Error(
        `cannot reach Neo4j at ${withoutCredentials(cfg.uri)} (database ${cfg.database}): ${cause.message}`,
        // eslint-disable-next-line preserve-caught-error -- the cause is `e` with the credentials hidden.
        { cause },
      );
    }
    throw e;
  }
}
