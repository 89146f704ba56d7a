import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AppError } from '../../domain/errors';
import type { Context } from '../../graphql/context';
import { UNAVAILABLE_RETRY_AFTER_S } from './use-unavailable-status';

/**
 * Fails fast while the graph database is down. Without it every request of an outage waits for
 * the driver (connection attempts and up to 3 s of retries) before it learns what the previous
 * request already knew. States: closed (everything passes); open for `cooldownMs` after an
 * operation failed with SERVICE_UNAVAILABLE (everything is refused at once, no Cypher); then
 * half-open: ONE operation goes through as a probe while the others are still refused; a probe
 * or any other operation that reaches Neo4j without SERVICE_UNAVAILABLE closes it again.
 * State is per process, like the driver's connection pool it protects.
 */
const PROBE_TIMEOUT_MS = 30_000;

export class DatabaseBreaker {
  private openUntil = 0;
  /** While a probe runs, until when (a probe whose response never came is forgotten then). */
  private probingUntil = 0;

  constructor(
    readonly cooldownMs = 1_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get isOpen(): boolean {
    return this.openUntil !== 0;
  }

  /** Whether an operation may run: as usual, as the one probe, or not at all. */
  admit(): 'pass' | 'probe' | 'reject' {
    if (this.openUntil === 0) return 'pass';
    const now = this.now();
    if (now < this.openUntil || now < this.probingUntil) return 'reject';
    this.probingUntil = now + PROBE_TIMEOUT_MS;
    return 'probe';
  }

  /** Records how an admitted operation ended. */
  record(role: 'pass' | 'probe', outcome: 'unavailable' | 'reached' | 'untested'): void {
    if (role === 'probe') this.probingUntil = 0;
    if (outcome === 'unavailable') this.openUntil = this.now() + this.cooldownMs;
    else if (outcome === 'reached') this.openUntil = 0;
  }
}

export function useCircuitBreaker(breaker: DatabaseBreaker): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let role: 'pass' | 'probe' | 'reject' | undefined;
      return {
        async didResolveOperation() {
          role = breaker.admit();
          if (role !== 'reject') return;
          const message = 'the graph database is unavailable; retry later';
          throw new GraphQLError(message, {
            extensions: {
              http: {
                status: 503,
                headers: new HeaderMap([['retry-after', String(UNAVAILABLE_RETRY_AFTER_S)]]),
              },
            },
            originalError: new AppError('SERVICE_UNAVAILABLE', message),
          });
        },
        async willSendResponse({ contextValue, response }) {
          if (role === undefined || role === 'reject') return;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const unavailable = errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE') ?? false;
          breaker.record(
            role,
            unavailable ? 'unavailable' : contextValue.queryCount() > 0 ? 'reached' : 'untested',
          );
        },
      };
    },
  };
}
