import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';

export interface DriverOptions {
  uri: string;
  user?: string;
  password?: string;
  /** Upper bound on pooled connections per process (one per in-flight transaction). */
  maxPoolSize?: number;
  /** How long a request may wait for a pooled connection before failing. */
  acquireTimeoutMs?: number;
}

/**
 * Creates the process-wide driver. Timeouts are short so that an outage fails requests fast
 * (SERVICE_UNAVAILABLE) instead of queueing them without bound.
 */
export function createDriver(o: DriverOptions): Driver {
  const auth = o.password ? neo4j.auth.basic(o.user ?? 'neo4j', o.password) : undefined;
  const driver = neo4j.driver(o.uri, auth, {
    maxConnectionPoolSize: o.maxPoolSize ?? 50,
    connectionAcquisitionTimeout: o.acquireTimeoutMs ?? 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 3_000,
    userAgent: 'bangfu-graph',
    logging: { level: 'error', logger: () => undefined },
  });
  made.set(driver, { ...o });
  return driver;
}

/** The options each driver was made with, so another thread can open its own to the same server. */
const made = new WeakMap<Driver, DriverOptions>();

/** How to reach one database from another thread (a worker cannot share the main thread's driver). */
export interface DatabaseConnection extends DriverOptions {
  database: string;
}

/** The options `driver` was made with by createDriver, or undefined for a driver made otherwise. */
export const optionsOf = (driver: Driver): DriverOptions | undefined => made.get(driver);

/**
 * The bookmark manager that sessions on `driver` share, or none. Bookmarks make a cluster causally
 * consistent: a read routed to another member waits until it holds the writes before it. A direct
 * connection (`bolt://`, `bolt+s://`, `bolt+ssc://`) talks to one server, which shows every
 * committed write to the next transaction, so there they only cost: about 30 µs of Node CPU a read
 * and some of Neo4j's (docs/benchmarks.md, "Bookmarks only where they are needed"). A driver not
 * made by createDriver keeps them.
 */
export function sessionBookmarks(driver: Driver): BookmarkManager | undefined {
  const uri = made.get(driver)?.uri;
  return uri !== undefined && DIRECT.test(uri) ? undefined : driver.executeQueryBookmarkManager;
}

const DIRECT = /^bolt(\+s|\+ssc)?:\/\//;
