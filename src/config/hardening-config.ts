import { z } from 'zod';
import { FILTER_DEPTH_CEILING } from '../domain/filter-limits';
import { integer, milliseconds } from './env-schemas';

/**
 * Abuse limits, timeouts and production-mode switches. Read from the environment by
 * `loadConfig` together with the rest of the configuration; defaults are documented in
 * `.env.example` and docs/security.md.
 */
export interface HardeningConfig {
  /** Whole-request deadline; every Cypher transaction gets the time left as its Neo4j timeout. */
  readonly requestTimeoutMs: number;
  /** Node's `headersTimeout`: a client must send all headers within this time (slowloris). */
  readonly httpHeadersTimeoutMs: number;
  /** Node's `requestTimeout`: a client must send the whole request within this time. */
  readonly httpRequestTimeoutMs: number;
  /** Largest accepted POST body; larger bodies are refused (413) before they are read. */
  readonly maxBodyBytes: number;
  /** Most operations in one batched request; 0 turns batching off. */
  readonly maxBatchOperations: number;
  /** Deepest selection-set nesting (inline fragments do not count). */
  readonly maxDepth: number;
  /** Most aliases in one document. */
  readonly maxAliases: number;
  /** Most directives in one document. */
  readonly maxDirectives: number;
  /** Most lexical tokens in one document (checked while parsing). */
  readonly maxTokens: number;
  /** Deepest AND/OR/NOT nesting of one filter argument. */
  readonly maxFilterDepth: number;
  /** Most sub-filters (AND/OR items and NOT operands) in one filter argument. */
  readonly maxFilterBranches: number;
  /** Most values given to one list field of a filter (e.g. `level: [...]`). */
  readonly maxFilterListValues: number;
  /** Highest estimated cost: rows the operation may fetch, lists multiplied by their page size. */
  readonly maxCost: number;
  /** Requests per window and key (token subject or IP); 0 turns rate limiting off. */
  readonly rateLimitMax: number;
  readonly rateLimitWindowMs: number;
  /** Reverse proxies in front of the service whose X-Forwarded-For is believed (0: none). */
  readonly trustProxyHops: number;
  /** Whether `__schema`/`__type` queries are answered. */
  readonly introspection: boolean;
  /** Whether validation errors suggest field names ("Did you mean …?"). */
  readonly fieldSuggestions: boolean;
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only. */
  readonly corsOrigins: readonly string[];
}

/**
 * The least request and HTTP timeout. REQUEST_TIMEOUT_MS=0 answered every query TIMEOUT while
 * /healthz and /readyz stayed green, and Node reads an HTTP timeout of 0 as none at all (no
 * slowloris protection). 100 ms is a judgement, not a measurement: it leaves a read its few round
 * trips to Neo4j, and nobody means a shorter one.
 */
const MIN_TIMEOUT_MS = 100;
const timeout = milliseconds(MIN_TIMEOUT_MS);
const count = (min: number) => integer(min);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const origins = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .refine(
    (list) => list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)),
    'expected a comma-separated list of origins such as https://a.example,https://b.example',
  );

/** The environment variables of this module, merged into the schema of `loadConfig`. */
export const HARDENING_ENV = {
  REQUEST_TIMEOUT_MS: timeout.default(10_000),
  HTTP_HEADERS_TIMEOUT_MS: timeout.default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: timeout.default(30_000),
  MAX_BODY_BYTES: count(1).default(102_400),
  MAX_BATCH_OPERATIONS: count(0).default(0),
  // A Relay hop is 3 levels (connection, edges, node): the read API's village page is 14 deep.
  MAX_DEPTH: count(1).default(16),
  MAX_ALIASES: count(0).default(15),
  MAX_DIRECTIVES: count(0).default(50),
  MAX_TOKENS: count(1).default(2_000),
  // Filter size: a filter is one Cypher predicate that Neo4j plans before its transaction timeout
  // applies (planning 150 OR branches took over 10 s), so its size is bounded before it runs.
  MAX_FILTER_DEPTH: integer(0, FILTER_DEPTH_CEILING).default(5),
  MAX_FILTER_BRANCHES: count(0).default(32),
  MAX_FILTER_LIST_VALUES: count(1).default(20),
  MAX_COST: count(1).default(20_000),
  RATE_LIMIT_MAX: count(0).default(600),
  // A timer of express-rate-limit's store, hence within MAX_TIMER_MS.
  RATE_LIMIT_WINDOW_MS: milliseconds(1).default(60_000),
  TRUST_PROXY_HOPS: count(0).default(0),
  INTROSPECTION: bool.optional(),
  FIELD_SUGGESTIONS: bool.optional(),
  CORS_ORIGINS: origins.default([]),
};

type HardeningEnv = z.output<ReturnType<typeof z.object<typeof HARDENING_ENV>>>;

/**
 * Builds the hardening settings from validated variables. In production, introspection and
 * field suggestions are off unless INTROSPECTION / FIELD_SUGGESTIONS turn them on.
 */
export function hardeningConfig(
  e: HardeningEnv,
  env: 'development' | 'production' | 'test',
): HardeningConfig {
  const production = env === 'production';
  return Object.freeze({
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    httpHeadersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
    httpRequestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxBatchOperations: e.MAX_BATCH_OPERATIONS,
    maxDepth: e.MAX_DEPTH,
    maxAliases: e.MAX_ALIASES,
    maxDirectives: e.MAX_DIRECTIVES,
    maxTokens: e.MAX_TOKENS,
    maxFilterDepth: e.MAX_FILTER_DEPTH,
    maxFilterBranches: e.MAX_FILTER_BRANCHES,
    maxFilterListValues: e.MAX_FILTER_LIST_VALUES,
    maxCost: e.MAX_COST,
    rateLimitMax: e.RATE_LIMIT_MAX,
    rateLimitWindowMs: e.RATE_LIMIT_WINDOW_MS,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    introspection: e.INTROSPECTION ?? !production,
    fieldSuggestions: e.FIELD_SUGGESTIONS ?? !production,
    corsOrigins: Object.freeze([...e.CORS_ORIGINS]),
  });
}

/** The defaults, for services built without a loaded Config (tests). */
export function defaultHardening(
  env: 'development' | 'production' | 'test' = 'development',
): HardeningConfig {
  return hardeningConfig(z.object(HARDENING_ENV).parse({}), env);
}
