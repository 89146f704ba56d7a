import os from 'node:os';
import { workerData } from 'piscina';
import { runAnalyticsTask } from './analytics-task';

/**
 * The module each analytics worker thread loads (AnalyticsPool): piscina calls its default export
 * with one task and posts back the result.
 *
 * The thread first lowers its own scheduling priority (`nice`, ANALYTICS_WORKER_NICE): on Linux a
 * thread's nice value is its own, so the service's event loop and the database keep the CPU they
 * need for light requests while a long computation runs, and the computation takes what is left.
 */
const { nice } = (workerData ?? {}) as { nice?: number };
if (nice) {
  try {
    os.setPriority(Math.min(19, os.getPriority() + nice));
  } catch {
    // not permitted here (a sandbox): the computation runs at the service's priority
  }
}

export default runAnalyticsTask;
