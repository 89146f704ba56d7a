import { defaultExecutionConfig, type ExecutionConfig } from '../../src/config/execution-config';
import pino, { type Logger } from 'pino';
import type { Driver } from 'neo4j-driver';
import { defaultHardening, type HardeningConfig } from '../../src/config/hardening-config';
import { createDriver, type DriverOptions } from '../../src/store/driver';
import { Gateway } from '../../src/store/gateway';
import { createHttpService, type HttpService } from '../../src/server/http-service';
import { Metrics } from '../../src/server/metrics';
import { createAuthenticator } from '../../src/server/auth';
import type { AuthConfig } from '../../src/config/auth-config';
import { TEST_AUTH } from './auth';
import { defaultMetricsConfig, type MetricsConfig } from '../../src/config/metrics-config';
import { defaultSubscriptions, type SubscriptionsConfig } from '../../src/config/subscriptions-config';
import { analyticsConfig, type AnalyticsConfig } from '../../src/config/analytics-config';
import { AnalyticsEngine } from '../../src/store/analytics/analytics-engine';

/** The Neo4j started by test/global-setup.ts. */
export function testDriver(o: Omit<DriverOptions, 'uri' | 'user' | 'password'> = {}): Driver {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri)
    throw new Error(
      'TEST_NEO4J_URI is unset: run integration tests through jest (global-setup starts Neo4j)',
    );
  return createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, ...o });
}

export interface TestServer {
  url: string;
  gateway: Gateway;
  metrics: Metrics;
  /** The service's analytics worker pool and result cache. */
  analytics: AnalyticsEngine;
  /** POSTs a GraphQL operation and returns the parsed body and HTTP status. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T; errors?: GqlError[] } }>;
  /** Cypher statements counted by the metrics counter so far. */
  cypherCount(): Promise<number>;
  close(): Promise<void>;
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [k: string]: unknown };
}

export interface TestServerOptions {
  /** Overrides of the documented defaults; rate limiting is off and the deadline 60 s unless given here. */
  hardening?: Partial<HardeningConfig>;
  /** Driver pool settings (e.g. a pool of 1 to prove a connection is given back). */
  driver?: Omit<DriverOptions, 'uri' | 'user' | 'password'>;
  /** Database name (default: the test database). */
  database?: string;
  /** Logger (default: silent, or TEST_LOG_LEVEL). */
  log?: Logger;
  /** Token verification (default: HS256 with TEST_JWT_SECRET, anonymous reads allowed; see ./auth). */
  auth?: Partial<AuthConfig>;
  /** /metrics access and the operation-label bound (default: open, first 100 names). */
  metrics?: Partial<MetricsConfig>;
  /** Subscription settings; the delivery delay defaults to 100 ms here, to keep tests short. */
  subscriptions?: Partial<SubscriptionsConfig>;
  /** Trusted-documents mode with this manifest (default off). */
  trustedDocuments?: ReadonlySet<string>;
  /** Analytics pool, cache and bounds (default: the documented defaults). */
  analytics?: Partial<AnalyticsConfig>;
  /** Plan cache, plan checks and executor (default: the documented defaults). */
  execution?: Partial<ExecutionConfig>;
  /** POST /graphql through Express's router too, not graphqlPost (default false). */
  expressOnly?: boolean;
}

/** The real HTTP service on an ephemeral port, over the test Neo4j. */
export async function startTestServer(o: TestServerOptions = {}): Promise<TestServer> {
  const driver = testDriver(o.driver);
  const metricsConfig = { ...defaultMetricsConfig(), ...o.metrics };
  const metrics = new Metrics({
    defaultMetrics: false,
    operationNames: metricsConfig.operationNames,
    maxOperationNames: metricsConfig.maxOperationNames,
  });
  const gateway = new Gateway(driver, o.database ?? process.env.TEST_NEO4J_DATABASE ?? 'neo4j', [metrics]);
  const analytics = new AnalyticsEngine({ ...analyticsConfig(), ...o.analytics });
  const http: HttpService = await createHttpService({
    analytics,
    gateway,
    metrics,
    log: o.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    service: { version: 'test', embedded: false },
    shutdownTimeoutMs: 1_000,
    // a generous deadline: a loaded machine (CI beside other work) is not what these tests measure
    hardening: { ...defaultHardening('test'), rateLimitMax: 0, requestTimeoutMs: 60_000, ...o.hardening },
    auth: createAuthenticator({ ...TEST_AUTH, ...o.auth }),
    piiSalt: 'test-pii-salt-of-the-integration-tests',
    metricsConfig,
    subscriptions: { ...defaultSubscriptions(), ledgerPollMs: 100, ...o.subscriptions },
    trustedDocuments: o.trustedDocuments ?? null,
    execution: { ...defaultExecutionConfig(), ...o.execution },
    expressOnly: o.expressOnly,
  });
  const addr = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${addr.port}`;
  return {
    url,
    gateway,
    metrics,
    analytics,
    async gql(query, variables, headers) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as { data?: never; errors?: GqlError[] } };
    },
    async cypherCount() {
      const m = await metrics.cypherQueries.get();
      return m.values.reduce((s, v) => s + v.value, 0);
    },
    async close() {
      await http.close();
      await driver.close();
    },
  };
}
