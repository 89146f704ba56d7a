import type { Logger } from 'pino';
import type { Metrics } from './metrics';

/**
 * The service process logs and counts a promise rejection that nothing handles, and goes on
 * serving, where Node would end the process.
 *
 * graphql-js 16 can leave such rejections behind. `completeListValue` stops at the first list
 * item that fails synchronously and drops the promises of the items before it. One anonymous
 * search whose hits mix types did this (a nested page failing late under one hit, bad page
 * arguments failing at once under the next), and it ended the service. Our relationship resolvers
 * now fail only by rejections (graphql/resolve.ts `settled`), so that search answers with its
 * error and leaves nothing behind (test/integration/process.int.test.ts); a synchronous failure
 * graphql-js raises itself (a null for a non-null field, a value a scalar cannot serialize) could
 * still do it. By then the request has its answer, so there is nothing left to handle. graphql 17
 * fixes the list, but it needs Node 22.
 *
 * Rejections from anywhere else are logged and counted the same way
 * (`bangfu_unhandled_rejections_total` on /metrics), so an operator can alert on them.
 */
export function keepServingOnUnhandledRejections(log: Logger, metrics: Metrics): void {
  process.on('unhandledRejection', (reason) => {
    metrics.unhandledRejections.inc();
    log.error({ err: reason }, 'unhandled promise rejection: logged and counted, the service goes on');
  });
}
