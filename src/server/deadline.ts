import type { RunOptions } from '../store/gateway';

/**
 * Run options for one request's gateway view: a deadline `ms` from now. Every Cypher
 * transaction of the request gets the time left as its Neo4j transaction timeout, and once the
 * deadline has passed no further statement is sent (TIMEOUT). A read still running at the
 * deadline is answered TIMEOUT at once and terminated by the gateway from another connection
 * (Gateway.beforeDeadline): Neo4j's own timeout is checked only about once a second and not at
 * all while a statement is planned, which let a large filter run 7 s past the deadline.
 * The driver's experimental AbortSignal cancellation is deliberately not used: under load a
 * reset racing with the next statement on the same pooled connection left that connection in a
 * state the next request failed on ("PullMessage cannot be handled by a session in the READY
 * state"), found by the fuzz test.
 */
export function requestDeadline(ms: number, now: () => number = Date.now): RunOptions {
  return { deadline: now() + ms };
}
