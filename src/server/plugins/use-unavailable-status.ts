import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../graphql/context';

/** Seconds a client is asked to wait when the graph database is down. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * When an operation produced no data because the graph database is unavailable (every error is
 * SERVICE_UNAVAILABLE), answer HTTP 503 with `Retry-After`, so load balancers and clients back
 * off. Partial results and every other error keep Apollo's status.
 */
export function useUnavailableStatus(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data != null || !errors?.length) return;
          if (!errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_S));
        },
      };
    },
  };
}
