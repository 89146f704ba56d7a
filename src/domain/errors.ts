/**
 * The one list of stable error codes a client may see in `extensions.code`. Anything thrown that
 * is not an AppError (or a GraphQL validation error) is masked as INTERNAL_SERVER_ERROR.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  /** The analytics worker pool and its queue are full: retry after `retryAfterSeconds` (HTTP 503). */
  'ANALYTICS_BUSY',
  /** TRUSTED_DOCUMENTS=on and the document is not in the manifest of trusted documents. */
  'PERSISTED_QUERY_NOT_IN_LIST',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error whose message is safe to show to a client. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields for `extensions` (e.g. the offending argument), never internals. */
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('BAD_USER_INPUT', message, details);
