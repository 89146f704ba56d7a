import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '../../graphql/context';
import { isClientError } from '../format-error';
import type { Metrics } from '../metrics';

/**
 * Counts operations by name and outcome, and logs each failed operation's errors — including
 * what formatError masks from the client — under the request id.
 */
export function useObservability(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, operation, errors, response }) {
          const failed =
            (errors?.length ?? 0) > 0 ||
            (response.body.kind === 'single' && !!response.body.singleResult.errors);
          metrics.operations.inc({
            operation: metrics.operationLabel.of(operationName),
            type: operation?.operation ?? 'unknown',
            outcome: failed ? 'error' : 'ok',
          });
          for (const err of errors ?? []) {
            const original = unwrapResolverError(err);
            const expected = isClientError(err);
            contextValue.log[expected ? 'info' : 'error'](
              { err: original, path: err.path, operationName, cypherQueries: contextValue.queryCount() },
              `graphql error: ${err.message}`,
            );
          }
        },
      };
    },
  };
}
