import path from 'node:path';
import { Piscina } from 'piscina';
import type { AnalyticsConfig } from '../../config/analytics-config';
import { AppError } from '../../domain/errors';
import type { AnalyticsTask, CentralityResult, CommunitiesResult, TaskOutcome } from './analytics-task';

/**
 * Network measures run in a pool of worker threads (piscina), never on the event loop, so
 * `/healthz` and light reads keep answering while a whole-graph betweenness runs. A task reads its
 * own projection (analytics-task.ts), so the rows do not cross the event loop either, and the
 * threads run at a lower priority (ANALYTICS_WORKER_NICE).
 *
 * - Deadline: a computation still queued or running at the request's deadline is aborted (an
 *   AbortSignal to piscina, which removes a queued task and terminates a running thread; the pool
 *   starts a fresh thread for the next task) and answered TIMEOUT.
 * - Backpressure: at most `threads` computations run and `queue` wait; one more is refused at once
 *   with ANALYTICS_BUSY and a retry hint, instead of waiting behind work that may take minutes.
 * - Memory: each thread's heap is capped (resourceLimits); a computation past it fails alone with
 *   QUERY_TOO_COMPLEX, the thread is replaced and the service is unaffected.
 */
export class AnalyticsPool {
  private readonly pool: Piscina;
  private cancelled = 0;
  /** Computations accepted and not yet settled (running or waiting). */
  private inFlight = 0;

  constructor(private readonly c: AnalyticsConfig) {
    // Built service: the compiled .js beside this file. Tests and tsx run the TypeScript source:
    // the worker thread then loads it through tsx, as the main thread's transform does not reach it.
    const ts = __filename.endsWith('.ts');
    this.pool = new Piscina({
      filename: path.join(__dirname, `analytics-worker.${ts ? 'ts' : 'js'}`),
      execArgv: ts ? ['--import', 'tsx'] : [],
      minThreads: 0,
      maxThreads: c.threads,
      // admission is counted here (inFlight): piscina's own bound also counts capacity of threads
      // still starting, so a cold pool would accept more than `queue` waiting computations
      maxQueue: c.queue + c.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: c.workerMemoryMb },
      workerData: { nice: c.workerNice },
    });
  }

  /**
   * Runs `task` by `deadline`; `onRead` is told about the projection statement the worker sent, if
   * it sent one (so the request counts it), whether the computation then succeeded or not.
   */
  run(
    task: AnalyticsTask & { kind: 'centrality' },
    deadline?: number,
    onRead?: OnRead,
  ): Promise<CentralityResult>;
  run(
    task: AnalyticsTask & { kind: 'communities' },
    deadline?: number,
    onRead?: OnRead,
  ): Promise<CommunitiesResult>;
  async run(
    task: AnalyticsTask,
    deadline?: number,
    onRead?: OnRead,
  ): Promise<CentralityResult | CommunitiesResult> {
    const left = deadline === undefined ? undefined : deadline - Date.now();
    if (left !== undefined && left <= 0) throw timedOut();
    if (this.inFlight >= this.c.threads + this.c.queue) throw this.busy();
    const signal = left === undefined ? undefined : AbortSignal.timeout(left);
    this.inFlight++;
    let outcome: TaskOutcome;
    try {
      outcome = (await this.pool.run(task, { signal })) as TaskOutcome;
    } catch (e) {
      if (signal?.aborted) {
        this.cancelled++;
        throw timedOut();
      }
      const message = (e as Error).message ?? '';
      if (/queue is at limit|No task queue available/.test(message)) throw this.busy();
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new AppError(
          'QUERY_TOO_COMPLEX',
          `the computation needed more than ${this.c.workerMemoryMb} MiB: narrow it with areaId or filter`,
          { argument: 'areaId' },
        );
      }
      throw e;
    } finally {
      this.inFlight--;
    }
    if (outcome.read) onRead?.(outcome.read.ms, outcome.read.ok);
    if ('failed' in outcome) {
      const f = outcome.failed;
      throw new AppError(f.code, f.message, f.details);
    }
    return outcome;
  }

  private busy() {
    return new AppError(
      'ANALYTICS_BUSY',
      `every analytics worker is busy and ${this.c.queue} computations are waiting; retry after ${this.c.retryAfterSeconds} s`,
      { retryAfterSeconds: this.c.retryAfterSeconds },
    );
  }

  /** Threads alive, computations accepted and not settled, completed, and computations ended by their deadline. */
  stats() {
    return {
      threads: this.pool.threads.length,
      inFlight: this.inFlight,
      completed: this.pool.completed,
      cancelled: this.cancelled,
    };
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/** Told how long a worker's statement took and whether it succeeded. */
export type OnRead = (ms: number, ok: boolean) => void;

const timedOut = () =>
  new AppError('TIMEOUT', "the computation did not finish within the request's time limit");
