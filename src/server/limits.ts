import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { HardeningConfig } from '../config/hardening-config';
import { sendRequestError } from './http-errors';

/*
 * The HTTP-level limits in front of Apollo, cheapest first: the body size (express.json's limit in
 * http-service.ts, where graphqlPost leaves a body over it: a larger Content-Length is refused
 * before a byte of the body is read, so a 1 MB document is never parsed) and the number of operations in a batch. Both answer in the
 * GraphQL error shape.
 */

/** The number of operations in a batch (a body that is a JSON array), after the body is read. */
export function batchLimit(max: number): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (req.method !== 'POST' || !Array.isArray(body)) return next();
    if (max === 0) {
      return sendRequestError(
        req,
        res,
        400,
        'BAD_USER_INPUT',
        `batched requests are not accepted: send one operation per request (this batch holds ${body.length})`,
        { operations: body.length, maxBatchOperations: 0 },
      );
    }
    if (body.length > max) {
      return sendRequestError(
        req,
        res,
        400,
        'QUERY_TOO_COMPLEX',
        `a batch may hold at most ${max} operations; this one holds ${body.length}`,
        { operations: body.length, maxBatchOperations: max },
      );
    }
    next();
  };
}

/**
 * body-parser's failures (it sets `type` and `status`) as coded GraphQL errors, never Express's
 * HTML page; anything else is logged under the request id and masked.
 */
export function bodyErrors(h: HardeningConfig): ErrorRequestHandler {
  return (err: { type?: string; status?: number; body?: unknown }, req, res, next) => {
    switch (err.type) {
      case 'entity.too.large':
        return sendRequestError(
          req,
          res,
          413,
          'QUERY_TOO_COMPLEX',
          `the request body is larger than ${h.maxBodyBytes} bytes`,
          { maxBodyBytes: h.maxBodyBytes },
        );
      case 'entity.parse.failed':
        return sendRequestError(
          req,
          res,
          400,
          'BAD_USER_INPUT',
          notAnObject(err.body) ?? 'the request body is not valid JSON',
        );
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return sendRequestError(req, res, 415, 'BAD_USER_INPUT', 'the request body must be UTF-8 JSON');
      default:
        if (err.status !== undefined && err.status >= 400 && err.status < 500) {
          return sendRequestError(
            req,
            res,
            err.status,
            'BAD_USER_INPUT',
            'the request body could not be read',
          );
        }
        req.log.error({ err }, 'unexpected error before GraphQL execution');
        if (res.headersSent) return next(err);
        return sendRequestError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error');
    }
  };
}

/**
 * body-parser (strict) refuses valid JSON that is not an object or array as a parse failure; the
 * message then says what the body is instead, never echoing it.
 */
function notAnObject(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  // strict parsing lets objects and arrays through: only null, a number, a string or a boolean get here
  const kind = value === null ? 'null' : `a ${typeof value}`;
  return `the request body must be a JSON object such as {"query": "{ __typename }"}, got ${kind}`;
}
