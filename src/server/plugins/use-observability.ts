import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '../../graphql/context';
import { isClientError } from '../format-error';
import type { Metrics } from '../metrics';

/**
 * Counts operations by name and outcome, and logs each failed operation's errors — including
 * what formatError masks from the client — under the request id. Logs never hold what a client
 * sent: graphql-js repeats a variable's value in its coercion errors ("got invalid value {…}"),
 * which may be a household's name or ID number, so those are logged without it.
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
            const meta = { path: err.path, operationName, cypherQueries: contextValue.queryCount() };
            if (isClientError(err)) {
              // the client's mistake: its code and a message without the values it sent
              const code = String(err.extensions.code ?? 'BAD_USER_INPUT');
              contextValue.log.info({ ...meta, code }, `graphql error: ${withoutInputValues(err.message)}`);
            } else {
              contextValue.log.error(
                { ...meta, err: unwrapResolverError(err) },
                `graphql error: ${err.message}`,
              );
            }
          }
        },
      };
    },
  };
}

/** graphql-js's "Variable "$x" got invalid value …" without the value, keeping the variable and path. */
export function withoutInputValues(message: string): string {
  const m = /^Variable "\$([^"]+)" got invalid value /.exec(message);
  if (!m) return message;
  const at = new RegExp(` at "${m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^"]*"; `).exec(message);
  return `Variable "$${m[1]}" got an invalid value${at ? ` at ${at[0].slice(4, -2)}` : ''} (value not logged)`;
}
