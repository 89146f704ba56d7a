import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Viewer } from '../domain/access-policy';
import { AppError } from '../domain/errors';
import { sendRequestError } from './http-errors';
import type { Authenticator } from './token';

export { createAuthenticator, type Authenticator } from './token';

/** A request after `authMiddleware`: the verified viewer, or why its credentials were refused. */
export interface AuthenticatedRequest extends Request {
  viewer?: Viewer;
  /** Set when the credentials were refused; `refuseUnauthenticated` answers 401 with it. */
  authFailure?: { message: string; invalidToken: boolean };
}

/**
 * Express middleware for /graphql: verifies the bearer token and leaves the viewer on the
 * request (`req.viewer`) for the GraphQL context and the rate limiter. A bad token, or no token
 * when anonymous reads are off, is NOT answered here: it is recorded as `req.authFailure`, the
 * rate limiter counts the request against the caller's address (there is no verified subject),
 * and `refuseUnauthenticated` answers 401. So guessing or replaying tokens costs a flood its
 * rate limit like any other request. Whether the viewer may do what the operation asks is decided
 * later, per field, by the policy.
 */
export function authMiddleware(auth: Authenticator): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const r = req as AuthenticatedRequest;
    auth.authenticate(req.headers.authorization).then(
      (viewer) => {
        if (viewer.anonymous && !auth.anonymousRead)
          r.authFailure = { message: 'this service needs a bearer token', invalidToken: false };
        else r.viewer = viewer;
        next();
      },
      (e: unknown) => {
        const message = e instanceof AppError ? e.message : 'the token could not be verified';
        r.authFailure = { message, invalidToken: true };
        next();
      },
    );
  };
}

/** Answers 401 UNAUTHENTICATED for a request whose credentials `authMiddleware` refused. */
export function refuseUnauthenticated(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const failure = (req as AuthenticatedRequest).authFailure;
    if (!failure) return next();
    res.setHeader('www-authenticate', failure.invalidToken ? 'Bearer error="invalid_token"' : 'Bearer');
    sendRequestError(req, res, 401, 'UNAUTHENTICATED', failure.message);
  };
}
