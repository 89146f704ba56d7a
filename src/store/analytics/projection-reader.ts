import neo4j, { type Driver, type Integer } from 'neo4j-driver';
import { createDriver, type DatabaseConnection } from '../driver';
import { mapError } from '../gateway';
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

/** The network in scope, read in one read transaction, refused past the statement's `maxEdges`. */
export async function readProjection(r: ReadProjection): Promise<NetworkEdges> {
  const rows = new ProjectionRows(r.statement.maxEdges);
  try {
    await driverFor(r.connection).executeQuery(
      r.statement.cypher,
      toNeo4jParams(r.statement.params) as Record<string, unknown>,
      {
        database: r.connection.database,
        routing: neo4j.routing.READ,
        // At least 1 ms: Neo4j reads a timeout of 0 as "none".
        transactionConfig: r.timeoutMs === undefined ? undefined : { timeout: Math.max(1, r.timeoutMs) },
        // rows are collected as they arrive, never held as driver records
        resultTransformer: neo4j.resultTransformers.mappedResultTransformer({
          map: (rec) => {
            rows.add(rec.get(0) as string, rec.get(1) as string, (rec.get(2) as Integer).toNumber());
            return undefined;
          },
          collect: () => undefined,
        }),
      },
    );
  } catch (e) {
    throw mapError(e);
  }
  return rows.edges;
}

/** Closes this thread's drivers (a worker's go with the thread; this is for the main thread's own use). */
export async function closeProjectionDrivers(): Promise<void> {
  const all = [...drivers.values()];
  drivers.clear();
  await Promise.all(all.map((d) => d.close()));
}
