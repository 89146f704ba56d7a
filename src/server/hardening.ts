import type { ApolloServerOptionsWithTypeDefs, ApolloServerPlugin } from '@apollo/server';
import cors from 'cors';
import type { RequestHandler } from 'express';
import type { HardeningConfig } from '../config/hardening-config';
import type { Context } from '../graphql/context';
import { createFormatError } from './format-error';
import { DatabaseBreaker, useCircuitBreaker } from './plugins/use-circuit-breaker';
import { useQueryCost } from './plugins/use-query-cost';
import { useUnavailableStatus } from './plugins/use-unavailable-status';
import { queryLimitRules, queryParseOptions } from './query-limits';
import { layerOn, type ServiceLayer } from './service-layers';

type HardenedOptions = Pick<
  ApolloServerOptionsWithTypeDefs<Context>,
  | 'formatError'
  | 'includeStacktraceInErrorResponses'
  | 'introspection'
  | 'hideSchemaDetailsFromClientErrors'
  | 'csrfPrevention'
  | 'allowBatchedHttpRequests'
  | 'validationRules'
  | 'parseOptions'
  | 'persistedQueries'
>;

/**
 * Apollo Server settings of the hardening issue, in one place: the error policy, document
 * limits (validation rules, parser token limit, cost plugin), introspection and suggestions per
 * production mode, CSRF prevention (Apollo's default, stated so nobody turns it off by accident),
 * batching only when MAX_BATCH_OPERATIONS > 0 (limits.ts caps the batch length), and, when the
 * database is down, a circuit breaker (`breaker`, shared with /readyz) that answers 503 at once
 * instead of queueing on the driver. Automatic persisted queries stay on (Apollo's default, an
 * LRU cache bounded in size); a document is cached only after it passed every limit.
 * `without` is for bench/middleware-cost.ts only (see service-layers.ts).
 */
export function apolloHardening(
  h: HardeningConfig,
  breaker: DatabaseBreaker = new DatabaseBreaker(),
  without?: ReadonlySet<ServiceLayer>,
): {
  options: HardenedOptions;
  plugins: ApolloServerPlugin<Context>[];
} {
  return {
    options: {
      formatError: createFormatError({ fieldSuggestions: h.fieldSuggestions }),
      includeStacktraceInErrorResponses: false,
      introspection: h.introspection,
      hideSchemaDetailsFromClientErrors: !h.fieldSuggestions,
      csrfPrevention: layerOn(without, 'csrf'),
      allowBatchedHttpRequests: h.maxBatchOperations > 0,
      validationRules: layerOn(without, 'documentLimits') ? queryLimitRules(h) : [],
      parseOptions: queryParseOptions(h),
      ...(layerOn(without, 'apq') ? {} : { persistedQueries: false as const }),
    },
    plugins: [
      ...(layerOn(without, 'queryCost')
        ? [
            useQueryCost(h.maxCost, {
              depth: h.maxFilterDepth,
              branches: h.maxFilterBranches,
              listValues: h.maxFilterListValues,
            }),
          ]
        : []),
      ...(layerOn(without, 'circuitBreaker') ? [useCircuitBreaker(breaker)] : []),
      ...(layerOn(without, 'unavailableStatus') ? [useUnavailableStatus()] : []),
    ],
  };
}

/** Headers a browser client may send and read across origins. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-request-id',
  'idempotency-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'ratelimit', 'ratelimit-policy'];

/**
 * CORS for /graphql: only the origins in CORS_ORIGINS get `Access-Control-Allow-Origin`; with
 * none configured the middleware adds nothing and browsers keep the same-origin policy. A
 * preflight gets its CORS headers here and is answered by `allowedMethods` (204 with `Allow`),
 * like any other OPTIONS request.
 */
export function corsPolicy(h: HardeningConfig): RequestHandler {
  return cors({
    origin: h.corsOrigins.length > 0 ? [...h.corsOrigins] : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    preflightContinue: true,
  });
}
