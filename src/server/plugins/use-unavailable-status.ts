import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../graphql/context';

/** Seconds a client is asked to wait when the graph database is down. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/** Codes that mean "the service cannot do this now; the same request later may succeed". */
const RETRYABLE: ReadonlySet<unknown> = new Set(['SERVICE_UNAVAILABLE', 'ANALYTICS_BUSY']);

/**
 * When an operation produced no data (none, or every root field null) because the service is
 * temporarily unable to answer (every error is SERVICE_UNAVAILABLE — the graph database is down —
 * or ANALYTICS_BUSY — every analytics worker and queue slot is taken), answer HTTP 503 with
 * `Retry-After`, so load balancers and clients back off: the longest `retryAfterSeconds` the errors give, else
 * UNAVAILABLE_RETRY_AFTER_S. Partial results and every other error keep Apollo's status.
 */
export function useUnavailableStatus(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // no data: none at all, or every root field null (mutation fields are nullable)
          if (data != null && Object.values(data).some((v) => v != null)) return;
          if (!errors?.length) return;
          if (!errors.every((e) => RETRYABLE.has(e.extensions?.code))) return;
          const hints = errors
            .map((e) => e.extensions?.retryAfterSeconds)
            .filter((s): s is number => typeof s === 'number');
          response.http.status = 503;
          response.http.headers.set(
            'retry-after',
            String(hints.length ? Math.max(...hints) : UNAVAILABLE_RETRY_AFTER_S),
          );
        },
      };
    },
  };
}
