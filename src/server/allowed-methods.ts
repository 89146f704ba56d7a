import type { RequestHandler } from 'express';
import { sendRequestError } from './http-errors';

/**
 * The methods each route answers. `/graphql` takes GET (queries) and POST; Apollo answers nothing
 * else, and HEAD cannot carry a GraphQL response. The other routes are read-only pages. OPTIONS
 * is answered everywhere (a CORS preflight by the CORS policy, any other with `Allow`).
 */
export const ROUTE_METHODS: ReadonlyArray<{ route: string; prefix: boolean; methods: readonly string[] }> = [
  { route: '/graphql', prefix: false, methods: ['GET', 'POST'] },
  { route: '/healthz', prefix: false, methods: ['GET', 'HEAD'] },
  { route: '/readyz', prefix: false, methods: ['GET', 'HEAD'] },
  { route: '/metrics', prefix: false, methods: ['GET', 'HEAD'] },
  { route: '/playground', prefix: true, methods: ['GET', 'HEAD'] },
  { route: '/explorer', prefix: true, methods: ['GET', 'HEAD'] },
];

/** The `Allow` header of a path, or undefined for a path the service does not serve. */
export function allowOf(path: string): string | undefined {
  // Express routes `/graphql/` like `/graphql` (non-strict routing): so does this table.
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const r = ROUTE_METHODS.find((x) => p === x.route || (x.prefix && p.startsWith(`${x.route}/`)));
  return r ? [...r.methods, 'OPTIONS'].join(', ') : undefined;
}

/**
 * Answers, before any route runs, a method a route does not take: 405 with `Allow` (not the
 * CSRF message Apollo would give a DELETE, nor a 404), and OPTIONS 204 with `Allow` (a CORS
 * preflight from an allowed origin has its CORS headers from `corsPolicy`, which runs first).
 * Unknown paths fall through to the 404.
 */
export function allowedMethods(): RequestHandler {
  return (req, res, next) => {
    const allow = allowOf(req.path);
    if (allow === undefined) return next();
    const methods = allow.split(', ');
    if (req.method === 'OPTIONS') {
      res.setHeader('allow', allow);
      res.status(204).end();
      return;
    }
    if (methods.includes(req.method)) return next();
    res.setHeader('allow', allow);
    sendRequestError(
      req,
      res,
      405,
      'BAD_USER_INPUT',
      `${req.method} is not allowed on ${req.path}; allowed: ${allow}`,
      { allow: methods },
    );
  };
}
