import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Viewer } from '../domain/access-policy';
import { AppError } from '../domain/errors';
import { sendRequestError } from './http-errors';
import type { Authenticator } from './token';

export { createAuthenticator, type Authenticator } from './token';

/** A request after `authMiddleware`: the verified viewer (read by the context and the rate limiter). */
export interface AuthenticatedRequest extends Request {
  viewer?: Viewer;
}

/**
 * Express middleware for /graphql: verifies the bearer token and leaves the viewer on the
 * request (`req.viewer`) for the GraphQL context and the rate limiter. A bad token, or no token
 * when anonymous reads are off, is answered 401 here, before Apollo, in the GraphQL error shape.
 * Whether the viewer may do what the operation asks is decided later, per field, by the policy.
 */
export function authMiddleware(auth: Authenticator): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    auth.authenticate(req.headers.authorization).then(
      (viewer) => {
        if (viewer.anonymous && !auth.anonymousRead) {
          res.setHeader('www-authenticate', 'Bearer');
          sendRequestError(req, res, 401, 'UNAUTHENTICATED', 'this service needs a bearer token');
          return;
        }
        (req as AuthenticatedRequest).viewer = viewer;
        next();
      },
      (e: unknown) => {
        const message = e instanceof AppError ? e.message : 'the token could not be verified';
        res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
        sendRequestError(req, res, 401, 'UNAUTHENTICATED', message);
      },
    );
  };
}
