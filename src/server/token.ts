import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import {
  DEFAULT_CLOCK_TOLERANCE_S,
  DEFAULT_TOKEN_MAX_LIFETIME_S,
  type AuthConfig,
} from '../config/auth-config';
import { ANONYMOUS, ROLES, type Role, type Viewer } from '../domain/access-policy';
import { AppError } from '../domain/errors';
import { JWKS_REVERIFY_AFTER_S, VerifiedTokens } from './verified-tokens';

/**
 * Bearer-token verification, apart from HTTP: the service's auth middleware and the CLI's
 * `--token` use the same verifier.
 */

/** Turns an `Authorization` header into a verified viewer. */
export interface Authenticator {
  /** Whether callers without a token may read. */
  readonly anonymousRead: boolean;
  /** The viewer of a request: ANONYMOUS without a header; UNAUTHENTICATED for a bad token. */
  authenticate(authorization: string | undefined): Promise<Viewer>;
}

/** Accepted signature algorithms: HS256 with a shared secret; asymmetric ones through JWKS. */
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * Verifies JWT bearer tokens with `jose`: signature (HS256 secret, or the identity provider's
 * JWKS, fetched and cached by jose), issuer and audience when configured, and lifetime (see
 * `lifetimeProblem`). The token must carry `sub` and a `role` claim naming one of ROLES.
 * `now` (seconds since the epoch) is the clock, replaceable in tests. A verified token is
 * remembered (VerifiedTokens: keyed by the whole token, signature included) so its signature is
 * not checked again on every request; its expiry, `nbf` and lifetime are checked every time.
 */
export function createAuthenticator(
  cfg: AuthConfig,
  now: () => number = () => Math.floor(Date.now() / 1000),
  /** false: verify every token in full (bench/middleware-cost.ts measures what remembering saves). */
  remember = true,
): Authenticator {
  const maxLifetime = cfg.tokenMaxLifetimeS ?? DEFAULT_TOKEN_MAX_LIFETIME_S;
  const tolerance = cfg.clockToleranceS ?? DEFAULT_CLOCK_TOLERANCE_S;
  const key: Uint8Array | JWTVerifyGetKey | null = cfg.jwtSecret
    ? new TextEncoder().encode(cfg.jwtSecret)
    : cfg.jwksUrl
      ? createRemoteJWKSet(new URL(cfg.jwksUrl))
      : null;
  const algorithms = cfg.jwtSecret ? ['HS256'] : JWKS_ALGORITHMS;
  const verified = new VerifiedTokens(cfg.jwtSecret ? Infinity : JWKS_REVERIFY_AFTER_S);
  const options = {
    algorithms,
    clockTolerance: tolerance,
    ...(cfg.issuer ? { issuer: cfg.issuer } : {}),
    ...(cfg.audience ? { audience: cfg.audience } : {}),
  };
  return {
    anonymousRead: cfg.anonymousRead,
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
      const m = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(authorization);
      if (!m) throw unauthenticated('the Authorization header must be "Bearer <JWT>"');
      if (key === null) throw unauthenticated('this service is configured to accept no tokens');
      const at = now();
      let payload = verified.get(m[1], at);
      if (payload !== undefined) {
        const stale = timeProblem(payload, at, tolerance);
        if (stale) throw unauthenticated(stale);
      } else {
        const verify = { ...options, currentDate: new Date(at * 1000) };
        try {
          // Two calls because jose's overloads differ for a key and a key-lookup function.
          payload =
            typeof key === 'function'
              ? (await jwtVerify(m[1], key, verify)).payload
              : (await jwtVerify(m[1], key, verify)).payload;
        } catch (e) {
          throw unauthenticated(reasonOf(e));
        }
        if (remember) verified.set(m[1], payload, at);
      }
      const problem = lifetimeProblem(payload, at, maxLifetime, tolerance);
      if (problem) throw unauthenticated(problem);
      return viewerOf(payload);
    },
  };
}

/**
 * Why a verified token's lifetime is not accepted, or null. jose has already refused an `exp` in
 * the past and an `nbf` in the future (both beyond `tolerance`). Here: `exp` is required, so a
 * leaked token stops working; `iat` may not lie in the future beyond `tolerance` (a token minted
 * with a wrong clock or to outlive the cap); and the lifetime, `exp` − `iat` — or `exp` − now for
 * a token without `iat` — may not exceed `maxLifetime` (seconds).
 */
export function lifetimeProblem(
  payload: JWTPayload,
  now: number,
  maxLifetime: number,
  tolerance: number,
): string | null {
  if (typeof payload.exp !== 'number') return 'the token has no expiry (exp): tokens must expire';
  if (typeof payload.iat === 'number' && payload.iat > now + tolerance)
    return 'the token was issued in the future (iat): check the clock of its issuer';
  const from = typeof payload.iat === 'number' ? payload.iat : now;
  if (payload.exp - from > maxLifetime + (typeof payload.iat === 'number' ? 0 : tolerance))
    return `the token lives longer than the ${maxLifetime} s this service accepts (exp − iat): ask for a shorter-lived token`;
  return null;
}

/**
 * jose's time checks, for a payload verified earlier: expired when `exp` ≤ now − tolerance, not
 * yet valid when `nbf` > now + tolerance (the same comparisons and messages as a fresh check).
 */
export function timeProblem(payload: JWTPayload, now: number, tolerance: number): string | null {
  if (typeof payload.exp === 'number' && payload.exp <= now - tolerance) return 'the token has expired';
  if (typeof payload.nbf === 'number' && payload.nbf > now + tolerance)
    return "the token's nbf claim is not accepted";
  return null;
}

/** The viewer a verified payload names; a token without `sub` or a known `role` is refused. */
export function viewerOf(payload: JWTPayload): Viewer {
  const role = payload.role;
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '')
    throw unauthenticated('the token has no subject (sub)');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
    throw unauthenticated(`the token's role claim must be one of ${ROLES.join(', ')}`);
  return Object.freeze({ anonymous: false, subject: payload.sub, role: role as Role });
}

function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'the token has expired';
  if (e instanceof errors.JWTClaimValidationFailed) return `the token's ${e.claim} claim is not accepted`;
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (e instanceof errors.JOSEAlgNotAllowed)
    return 'the token is signed with an algorithm this service does not accept';
  if (e instanceof errors.JWKSNoMatchingKey) return 'no key of the identity provider matches the token';
  if (e instanceof errors.JOSEError) return 'the token is not a valid JWT';
  return 'the token could not be verified';
}

const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);
