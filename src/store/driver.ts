import neo4j, { type Driver } from 'neo4j-driver';

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
  return neo4j.driver(o.uri, auth, {
    maxConnectionPoolSize: o.maxPoolSize ?? 50,
    connectionAcquisitionTimeout: o.acquireTimeoutMs ?? 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 3_000,
    userAgent: 'bangfu-graph',
    logging: { level: 'error', logger: () => undefined },
  });
}
