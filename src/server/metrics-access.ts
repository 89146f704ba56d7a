import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendRequestError } from './http-errors';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Guards /metrics with METRICS_TOKEN: the scraper sends `Authorization: Bearer <token>`; anything
 * else is answered 401. The comparison is on SHA-256 digests with `timingSafeEqual`, so neither
 * the token's length nor its prefix leaks through timing. Without a token /metrics is open (for a
 * scraper on a private network; docs/security.md says when that is enough).
 */
export function metricsAccess(token: string | null): RequestHandler {
  if (token === null) return (_req, _res, next) => next();
  const expected = digest(`Bearer ${token}`);
  return (req, res, next) => {
    const given = req.headers.authorization;
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return next();
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    sendRequestError(req, res, 401, 'UNAUTHENTICATED', '/metrics needs the METRICS_TOKEN bearer token');
  };
}
