import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import type { Context, ServiceInfo } from '../graphql/context';
import { CursorCodec } from '../graphql/cursors';
import { Loaders } from '../graphql/loaders';
import { executableSchema } from '../graphql/schema';
import { directExecutor, planCacheOf } from '../graphql/execution';
import { defaultExecutionConfig, type ExecutionConfig } from '../config/execution-config';
import type { Gateway } from '../store/gateway';
import { DEV_PII_SALT } from '../config/auth-config';
import { cursorSecret } from '../config/cursor-config';
import { ANONYMOUS } from '../domain/access-policy';
import {
  authMiddleware,
  createAuthenticator,
  refuseUnauthenticated,
  type AuthenticatedRequest,
  type Authenticator,
} from './auth';
import { defaultMetricsConfig, type MetricsConfig } from '../config/metrics-config';
import { allowedMethods } from './allowed-methods';
import { httpMetrics } from './http-metrics';
import { metricsAccess } from './metrics-access';
import { DatabaseBreaker } from './plugins/use-circuit-breaker';
import { readiness } from './readiness';
import { requestIdOnly, requestLogging } from './request-logging';
import { defaultHardening, type HardeningConfig } from '../config/hardening-config';
import { requestDeadline } from './deadline';
import { apolloHardening, corsPolicy } from './hardening';
import { batchLimit, bodyErrors } from './limits';
import { graphqlPost } from './graphql-post';
import type { Metrics } from './metrics';
import { staticPages } from './static-pages';
import { useObservability } from './plugins/use-observability';
import { createRateLimiter } from './rate-limit';
import { attachSubscriptions } from './subscriptions';
import { clientFiles } from './client-files';
import { useTrustedDocuments, type TrustedDocuments } from './trusted-documents';
import { defaultSubscriptions, type SubscriptionsConfig } from '../config/subscriptions-config';
import { analyticsConfig } from '../config/analytics-config';
import { AnalyticsEngine } from '../store/analytics/analytics-engine';
import { layerOn, type ServiceLayer } from './service-layers';

export interface HttpServiceDeps {
  gateway: Gateway;
  metrics: Metrics;
  log: Logger;
  service: ServiceInfo;
  /** How long `close()` lets in-flight requests finish before cutting connections. */
  shutdownTimeoutMs: number;
  /** Verifies bearer tokens; default: accepts no tokens, anonymous reads allowed. */
  auth?: Authenticator;
  /** Salt of stored ID-number hashes (config.piiSalt); default: the development salt. */
  piiSalt?: string;
  /** Seals page cursors (config.cursorSecret); default: derived from the salt above. */
  cursorSecret?: string;
  /** Abuse limits, timeouts, production switches (config.hardening); default: the documented defaults. */
  hardening?: HardeningConfig;
  /** Who may read /metrics (config.metrics); default: open. */
  metricsConfig?: MetricsConfig;
  /** GraphQL subscriptions over WebSocket (config.subscriptions); default: the documented defaults. */
  subscriptions?: SubscriptionsConfig;
  /** Run only these documents (TRUSTED_DOCUMENTS=on); default null: any document within the limits. */
  trustedDocuments?: TrustedDocuments | null;
  /** Network measures' worker pool and cache (config.analytics); default: the documented defaults. Closed with the service. */
  analytics?: AnalyticsEngine;
  /** The read engine's plan cache size, plan checks and executor (config.execution); default: 500 plans, checks on, direct. */
  execution?: ExecutionConfig;
  /** Benchmarks only (bench/middleware-cost.ts): layers left out to measure their cost. */
  without?: ReadonlySet<ServiceLayer>;
  /** Tests and benchmarks only: POST /graphql through Express's router too (graphql-post.ts). */
  expressOnly?: boolean;
  /** Benchmarks only (bench/graphql-jit.ts): executes operations instead of graphql-js. */
  executor?: (schema: GraphQLSchema) => GatewayExecutor;
}

type Gateway_ = ApolloServerOptionsWithGateway<Context>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway_['load']>>['executor']>;

/** Apollo's one hook for another executor: a "gateway" whose schema never changes. */
function staticGateway(schema: GraphQLSchema, executor: GatewayExecutor): Gateway_ {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor }),
    stop: () => Promise.resolve(),
  };
}

export interface HttpService {
  readonly httpServer: http.Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, lets in-flight requests finish (up to the timeout), then resolves. */
  close(): Promise<void>;
}

/**
 * The HTTP face of the service: Apollo Server at /graphql plus health, readiness and metrics.
 * The GraphQL core never sees Express objects beyond building the per-request context.
 */
export async function createHttpService(deps: HttpServiceDeps): Promise<HttpService> {
  const { gateway, metrics, log, without } = deps;
  const on = (layer: ServiceLayer) => layerOn(without, layer);
  const auth =
    deps.auth ??
    createAuthenticator({
      jwtSecret: null,
      jwksUrl: null,
      issuer: null,
      audience: null,
      anonymousRead: true,
    });
  const h = deps.hardening ?? defaultHardening();
  const app = express();
  let post: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | null = null;
  // Slow clients (slowloris) are cut off; Node checks these timeouts every checking interval.
  const httpServer = http.createServer(
    { connectionsCheckingInterval: Math.min(1_000, h.httpHeadersTimeoutMs) },
    (req, res) => {
      if (!post?.(req, res)) void app(req as express.Request, res as express.Response);
    },
  );
  httpServer.headersTimeout = h.httpHeadersTimeoutMs;
  httpServer.requestTimeout = h.httpRequestTimeoutMs;
  // One breaker for GraphQL operations and /readyz, so the two never disagree.
  const breaker = new DatabaseBreaker();
  const hardened = apolloHardening(h, breaker, without);
  const cursors = new CursorCodec(deps.cursorSecret ?? cursorSecret({ PII_HASH_SALT: deps.piiSalt }));
  const execution = deps.execution ?? defaultExecutionConfig();
  const schema = executableSchema(execution);
  metrics.observePlanCache(planCacheOf(schema));
  const analytics = deps.analytics ?? new AnalyticsEngine(analyticsConfig());
  const subscriptions = attachSubscriptions({
    httpServer,
    schema,
    gateway,
    auth,
    log,
    service: deps.service,
    piiSalt: deps.piiSalt ?? DEV_PII_SALT,
    hardening: h,
    config: deps.subscriptions ?? defaultSubscriptions(),
    trusted: deps.trustedDocuments ?? null,
    cursors,
    analytics,
  });

  const direct = execution.executor === 'direct' ? directExecutor(schema) : null;
  if (direct) metrics.observeExecutor(direct.counts);
  const executor = deps.executor?.(schema) ?? direct;
  const apollo = new ApolloServer<Context>({
    ...(executor ? { gateway: staticGateway(schema, executor) } : { schema }),
    ...hardened.options,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: deps.shutdownTimeoutMs }),
      subscriptions.plugin,
      ...(deps.trustedDocuments ? [useTrustedDocuments(deps.trustedDocuments)] : []),
      ...(on('operationMetrics') ? [useObservability(metrics)] : []),
      ...hardened.plugins,
      // Apollo's landing page loads Sandbox from a CDN; browsers get /playground instead.
      ApolloServerPluginLandingPageDisabled(),
      // the schema declares no @cacheControl hints; the default plugin would still time every field
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // No ETag on what Express sends (GraphQL answers): it hashed every body (sha1, ~100 µs for a
  // 60 KB page) for a validator no client of a POST can use. Static files keep theirs (serve-static).
  app.set('etag', false);
  if (h.trustProxyHops > 0) app.set('trust proxy', h.trustProxyHops);
  // The handlers of POST /graphql in Express's order; graphqlPost runs the same ones (neither the
  // methods check nor the page routers between them answer a POST /graphql).
  const front: express.RequestHandler[] = [
    on('requestLogging') ? requestLogging(log) : requestIdOnly(log),
    ...(on('httpMetrics') ? [httpMetrics(metrics)] : []),
  ];
  const cors = on('cors') ? [corsPolicy(h)] : [];
  const methods = on('allowedMethods') ? [allowedMethods()] : [];
  const checks = [
    batchLimit(h.maxBatchOperations),
    authMiddleware(auth),
    // After auth, so a verified subject has its own bucket; before the 401, so refused
    // credentials count against the caller's address.
    createRateLimiter(on('rateLimit') ? h : { ...h, rateLimitMax: 0 }),
    refuseUnauthenticated(),
  ];
  const onError = bodyErrors(h);
  const context = (req: express.Request): Promise<Context> => {
    let count = 0;
    const counted = gateway.withObserver(
      { onQuery: () => void count++ },
      on('deadline') ? requestDeadline(h.requestTimeoutMs) : {},
    );
    return Promise.resolve({
      requestId: String(req.id),
      log: req.log,
      gateway: counted,
      loaders: new Loaders(counted),
      cursors,
      queryCount: () => count,
      service: deps.service,
      analytics,
      access: {
        viewer: (req as AuthenticatedRequest).viewer ?? ANONYMOUS,
        idempotencyKey: header(req, 'idempotency-key'),
        piiSalt: deps.piiSalt ?? DEV_PII_SALT,
      },
    });
  };

  app.use(...front);
  // CORS before any router that could answer the browser's preflight (OPTIONS) for /graphql.
  if (cors.length) app.use('/graphql', ...cors);
  if (methods.length) app.use(...methods);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await readiness(breaker, () => databaseAnswers(gateway, 2_500));
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', neo4j: ok ? 'up' : 'down' });
  });
  app.get(
    '/metrics',
    metricsAccess((deps.metricsConfig ?? defaultMetricsConfig()).token),
    async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
  if (on('staticRoutes')) app.use(staticPages(), clientFiles());
  app.use(
    '/graphql',
    express.json({ limit: h.maxBodyBytes }),
    ...checks,
    expressMiddleware(apollo, { context: ({ req }) => context(req) }),
    onError,
  );
  if (deps.expressOnly !== true) {
    post = graphqlPost({
      app,
      maxBodyBytes: h.maxBodyBytes,
      front: [...front, ...cors],
      checks,
      onError,
      apollo,
      context,
    });
  }

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      }),
    close: async () => {
      await apollo.stop();
      await analytics.close();
    },
  };
}

/** A request header's value (Node joins repeated ones), or null. */
function header(req: http.IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === 'string' ? v : null;
}

/** True when Neo4j answers a trivial read within `ms`. */
async function databaseAnswers(gateway: Gateway, ms: number): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(resolve, ms, false).unref());
  const probe = gateway
    .read('readyz', 'RETURN 1 AS ok', {}, { timeoutMs: ms })
    .then(() => true)
    .catch(() => false);
  return Promise.race([probe, timeout]);
}
