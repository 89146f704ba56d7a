import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { Context as WsContext } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { HardeningConfig } from '../config/hardening-config';
import type { SubscriptionsConfig } from '../config/subscriptions-config';
import { ANONYMOUS, type Viewer } from '../domain/access-policy';
import { AppError } from '../domain/errors';
import type { Context, ServiceInfo } from '../graphql/context';
import type { CursorCodec } from '../graphql/cursors';
import type { AnalyticsEngine } from '../store/analytics/analytics-engine';
import { Loaders } from '../graphql/loaders';
import type { Gateway } from '../store/gateway';
import { LedgerFeed } from '../store/ledger/ledger-feed';
import { createFormatError } from './format-error';
import { fanOutEstimator } from './plugins/use-query-cost';
import { queryLimitRules, queryParseOptions, tokenLimitError, tooComplex } from './query-limits';
import type { Authenticator } from './token';
import { sha256, untrusted, type TrustedDocuments } from './trusted-documents';

export interface SubscriptionDeps {
  httpServer: http.Server;
  schema: GraphQLSchema;
  gateway: Gateway;
  auth: Authenticator;
  log: Logger;
  service: ServiceInfo;
  piiSalt: string;
  hardening: HardeningConfig;
  config: SubscriptionsConfig;
  /** Run only these documents (TRUSTED_DOCUMENTS=on); null: any. */
  trusted: TrustedDocuments | null;
  /** Seals page cursors, as for HTTP requests (one codec per process). */
  cursors: CursorCodec;
  /** Network measures' worker pool and cache, shared with HTTP requests. */
  analytics: AnalyticsEngine;
}

/** What graphql-ws keeps per connection, besides the socket. */
type ConnectionState = {
  viewer?: Viewer;
  /** The key this connection is counted under in the per-caller limit. */
  caller?: string;
};

type Ws = WsContext<Record<string, unknown> | undefined, Extra & Partial<ConnectionState>>;

/** Close code when a caller already holds WS_MAX_CONNECTIONS_PER_CALLER connections. */
export const TOO_MANY_CONNECTIONS = 4429;

/**
 * GraphQL over WebSocket (`graphql-ws`, the graphql-transport-ws protocol) on the HTTP server's
 * /graphql path. A connection authenticates once, by the token in `connection_init`'s payload
 * (`authorization: "Bearer …"`); a bad token, or none when anonymous reads are off, closes it
 * with 4403 Forbidden. Each operation then runs with a context built like an HTTP request's — the
 * viewer, fresh loaders, the store — so the same resolvers and masks apply. The same document
 * limits as HTTP hold (tokens, depth, aliases, directives, cost, introspection in production).
 *
 * The returned plugin closes every socket with 1001 (going away) when Apollo Server drains, and
 * stops the ledger feed.
 */
export function attachSubscriptions(d: SubscriptionDeps): { plugin: ApolloServerPlugin<Context> } {
  const { hardening: h, config: c } = d;
  const feed = new LedgerFeed(d.gateway, {
    pollMs: c.ledgerPollMs,
    onError: (e) => d.log.warn({ err: e }, 'reading the ledger failed; retrying at the next tick'),
  });
  const formatError = createFormatError({ fieldSuggestions: h.fieldSuggestions });
  const rules = [
    ...specifiedRules,
    ...queryLimitRules(h),
    ...(h.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const perCaller = new Map<string, number>();
  const wss = new WebSocketServer({ server: d.httpServer, path: '/graphql', maxPayload: h.maxBodyBytes });

  const server = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      onConnect: async (ctx: Ws) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        let viewer: Viewer;
        try {
          viewer = await d.auth.authenticate(typeof header === 'string' ? header : undefined);
        } catch {
          return false;
        }
        if (viewer.anonymous && !d.auth.anonymousRead) return false;
        const caller = viewer.anonymous
          ? `ip:${ctx.extra.request.socket.remoteAddress ?? ''}`
          : `sub:${viewer.subject}`;
        const open = perCaller.get(caller) ?? 0;
        if (open >= c.maxConnectionsPerCaller) {
          ctx.extra.socket.close(TOO_MANY_CONNECTIONS, 'too many connections for this caller');
          return false;
        }
        perCaller.set(caller, open + 1);
        Object.assign(ctx.extra, { viewer, caller });
        return true;
      },
      onClose: (ctx: Ws) => {
        const caller = ctx.extra.caller;
        if (caller === undefined) return;
        const left = (perCaller.get(caller) ?? 1) - 1;
        if (left > 0) perCaller.set(caller, left);
        else perCaller.delete(caller);
      },
      onSubscribe: (ctx: Ws, _id, payload) => {
        // graphql-ws registers this operation before calling onSubscribe: it is counted here.
        if (Object.keys(ctx.subscriptions).length > c.maxSubscriptionsPerConnection) {
          return [
            coded(
              new AppError(
                'RATE_LIMITED',
                `a connection may hold ${c.maxSubscriptionsPerConnection} subscriptions; complete one first`,
                { limit: 'subscriptionsPerConnection', max: c.maxSubscriptionsPerConnection },
              ),
            ),
          ];
        }
        if (d.trusted && !d.trusted.has(sha256(payload.query))) return [untrusted()];
        let document: DocumentNode;
        try {
          document = parse(payload.query, queryParseOptions(h));
        } catch (e) {
          const tooLong = e instanceof GraphQLError ? tokenLimitError(e.message) : undefined;
          return [tooLong ? coded(tooLong) : (e as GraphQLError)];
        }
        const args: ExecutionArgs = {
          schema: d.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: contextOf(d, feed, ctx.extra.viewer ?? ANONYMOUS),
        };
        const invalid = validate(d.schema, document, rules);
        if (invalid.length) return invalid;
        // Queries and mutations go over HTTP, where rate limits and idempotency headers apply.
        const op = getOperationAST(document, payload.operationName);
        if (op && op.operation !== 'subscription')
          return [
            coded(
              new AppError(
                'BAD_USER_INPUT',
                `send ${op.operation}s over HTTP; the WebSocket carries subscriptions`,
              ),
            ),
          ];
        const cost = costOf(args);
        if (cost > h.maxCost) {
          const message = `the operation's estimated cost ${cost} exceeds the limit of ${h.maxCost}`;
          return [coded(tooComplex(message, 'cost', h.maxCost, { found: cost }))];
        }
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : result,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wss,
    c.keepAliveMs,
  );

  return {
    plugin: {
      async serverWillStart() {
        return {
          async drainServer() {
            feed.close();
            await server.dispose();
          },
        };
      },
    },
  };
}

/** An error that carries its AppError, so formatError passes its code and message on. */
const coded = (e: AppError) => new GraphQLError(e.message, { originalError: e });

/** The estimated cost of one event's selection (the fan-out estimator of HTTP requests). */
function costOf(a: ExecutionArgs): number {
  try {
    return getComplexity({
      schema: a.schema,
      query: a.document,
      variables: (a.variableValues as Record<string, unknown> | undefined) ?? {},
      operationName: a.operationName ?? undefined,
      estimators: [fanOutEstimator],
    });
  } catch {
    return Infinity;
  }
}

/**
 * One operation's context, built like an HTTP request's: the connection's viewer, the store, and
 * loaders (renewed before each event by the subscription resolvers). Each Cypher transaction gets
 * the request timeout; a subscription has no overall deadline.
 */
function contextOf(d: SubscriptionDeps, feed: LedgerFeed, viewer: Viewer): Context {
  let count = 0;
  const gateway = d.gateway.withObserver(
    { onQuery: () => void count++ },
    { timeoutMs: d.hardening.requestTimeoutMs },
  );
  return {
    requestId: `ws:${randomUUID()}`,
    log: d.log,
    gateway,
    loaders: new Loaders(gateway),
    cursors: d.cursors,
    queryCount: () => count,
    service: d.service,
    analytics: d.analytics,
    access: { viewer, idempotencyKey: null, piiSalt: d.piiSalt },
    ledger: feed,
  };
}
