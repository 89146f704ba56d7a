import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { HardeningConfig } from '../config/hardening-config';
import { sendRequestError } from './http-errors';

/**
 * What the auth step (`authMiddleware` in auth.ts) leaves on a request once it has VERIFIED a
 * token: the token's subject. Only a verified subject may be used as a rate-limit key, or a client could pick a
 * fresh bucket per request by sending made-up tokens.
 */
export interface VerifiedViewerRequest extends Request {
  viewer?: { anonymous?: boolean; subject?: string | null } | null;
}

/**
 * The bucket a request is counted in: `sub:<subject>` when the request carries a verified
 * viewer, else `ip:<address>` (IPv6 addresses grouped by /56, as express-rate-limit advises, so
 * one host cannot rotate through its own prefix). Extend here, not at the call site.
 */
export function rateLimitKey(req: VerifiedViewerRequest): string {
  const subject = req.viewer?.anonymous ? null : req.viewer?.subject;
  if (typeof subject === 'string' && subject !== '') return `sub:${subject}`;
  return `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

/**
 * Fixed-window rate limiting per `rateLimitKey`: over the limit, 429 with `Retry-After` (seconds)
 * and a RATE_LIMITED error body; `RateLimit`/`RateLimit-Policy` headers (IETF draft 8) on every
 * answer. Counters live in this process (see docs/security.md for several instances).
 */
export function createRateLimiter(h: HardeningConfig): RequestHandler {
  if (h.rateLimitMax === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: h.rateLimitWindowMs,
    limit: h.rateLimitMax,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => rateLimitKey(req),
    handler: (req, res) => {
      const retryAfterSeconds = Number(res.getHeader('retry-after'));
      sendRequestError(
        req,
        res,
        429,
        'RATE_LIMITED',
        `too many requests: at most ${h.rateLimitMax} per ${h.rateLimitWindowMs / 1000} s; retry after ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    },
  });
}
