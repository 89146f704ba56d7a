import { randomUUID } from 'node:crypto';
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type SessionMode,
} from 'neo4j-driver';
import { AppError } from '../domain/errors';
import { optionsOf, type DatabaseConnection } from './driver';
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
   * A session on this gateway's database. Every session, like every executeQuery, keeps its
   * bookmarks in the driver's one bookmark manager: in a cluster, whatever ran before is seen by
   * what runs after (causal consistency), whichever way each statement was sent.
   */
  private session(mode: SessionMode) {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
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

  /**
   * `work`'s answer if it comes before `deadline`, else TIMEOUT at the deadline — without waiting
   * for Neo4j. Neo4j's own transaction timeout does not hold there: it is checked only while a
   * statement executes, about once a second, and not at all while Cypher is planned (planning a
   * 150-branch OR took over 10 s). The late transaction, tagged with `tag` in its metadata, is
   * then terminated from another connection (TERMINATE TRANSACTIONS), which ends its statement
   * and returns its connection to the pool; the request never touches that connection again, so
   * no reset can race a later statement on it (which ruled out the driver's AbortSignal).
   */
  private async beforeDeadline<T>(work: Promise<T>, deadline: number, tag: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          late = true;
          reject(timedOut());
        },
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
      if (late) {
        let settled = false;
        work.then(
          () => (settled = true),
          () => (settled = true),
        );
        void this.terminateTagged(tag, () => settled);
      }
    }
  }

  /**
   * Terminates the transaction tagged `tag`, retrying briefly while it has not yet reached the
   * server (its statement may still be waiting for a pooled connection). Best effort: Neo4j's
   * transaction timeout remains the backstop, and failures are only reported to observers.
   */
  private async terminateTagged(tag: string, settled: () => boolean): Promise<void> {
    const t0 = performance.now();
    let ok = false;
    try {
      for (let attempt = 0; attempt < TERMINATE_ATTEMPTS && !settled(); attempt++) {
        const shown = await this.driver.executeQuery(
          `SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.${DEADLINE_TAG} = $tag RETURN transactionId`,
          { tag },
          { database: this.database, routing: neo4j.routing.READ },
        );
        const ids = shown.records.map((r) => r.get('transactionId') as string);
        if (ids.length) {
          await this.driver.executeQuery(
            'TERMINATE TRANSACTIONS $ids YIELD transactionId RETURN transactionId',
            { ids },
            { database: this.database, routing: neo4j.routing.READ },
          );
          ok = true;
          return;
        }
        await new Promise((r) => setTimeout(r, TERMINATE_RETRY_MS));
      }
      ok = true;
    } catch {
      // the statement may have ended meanwhile, or the user may not see transactions: the
      // transaction timeout still ends it
    } finally {
      this.notify('deadline.terminate', 'read', performance.now() - t0, ok);
    }
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
      const work =
        access === 'read'
          ? this.autoCommitRead(cypher, toNeo4jParams(params) as Record<string, unknown>, o, tag, signal)
          : this.driver.executeQuery(cypher, toNeo4jParams(params), {
              database: this.database,
              routing: neo4j.routing.WRITE,
              transactionConfig: this.txConfig(o, tag),
              signal,
            });
      const res = tag === undefined ? await work : await this.beforeDeadline(work, deadline!, tag);
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
   * with the RUN, so Neo4j refuses a write in it and a cluster routes it to a reader. It shares
   * the driver's bookmark manager with every write, so a read that follows a write sees it, and
   * a transient failure is tried again, as a managed transaction would be, within READ_RETRY_MS
   * and the deadline.
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
        return await session.run(cypher, params, this.txConfig(o, tag));
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

  private notify(name: string, access: Access, ms: number, ok: boolean) {
    for (const o of this.observers) o.onQuery({ name, access, ms, ok });
  }
}

/** How long a read is tried again after transient failures (the driver's maxTransactionRetryTime). */
const READ_RETRY_MS = 3_000;
/** The first wait before trying a read again; each later wait is twice the one before. */
const READ_RETRY_FIRST_MS = 50;

/** The transaction metadata key that tags a read under a deadline. */
const DEADLINE_TAG = 'bangfuDeadlineTag';
/** How often, and how far apart, a late transaction is looked for before giving up. */
const TERMINATE_ATTEMPTS = 5;
const TERMINATE_RETRY_MS = 200;

const timedOut = () => new AppError('TIMEOUT', "the query did not finish within the request's time limit");

/** Runs one statement inside a managed transaction. */
export type TxRunner = (name: string, cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;
