import { SignJWT } from 'jose';
import { DEFAULT_TOKEN_MAX_LIFETIME_S, durationSeconds, type AuthConfig } from '../config/auth-config';
import type { Role } from '../domain/access-policy';

export interface TokenOptions {
  role: Role;
  sub: string;
  /** Lifetime: `8h`, `30m`, `7d` or seconds; default the shorter of 8 h and the service's maximum. */
  expires?: string;
}

/** The lifetime `bangfu token` gives when `--expires` is not given (capped by the service's maximum). */
export const DEFAULT_DEV_TOKEN_LIFETIME_S = 8 * 3600;

/**
 * `bangfu token --role R --sub NAME`: a development token signed with AUTH_JWT_SECRET (HS256),
 * with the issuer, audience and a lifetime the service accepts (`iat` now, `exp` at most
 * AUTH_TOKEN_MAX_LIFETIME later): it refuses to print a token the service would refuse. With a
 * JWKS URL configured, tokens come from the identity provider and this command refuses.
 */
export async function signDevToken(auth: AuthConfig, o: TokenOptions): Promise<string> {
  if (!auth.jwtSecret)
    throw new Error('AUTH_JWKS_URL is set: tokens come from your identity provider, not from bangfu token');
  const max = auth.tokenMaxLifetimeS ?? DEFAULT_TOKEN_MAX_LIFETIME_S;
  const lifetime =
    o.expires === undefined ? Math.min(DEFAULT_DEV_TOKEN_LIFETIME_S, max) : durationSeconds(o.expires);
  if (lifetime === null || lifetime < 1)
    throw new Error(`--expires ${JSON.stringify(o.expires)}: expected a duration such as 30m, 8h or 7d`);
  if (lifetime > max)
    throw new Error(
      `--expires ${o.expires} is longer than AUTH_TOKEN_MAX_LIFETIME (${max} s): the service would refuse the token`,
    );
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ role: o.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(o.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime);
  if (auth.issuer) jwt = jwt.setIssuer(auth.issuer);
  if (auth.audience) jwt = jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(auth.jwtSecret));
}
