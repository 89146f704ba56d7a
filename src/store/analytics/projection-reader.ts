import neo4j, { type Driver } from 'neo4j-driver';
import { createDriver, type DatabaseConnection } from '../driver';
import { mapError } from '../driver-errors';
import { toNeo4jParams } from '../values';
import type { NetworkEdges } from './measures';
import { ProjectionRows, type ProjectionStatement } from './projection.store';

/**
 * Reads a projection in the thread that will compute on it (an analytics worker), over that
 * thread's own driver: the rows are decoded and collected there, so the event loop of the
 * service never holds them. A thread keeps one small driver per database address; the driver goes
 * with the thread (piscina ends idle threads, and a thread stopped at a deadline is terminated,
 * which closes its connections: Neo4j then ends the transaction, as its timeout would).
 */

const drivers = new Map<string, Driver>();

function driverFor(c: DatabaseConnection): Driver {
  const key = JSON.stringify([c.uri, c.user ?? null, c.password ?? null]);
  let d = drivers.get(key);
  if (!d) {
    // one projection at a time per thread; a second connection serves a retry after a failure
    d = createDriver({ uri: c.uri, user: c.user, password: c.password, maxPoolSize: 2 });
    drivers.set(key, d);
  }
  return d;
}

export interface ReadProjection {
  connection: DatabaseConnection;
  statement: ProjectionStatement;
  /** Neo4j's transaction timeout (the time left before the request's deadline). */
  timeoutMs?: number;
}

/**
 * The network in scope, read in one read transaction, refused past the statement's `maxEdges`
 * links: leaving the stream there discards the rest of the result, so Neo4j stops reading too.
 */
export async function readProjection(r: ReadProjection): Promise<NetworkEdges> {
  const session = driverFor(r.connection).session({
    database: r.connection.database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    return await session.executeRead(
      async (tx) => {
        // new for every attempt: the driver retries a transient failure from the start
        const rows = new ProjectionRows(r.statement.maxEdges);
        // rows are collected as they arrive, never held as driver records
        for await (const rec of tx.run(r.statement.cypher, toNeo4jParams(r.statement.params) as object))
          rows.add(rec.get(0) as string, rec.get(1) as string);
        return rows.edges;
      },
      // at least 1 ms: Neo4j reads a timeout of 0 as "none"
      r.timeoutMs === undefined ? undefined : { timeout: Math.max(1, r.timeoutMs) },
    );
  } catch (e) {
    throw mapError(e);
  } finally {
    await session.close();
  }
}

/** Closes this thread's drivers (a worker's go with the thread; this is for the main thread's own use). */
export async function closeProjectionDrivers(): Promise<void> {
  const all = [...drivers.values()];
  drivers.clear();
  await Promise.all(all.map((d) => d.close()));
}
