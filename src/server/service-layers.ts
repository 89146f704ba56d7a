/**
 * The per-request layers of the HTTP service that bench/middleware-cost.ts switches off one at
 * a time to measure what each costs. Internal: only a benchmark passes `HttpServiceDeps.without`;
 * no environment variable reaches it, so a deployment always runs every layer.
 */
export const SERVICE_LAYERS = [
  /** pino-http: request id, child logger, one JSON line per request. Off: id and logger only. */
  'requestLogging',
  /** The HTTP request counter and latency histogram. */
  'httpMetrics',
  /** Operation counter and error logging (useObservability). */
  'operationMetrics',
  /** CORS on /graphql. */
  'cors',
  /** The 405 answer for methods a route does not take. */
  'allowedMethods',
  /** The playground/explorer pages and possible-types.json routers in front of /graphql. */
  'staticRoutes',
  /** Per-caller rate limiting (express-rate-limit, in-memory store). */
  'rateLimit',
  /** Depth, alias and directive validation rules (graphql-armor). */
  'documentLimits',
  /** The fan-out cost estimate and filter bounds (useQueryCost). */
  'queryCost',
  /** Automatic persisted queries (Apollo's document cache keyed by hash). */
  'apq',
  /** Apollo's CSRF prevention (preflight-forcing header check). */
  'csrf',
  /** The database circuit breaker plugin. */
  'circuitBreaker',
  /** 503 + Retry-After when every error is SERVICE_UNAVAILABLE / ANALYTICS_BUSY. */
  'unavailableStatus',
  /** The request deadline given to every Cypher transaction. */
  'deadline',
] as const;

export type ServiceLayer = (typeof SERVICE_LAYERS)[number];

/** `true` when `layer` runs: always, unless a benchmark named it in `without`. */
export const layerOn = (without: ReadonlySet<ServiceLayer> | undefined, layer: ServiceLayer): boolean =>
  !without?.has(layer);
