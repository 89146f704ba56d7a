import { SignJWT } from 'jose';
import type { AuthConfig } from '../config/auth-config';
import type { Role } from '../domain/access-policy';

export interface TokenOptions {
  role: Role;
  sub: string;
  /** Lifetime, as jose reads it: `8h`, `30m`, `7d`. */
  expires: string;
}

/**
 * `bangfu token --role R --sub NAME`: a development token signed with AUTH_JWT_SECRET (HS256),
 * with the issuer and audience the service requires. With a JWKS URL configured, tokens come from
 * the identity provider and this command refuses.
 */
export async function signDevToken(auth: AuthConfig, o: TokenOptions): Promise<string> {
  if (!auth.jwtSecret)
    throw new Error('AUTH_JWKS_URL is set: tokens come from your identity provider, not from bangfu token');
  let jwt = new SignJWT({ role: o.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(o.sub)
    .setIssuedAt()
    .setExpirationTime(o.expires);
  if (auth.issuer) jwt = jwt.setIssuer(auth.issuer);
  if (auth.audience) jwt = jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(auth.jwtSecret));
}
