import { z } from 'zod';
import { integer, milliseconds } from './env-schemas';

/**
 * GraphQL subscriptions over WebSocket (`graphql-ws` on /graphql). Read by `loadConfig`; defaults
 * are documented in `.env.example` and docs/api.md.
 */
export interface SubscriptionsConfig {
  /**
   * The delivery delay: how often each instance reads new entries of the audit log. An event
   * reaches its subscribers at most this long (plus one read) after its transaction committed.
   */
  readonly ledgerPollMs: number;
  /** Most active subscriptions on one WebSocket connection; more are refused (RATE_LIMITED). */
  readonly maxSubscriptionsPerConnection: number;
  /** Most open connections of one caller (token subject, else client IP) per instance. */
  readonly maxConnectionsPerCaller: number;
  /** Interval of WebSocket pings; a client that has not answered the last one is disconnected. */
  readonly keepAliveMs: number;
}

const count = () => integer(1, Number.MAX_SAFE_INTEGER, 'expected a count as an integer ≥ 1');

/** The environment variables of this module, merged into the schema of `loadConfig`. */
export const SUBSCRIPTIONS_ENV = {
  LEDGER_POLL_MS: milliseconds(50).default(1_000),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: count().default(20),
  WS_MAX_CONNECTIONS_PER_CALLER: count().default(10),
  WS_KEEPALIVE_MS: milliseconds(1_000).default(12_000),
};

type SubscriptionsEnv = z.output<ReturnType<typeof z.object<typeof SUBSCRIPTIONS_ENV>>>;

/** Builds the subscription settings from validated variables. */
export function subscriptionsConfig(e: SubscriptionsEnv): SubscriptionsConfig {
  return Object.freeze({
    ledgerPollMs: e.LEDGER_POLL_MS,
    maxSubscriptionsPerConnection: e.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxConnectionsPerCaller: e.WS_MAX_CONNECTIONS_PER_CALLER,
    keepAliveMs: e.WS_KEEPALIVE_MS,
  });
}

/** The defaults, for services built without a loaded Config (tests). */
export function defaultSubscriptions(): SubscriptionsConfig {
  return subscriptionsConfig(z.object(SUBSCRIPTIONS_ENV).parse({}));
}
