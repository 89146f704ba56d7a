import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../domain/errors';
import { tokenLimitError, validationBudgetError } from './query-limits';

/**
 * Codes that Apollo itself assigns to problems in the request. Their messages are safe to pass
 * on; the client sees them as BAD_USER_INPUT (the one list of codes in src/domain/errors.ts) with
 * Apollo's code kept as `extensions.reason`.
 */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const SUGGESTION = / ?Did you mean(.+?)\?$/;

export interface FormatErrorOptions {
  /** Keep graphql-js's "Did you mean …?" hints (off in production: they reveal the schema). */
  fieldSuggestions: boolean;
}

/**
 * Decides what a client sees of an error. Every error leaves with an `extensions.code` from
 * ERROR_CODES: an AppError's code, message and details (also when Apollo wrapped it, e.g. a
 * limit refused during validation); the token limit as QUERY_TOO_COMPLEX; Apollo's own request
 * errors as BAD_USER_INPUT; anything else masked as INTERNAL_SERVER_ERROR — its original is
 * logged with the request id by the observability plugin. Stack traces never leave the process.
 */
export function createFormatError(o: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const app =
      appErrorOf(error) ?? tokenLimitError(formatted.message) ?? validationBudgetError(formatted.message);
    if (app) {
      return {
        message: app.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...app.details, code: app.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
      return {
        message: o.fieldSuggestions ? formatted.message : formatted.message.replace(SUGGESTION, ''),
        locations: formatted.locations,
        path: formatted.path,
        extensions: code === 'BAD_USER_INPUT' ? { code } : { code: 'BAD_USER_INPUT', reason: code },
      };
    }
    return {
      message: 'internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** The default policy (suggestions kept), for callers without hardening settings. */
export const formatError = createFormatError({ fieldSuggestions: true });

/** Whether an error is the client's doing (logged at info level) rather than the service's. */
export function isClientError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const app = appErrorOf(error) ?? validationBudgetError(message);
  if (app) return app.code !== 'INTERNAL_SERVER_ERROR';
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return typeof code === 'string' && APOLLO_REQUEST_CODES.has(code);
}

/** The AppError behind an error: thrown by a resolver, or carried as a GraphQLError's cause. */
export function appErrorOf(error: unknown): AppError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return original;
  if (error instanceof GraphQLError && error.originalError instanceof AppError) return error.originalError;
  return undefined;
}
