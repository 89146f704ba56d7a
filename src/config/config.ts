import path from 'node:path';
import { z } from 'zod';
import { HARDENING_ENV, hardeningConfig, type HardeningConfig } from './hardening-config';
import { SUBSCRIPTIONS_ENV, subscriptionsConfig, type SubscriptionsConfig } from './subscriptions-config';
import { DOCUMENTS_ENV, documentsConfig, type DocumentsConfig } from './documents-config';
import { AUTH_ENV, authConfig, authEnvProblem, piiSalt, type AuthConfig } from './auth-config';
import { CURSOR_ENV, cursorSecret } from './cursor-config';
import { NEO4J_MEMORY_ENV, neo4jMemoryConfig, type Neo4jMemoryConfig } from './neo4j-memory-config';
import { ANALYTICS_ENV, analyticsConfig, type AnalyticsConfig } from './analytics-config';
import { METRICS_ENV, metricsConfig, type MetricsConfig } from './metrics-config';
import { EXECUTION_ENV, executionConfig, type ExecutionConfig } from './execution-config';
import { credentialUrl, integer, isUrl, milliseconds, secret, shownValue } from './env-schemas';

/**
 * The service's configuration, read from the environment once at start. Nothing else in the code
 * reads `process.env`: a bad variable fails fast here with one line naming it.
 */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the service keeps local state (the embedded Neo4j's store). */
  readonly dataDir: string;
  readonly neo4j: Neo4jConfig;
  /** Seed the scale-1 graph when the database holds no Source yet. */
  readonly seedOnStart: boolean;
  /** How long shutdown waits for in-flight requests before closing them. */
  readonly shutdownTimeoutMs: number;
  /** Abuse limits, timeouts and production-mode switches (see hardening-config.ts). */
  readonly hardening: HardeningConfig;
  /** Bearer tokens and anonymous access (see auth-config.ts). */
  readonly auth: AuthConfig;
  /** Secret salt of stored ID-number hashes (PII_HASH_SALT); must be the same for every process. */
  readonly piiSalt: string;
  /** Encrypts and authenticates page cursors (CURSOR_SECRET, else derived from PII_HASH_SALT). */
  readonly cursorSecret: string;
  /** Who may read /metrics, and the bound on its operation-name label (see metrics-config.ts). */
  readonly metrics: MetricsConfig;
  /** GraphQL subscriptions over WebSocket: delivery delay and limits (see subscriptions-config.ts). */
  readonly subscriptions: SubscriptionsConfig;
  /** Trusted documents (TRUSTED_DOCUMENTS, see documents-config.ts). */
  readonly documents: DocumentsConfig;
  /** The analytics worker pool, result cache and network bounds (see analytics-config.ts). */
  readonly analytics: AnalyticsConfig;
  /** The plan cache and plan checks of the read engine (see execution-config.ts). */
  readonly execution: ExecutionConfig;
}

export type Neo4jConfig =
  | {
      readonly mode: 'external';
      readonly uri: string;
      readonly user: string;
      readonly password: string;
      readonly database: string;
    }
  | {
      readonly mode: 'embedded';
      /** Bolt port of the embedded Neo4j on 127.0.0.1. */
      readonly boltPort: number;
      readonly storeDir: string;
      readonly database: string;
      /** Heap and page cache overrides (NEO4J_HEAP_SIZE, NEO4J_PAGECACHE_SIZE); unset: sized from the machine. */
      readonly memory: Neo4jMemoryConfig;
    };

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

const port = (what: string) => integer(1, 65_535, `expected ${what} as an integer 1–65535`);

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port('the HTTP port').default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BANGFU_DATA_DIR: z.string().min(1).default('.data'),
  NEO4J_URI: credentialUrl(
    z.string().refine(
      (u) => {
        const m = /^([a-z0-9+]+):\/\/[^/\s]+/.exec(u);
        return m !== null && NEO4J_SCHEMES.includes(m[1]) && isUrl(u);
      },
      `expected a Neo4j URI such as neo4j://host:7687 or bolt://host:7687 (schemes: ${NEO4J_SCHEMES.join(', ')})`,
    ),
  ).optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: secret(z.string()).default(''),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'expected a Neo4j database name such as neo4j')
    .default('neo4j'),
  NEO4J_EMBEDDED_PORT: port('the embedded Neo4j Bolt port').default(7687),
  SEED_ON_START: bool.default(true),
  // 0: in-flight requests are closed at once instead of waited for.
  SHUTDOWN_TIMEOUT_MS: milliseconds(0).default(10_000),
  ...HARDENING_ENV,
  ...AUTH_ENV,
  ...CURSOR_ENV,
  ...METRICS_ENV,
  ...SUBSCRIPTIONS_ENV,
  ...DOCUMENTS_ENV,
  ...ANALYTICS_ENV,
  ...NEO4J_MEMORY_ENV,
  ...EXECUTION_ENV,
});

/**
 * Every environment variable the service reads, with its schema. A secret or a URL that may carry
 * credentials is declared so on its schema (env-schemas.ts), and no error message shows its value.
 */
export const ENV_SCHEMA = schema;

/** Thrown for a bad environment; its message is the one line to print. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]) as keyof typeof schema.shape;
    const value = shownValue(name, env[name] ?? '', schema.shape[name]);
    throw new ConfigError(`invalid environment variable ${value}: ${issue.message}`);
  }
  const e = parsed.data;
  const authProblem = authEnvProblem(e, e.NODE_ENV);
  if (authProblem) throw new ConfigError(authProblem);
  const dataDir = path.resolve(cwd, e.BANGFU_DATA_DIR);
  const neo4j: Neo4jConfig = e.NEO4J_URI
    ? {
        mode: 'external',
        uri: e.NEO4J_URI,
        user: e.NEO4J_USER,
        password: e.NEO4J_PASSWORD,
        database: e.NEO4J_DATABASE,
      }
    : {
        mode: 'embedded',
        boltPort: e.NEO4J_EMBEDDED_PORT,
        storeDir: path.join(dataDir, 'neo4j'),
        database: 'neo4j',
        memory: neo4jMemoryConfig(e),
      };
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dataDir,
    neo4j: Object.freeze(neo4j),
    seedOnStart: e.SEED_ON_START,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    hardening: hardeningConfig(e, e.NODE_ENV),
    auth: authConfig(e, e.NODE_ENV),
    piiSalt: piiSalt(e),
    cursorSecret: cursorSecret(e),
    metrics: metricsConfig(e),
    subscriptions: subscriptionsConfig(e),
    documents: documentsConfig(e, cwd),
    analytics: analyticsConfig(e),
    execution: executionConfig(e, e.NODE_ENV),
  });
}
