import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** What a log line shows instead of a value that may carry a credential. */
export const REDACTED = '[Redacted]';

/**
 * Headers whose values are logged. Every other header — `authorization`, `proxy-authorization`,
 * `cookie`, `set-cookie`, `x-api-key` and whatever a client or proxy invents next — is logged as
 * REDACTED: an allow-list, because a deny-list misses the credential header nobody thought of.
 */
const LOGGED_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'apollo-require-preflight',
  'cache-control',
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'host',
  'idempotency-key',
  'origin',
  'ratelimit',
  'ratelimit-policy',
  'retry-after',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'user-agent',
  'vary',
  'x-apollo-operation-name',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-request-id',
]);

/** Headers with every value not in LOGGED_HEADERS replaced by REDACTED (names are kept). */
export function redactHeaders(headers: IncomingHttpHeaders | OutgoingHttpHeaders): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      LOGGED_HEADERS.has(name.toLowerCase()) ? value : REDACTED,
    ]),
  );
}

/**
 * A URL as logged: the path, and the query's parameter names with REDACTED values
 * (`/graphql?access_token=…` → `/graphql?access_token=[Redacted]`): a token passed in a link
 * must not reach the log, and the path alone says which route was asked for.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=${REDACTED}`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/**
 * pino-http for the service: one JSON line per request with a request id (the client's
 * `x-request-id` when well-formed, else a new UUID, echoed in the response) — at `error` for a
 * 5xx, `request aborted` when the client left before the answer — and serializers
 * that never write a credential: header values outside LOGGED_HEADERS and every query value are
 * redacted, and Express's parsed `query`/`params` are not logged at all. The serializers are
 * the whole request/response record (not wrappers of pino's defaults), so nothing a client sent
 * reaches the log unless it is listed here.
 */
export function requestLogging(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => ['/healthz', '/metrics'].includes((req.url ?? '').split('?')[0]) },
    // A 5xx (or a failed response) is an error the operator must see at LOG_LEVEL=warn too.
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (_req, res) => (res.writableFinished ? 'request completed' : 'request aborted'),
    wrapSerializers: false,
    serializers: {
      req: (req: LoggedRequest) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.originalUrl ?? req.url ?? ''),
        headers: redactHeaders(req.headers),
        remoteAddress: req.socket?.remoteAddress,
        remotePort: req.socket?.remotePort,
      }),
      res: (res: ServerResponse) => ({
        statusCode: res.statusCode,
        headers: typeof res.getHeaders === 'function' ? redactHeaders(res.getHeaders()) : {},
      }),
    },
  }) as RequestHandler;
}

/**
 * What the rest of the service needs from pino-http, without logging: `req.id` (echoed as
 * `x-request-id`) and `req.log`. Only bench/middleware-cost.ts uses it, to measure pino-http.
 */
export function requestIdOnly(log: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    Object.assign(req, { id, log });
    next();
  };
}
