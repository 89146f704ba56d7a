import { z } from 'zod';
import { credentialUrl, isUrl, secret } from './env-schemas';

/**
 * How callers prove who they are: JWTs signed with an HS256 secret or verified against
 * a JWKS URL; the token's `sub` names the caller and its `role` claim one of
 * viewer|analyst|editor|admin. Read by `loadConfig` with the rest of the configuration.
 */
export interface AuthConfig {
  /** HS256 secret (AUTH_JWT_SECRET); `bangfu token` signs with it. Null when JWKS is used. */
  readonly jwtSecret: string | null;
  /** JWKS URL of an identity provider (AUTH_JWKS_URL), for RS256/ES256 tokens. */
  readonly jwksUrl: string | null;
  /** Required `iss` claim, if set (AUTH_JWT_ISSUER). */
  readonly issuer: string | null;
  /** Required `aud` claim, if set (AUTH_JWT_AUDIENCE). */
  readonly audience: string | null;
  /** Whether requests without a token may read, personal fields masked (AUTH_ANONYMOUS_READ). */
  readonly anonymousRead: boolean;
  /**
   * Longest accepted token lifetime in seconds, `exp` − `iat` (or `exp` − now without `iat`)
   * (AUTH_TOKEN_MAX_LIFETIME); default DEFAULT_TOKEN_MAX_LIFETIME_S. Tokens without `exp` are refused.
   */
  readonly tokenMaxLifetimeS?: number;
  /** Clock skew allowed on `exp`, `nbf` and `iat`, in seconds (AUTH_CLOCK_TOLERANCE); default 30. */
  readonly clockToleranceS?: number;
}

/** Token lifetime and clock tolerance when not configured: a working day, and 30 s of skew. */
export const DEFAULT_TOKEN_MAX_LIFETIME_S = 24 * 3600;
export const DEFAULT_CLOCK_TOLERANCE_S = 30;

const UNIT_S = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** Seconds of a duration written `90`, `90s`, `30m`, `8h` or `7d`; null when it is not one. */
export function durationSeconds(text: string): number | null {
  const m = /^(\d{1,9})\s*([smhd]?)$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_S[(m[2] || 's') as keyof typeof UNIT_S] : null;
}

const duration = (min: number, max: number, what: string) =>
  z.string().transform((s, ctx) => {
    const n = durationSeconds(s);
    if (n === null || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `expected ${what} such as 30s, 15m, 8h or 7d` });
      return z.NEVER;
    }
    return n;
  });

/**
 * Used outside production when AUTH_JWT_SECRET / PII_HASH_SALT are unset, so a development
 * checkout works out of the box; production refuses to start without real ones.
 */
export const DEV_JWT_SECRET = 'bangfu-development-jwt-secret-not-for-production';
export const DEV_PII_SALT = 'bangfu-development-pii-salt';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The environment variables of this section, merged into config.ts's schema. */
export const AUTH_ENV = {
  AUTH_JWT_SECRET: secret(
    z.string().min(32, 'expected an HS256 secret of at least 32 characters'),
  ).optional(),
  AUTH_JWKS_URL: credentialUrl(
    z
      .string()
      .refine(
        (u) => /^https?:\/\/[^/\s]+/.test(u) && isUrl(u),
        'expected the http(s) URL of a JWKS document',
      ),
  ).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_ANONYMOUS_READ: bool.optional(),
  PII_HASH_SALT: secret(z.string().min(16, 'expected a secret salt of at least 16 characters')).optional(),
  // Token lifetime and clock skew (docs/access.md, "Token lifetime").
  AUTH_TOKEN_MAX_LIFETIME: duration(60, 366 * 86_400, 'a lifetime between 1 minute and 366 days').optional(),
  AUTH_CLOCK_TOLERANCE: duration(0, 600, 'a clock tolerance of at most 10 minutes').optional(),
};

type AuthEnv = { [K in keyof typeof AUTH_ENV]?: z.output<(typeof AUTH_ENV)[K]> };

/** Problems that involve several variables; the message is the one line to print. */
export function authEnvProblem(e: AuthEnv, env: string): string | null {
  if (e.AUTH_JWT_SECRET && e.AUTH_JWKS_URL) return 'set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both';
  if (env !== 'production') return null;
  if (!e.AUTH_JWT_SECRET && !e.AUTH_JWKS_URL)
    return 'NODE_ENV=production needs AUTH_JWT_SECRET or AUTH_JWKS_URL to verify tokens';
  if (!e.PII_HASH_SALT)
    return 'NODE_ENV=production needs PII_HASH_SALT (the salt of stored ID-number hashes)';
  return null;
}

export function authConfig(e: AuthEnv, env: string): AuthConfig {
  return Object.freeze({
    jwtSecret: e.AUTH_JWT_SECRET ?? (e.AUTH_JWKS_URL ? null : DEV_JWT_SECRET),
    jwksUrl: e.AUTH_JWKS_URL ?? null,
    issuer: e.AUTH_JWT_ISSUER ?? null,
    audience: e.AUTH_JWT_AUDIENCE ?? null,
    // On by default in development and test (tests and local tools read without a token).
    anonymousRead: e.AUTH_ANONYMOUS_READ ?? env !== 'production',
    tokenMaxLifetimeS: e.AUTH_TOKEN_MAX_LIFETIME ?? DEFAULT_TOKEN_MAX_LIFETIME_S,
    clockToleranceS: e.AUTH_CLOCK_TOLERANCE ?? DEFAULT_CLOCK_TOLERANCE_S,
  });
}

export const piiSalt = (e: AuthEnv): string => e.PII_HASH_SALT ?? DEV_PII_SALT;
