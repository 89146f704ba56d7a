import type { RunOptions } from '../store/gateway';

/**
 * Run options for one request's gateway view: a deadline `ms` from now. Every Cypher
 * transaction of the request gets the time left as its Neo4j transaction timeout, and once the
 * deadline has passed no further statement is sent (TIMEOUT). A statement already running is
 * ended by Neo4j when its timeout expires (its transaction monitor checks about once a second).
 * The driver's experimental AbortSignal cancellation is deliberately not used: under load a
 * reset racing with the next statement on the same pooled connection left that connection in a
 * state the next request failed on ("PullMessage cannot be handled by a session in the READY
 * state"), found by the fuzz test.
 */
export function requestDeadline(ms: number, now: () => number = Date.now): RunOptions {
  return { deadline: now() + ms };
}
