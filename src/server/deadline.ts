import { setMaxListeners } from 'node:events';
import type { RunOptions } from '../store/gateway';

/**
 * Run options for one request's gateway view, enforcing a deadline twice:
 * - `signal` aborts at the deadline: the driver resets a statement still running (Neo4j
 *   terminates it and the connection goes back to the pool) and the call fails with TIMEOUT;
 *   statements not yet started are not sent.
 * - `timeoutMs` gives every transaction the time left as its Neo4j transaction timeout (at least
 *   1 ms: Neo4j reads 0 as "no timeout"), so the server ends it even if this process cannot
 *   (Neo4j's transaction monitor checks about once a second).
 * `AbortSignal.timeout` uses an unreferenced timer that needs no clean-up when the request ends.
 */
export function requestDeadline(ms: number, now: () => number = () => performance.now()): RunOptions {
  const end = now() + ms;
  const signal = AbortSignal.timeout(ms);
  // Each statement in flight listens (and stops listening when it ends); a request may run many.
  setMaxListeners(0, signal);
  return {
    signal,
    get timeoutMs() {
      return Math.max(1, Math.ceil(end - now()));
    },
  };
}
