import type { Neo4jConfig } from '../config/config';
import { createDriver } from './driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded/embedded-neo4j';
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
  /** Apply migrations (default true). */
  migrate?: boolean;
}

/** Starts the embedded Neo4j when configured, connects, checks connectivity and migrates. */
export async function openStore(cfg: Neo4jConfig, o: OpenOptions): Promise<Store> {
  let embedded: EmbeddedNeo4j | undefined;
  if (cfg.mode === 'embedded') {
    embedded = await startEmbeddedNeo4j({ storeDir: cfg.storeDir, boltPort: cfg.boltPort, log: o.log });
  }
  const driver =
    cfg.mode === 'external'
      ? createDriver({ uri: cfg.uri, user: cfg.user, password: cfg.password })
      : createDriver({ uri: embedded!.uri });
  const close = async () => {
    await driver.close();
    await embedded?.stop();
  };
  try {
    await driver.verifyConnectivity({ database: cfg.database });
    const gateway = new Gateway(driver, cfg.database, o.observers ?? []);
    if (o.migrate ?? true) await migrate(gateway);
    return { gateway, embedded: embedded !== undefined, close };
  } catch (e) {
    await close();
    if (cfg.mode === 'external') {
      throw new Error(
        `cannot reach Neo4j at ${cfg.uri} (database ${cfg.database}): ${(e as Error).message}`,
        { cause: e },
      );
    }
    throw e;
  }
}
