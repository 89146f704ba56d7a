import { randomUUID } from 'node:crypto';
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type SessionMode,
} from 'neo4j-driver';
import { beforeDeadline, DEADLINE_TAG, terminateTagged, timedOut } from './deadline-race';
import { optionsOf, sessionBookmarks, type DatabaseConnection } from './driver';
import { mapError } from './driver-errors';
import { toNeo4jParams, toPlain, type Plain } from './values';

export type Access = 'read' | 'write';

/** Told about every Cypher statement the gateway sends (metrics, per-request counting). */
export interface QueryObserver {
  onQuery(e: { name: string; access: Access; ms: number; ok: boolean }): void;
}

export interface RunOptions {
  /** Transaction timeout passed to Neo4j; the server aborts the transaction when it expires. */
  timeoutMs?: number;
  /**
   * When the caller needs its answer by (epoch ms, as `Date.now()`): each transaction's timeout
   * is capped at the time left, and once it has passed nothing more is sent (TIMEOUT). Neo4j
   * ends a transaction that outlives its timeout, and the connection returns to the pool.
   */
  deadline?: number;
  signal?: AbortSignal;
}

export type Row = Record<string, Plain>;

/**
 * The one gateway through which all Cypher runs. It names the database, picks the access mode
 * (reads are routed to followers/read replicas in a cluster), maps driver values to plain values
 * and driver failures to coded AppErrors, and tells observers about every statement.
 * Statement names identify queries in metrics and logs; the Cypher text itself never leaves the
 * process in an error.
 */
export class Gateway {
  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly observers: readonly QueryObserver[] = [],
    private readonly defaults: RunOptions = {},
  ) {}

  /**
   * How another thread reaches this gateway's database with a driver of its own (the analytics
   * workers read their projections so). Only for drivers made by createDriver.
   */
  get connection(): DatabaseConnection {
    const o = optionsOf(this.driver);
    if (!o)
      throw new Error(
        "this gateway's driver was not made by createDriver: no other thread can reach its database",
      );
    return { ...o, database: this.database };
  }

  /** Tells the observers about a statement that ran elsewhere (on a worker thread's own driver). */
  report(name: string, access: Access, ms: number, ok: boolean): void {
    this.notify(name, access, ms, ok);
  }

  /** When this view's caller needs its answer by (epoch ms), if it has a deadline. */
  get deadline(): number | undefined {
    return this.defaults.deadline;
  }

  /** A view of the same driver that also reports to `observer` (e.g. one request's counter). */
  withObserver(observer: QueryObserver, defaults: RunOptions = this.defaults): Gateway {
    return new Gateway(this.driver, this.database, [...this.observers, observer], defaults);
  }

  /** Runs one read statement in a read transaction and returns plain rows. */
  read(
    name: string,
    cypher: string,
    params: Record<string, unknown> = {},
    o: RunOptions = {},
  ): Promise<Row[]> {
    return this.run('read', name, cypher, params, o);
  }

  /** Runs one write statement in a write transaction and returns plain rows. */
  write(
    name: string,
    cypher: string,
    params: Record<string, unknown> = {},
    o: RunOptions = {},
  ): Promise<Row[]> {
    return this.run('write', name, cypher, params, o);
  }

  /**
   * Runs several statements in one write transaction (all or nothing). `work` receives a runner
   * whose statements are counted like any other; the driver retries `work` on transient errors,
   * so it must have no side effects outside the transaction.
   */
  async writeTransaction<T>(
    name: string,
    work: (run: TxRunner) => Promise<T>,
    o: RunOptions = {},
  ): Promise<T> {
    this.checkDeadline(o);
    const session = this.session(neo4j.session.WRITE);
    try {
      return await session.executeWrite((tx) => work(this.txRunner(tx, 'write', name)), this.txConfig(o));
    } catch (e) {
      throw mapError(e);
    } finally {
      await session.close();
    }
  }

  /** Like writeTransaction, for several reads that must see one snapshot. */
  async readTransaction<T>(
    name: string,
    work: (run: TxRunner) => Promise<T>,
    o: RunOptions = {},
  ): Promise<T> {
    this.checkDeadline(o);
    const session = this.session(neo4j.session.READ);
    try {
      return await session.executeRead((tx) => work(this.txRunner(tx, 'read', name)), this.txConfig(o));
    } catch (e) {
      throw mapError(e);
    } finally {
      await session.close();
    }
  }

  /**
   * A session on this gateway's database. Through a routing driver every session, like every
   * executeQuery, keeps its bookmarks in the driver's one bookmark manager: in a cluster, whatever
   * ran before is seen by what runs after (causal consistency), whichever way each statement was
   * sent. A direct connection has one server and needs none (sessionBookmarks).
   */
  private session(mode: SessionMode) {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode,
      bookmarkManager: sessionBookmarks(this.driver),
    });
  }

  private txRunner(tx: ManagedTransaction, access: Access, prefix: string): TxRunner {
    return async (name, cypher, params = {}) => {
      const t0 = performance.now();
      let ok = false;
      try {
        const res = await tx.run(cypher, toNeo4jParams(params) as Record<string, unknown>);
        ok = true;
        return res.records.map((r) => toPlain(r.toObject()) as Row);
      } finally {
        this.notify(`${prefix}.${name}`, access, performance.now() - t0, ok);
      }
    };
  }

  private txConfig(o: RunOptions, tag?: string) {
    let timeout = o.timeoutMs ?? this.defaults.timeoutMs;
    const deadline = o.deadline ?? this.defaults.deadline;
    // At least 1 ms: Neo4j reads a timeout of 0 as "none".
    if (deadline !== undefined)
      timeout = Math.max(1, Math.min(timeout ?? Infinity, Math.ceil(deadline - Date.now())));
    const metadata = tag === undefined ? undefined : { [DEADLINE_TAG]: tag };
    return timeout === undefined && !metadata ? undefined : { timeout, metadata };
  }

  private checkDeadline(o: RunOptions) {
    const deadline = o.deadline ?? this.defaults.deadline;
    if (deadline !== undefined && Date.now() >= deadline) throw timedOut();
  }

  private async run(
    access: Access,
    name: string,
    cypher: string,
    params: Record<string, unknown>,
    o: RunOptions,
  ): Promise<Row[]> {
    this.checkDeadline(o);
    const deadline = o.deadline ?? this.defaults.deadline;
    // A read under a deadline is tagged, so that it can be found and terminated when the deadline
    // passes. Writes are not cut short from the outside: a client must never get TIMEOUT for a
    // write that then commits (their transaction timeout still applies).
    const tag = access === 'read' && deadline !== undefined ? randomUUID() : undefined;
    const t0 = performance.now();
    let ok = false;
    try {
      const signal = o.signal ?? this.defaults.signal;
      const values = toNeo4jParams(params) as Record<string, unknown>;
      const work =
        access === 'read'
          ? this.autoCommitRead(cypher, values, o, tag, signal)
          : this.driver.executeQuery(cypher, values, {
              database: this.database,
              routing: neo4j.routing.WRITE,
              transactionConfig: this.txConfig(o, tag),
              signal,
            });
      const res =
        tag === undefined
          ? await work
          : await beforeDeadline(work, deadline!, (settled) => this.terminate(tag, settled));
      ok = true;
      return res.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (e) {
      throw mapError(e);
    } finally {
      this.notify(name, access, performance.now() - t0, ok);
    }
  }

  /**
   * One read statement as an auto-commit transaction in a READ session. The driver then sends
   * RUN and PULL in one flush, where a managed transaction (executeQuery) sends BEGIN, RUN+PULL
   * and COMMIT: half the driver's CPU per statement and less of Neo4j's (docs/benchmarks.md,
   * "Reads in one round trip"). It is still a read transaction: the session's access mode goes
   * with the RUN, so Neo4j refuses a write in it and a cluster routes it to a reader. A read that
   * follows a write sees it (bookmarks through a routing driver; one server through a direct one:
   * sessionBookmarks), and a transient failure is tried again, as a managed transaction would be,
   * within READ_RETRY_MS and the deadline.
   */
  private async autoCommitRead(
    cypher: string,
    params: Record<string, unknown>,
    o: RunOptions,
    tag: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<QueryResult> {
    const t0 = Date.now();
    for (let wait = READ_RETRY_FIRST_MS; ; wait *= 2) {
      const session = this.session(neo4j.session.READ);
      const abort = () => void session.close();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        return await withoutCallerStack(() => session.run(cypher, params, this.txConfig(o, tag)));
      } catch (e) {
        if (!neo4j.isRetryableError(e) || signal?.aborted || Date.now() - t0 + wait > READ_RETRY_MS) throw e;
      } finally {
        signal?.removeEventListener('abort', abort);
        await session.close();
      }
      await new Promise((r) => setTimeout(r, wait));
      this.checkDeadline(o);
    }
  }

  /** Ends the late transaction tagged `tag` (deadline-race.ts), and reports that as a statement. */
  private async terminate(tag: string, settled: () => boolean): Promise<void> {
    const t0 = performance.now();
    const ok = await terminateTagged(this.driver, this.database, tag, settled);
    this.notify('deadline.terminate', 'read', performance.now() - t0, ok);
  }

  private notify(name: string, access: Access, ms: number, ok: boolean) {
    for (const o of this.observers) o.onQuery({ name, access, ms, ok });
  }
}

/**
 * Calls `run` with V8's stack traces off. neo4j-driver captures and formats the caller's stack for
 * every result it makes (to put on a failure later); at 32 concurrent reads that cost about 75 µs
 * of the 200–270 µs of Node CPU a read took (docs/benchmarks.md, "A stack trace per read"). A
 * failed read then carries the driver's message and code but no caller frames. Only the
 * synchronous call runs this way.
 */
function withoutCallerStack<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** How long a read is tried again after transient failures (the driver's maxTransactionRetryTime). */
const READ_RETRY_MS = 3_000;
/** The first wait before trying a read again; each later wait is twice the one before. */
const READ_RETRY_FIRST_MS = 50;

/** Runs one statement inside a managed transaction. */
export type TxRunner = (name: string, cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;
