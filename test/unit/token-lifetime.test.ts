import fc from 'fast-check';
import { SignJWT } from 'jose';
import { ConfigError, loadConfig } from '../../src/config/config';
import { createAuthenticator } from '../../src/server/token';

/**
 * Token lifetime: a token must carry `exp`, may not be issued in the future beyond the clock
 * tolerance, and may not live longer than AUTH_TOKEN_MAX_LIFETIME — whatever else it claims.
 */
const SECRET = 'token-lifetime-test-secret-of-32-characters';
const NOW = 1_800_000_000;
const HOUR = 3600;

async function sign(claims: { iat?: number; exp?: number; nbf?: number }): Promise<string> {
  return new SignJWT({ role: 'admin', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('lifetime-test')
    .sign(new TextEncoder().encode(SECRET));
}

const verifier = (maxLifetime = 24 * HOUR, tolerance = 30) =>
  createAuthenticator(
    {
      jwtSecret: SECRET,
      jwksUrl: null,
      issuer: null,
      audience: null,
      anonymousRead: false,
      tokenMaxLifetimeS: maxLifetime,
      clockToleranceS: tolerance,
    },
    () => NOW,
  );

async function outcome(claims: { iat?: number; exp?: number; nbf?: number }, max?: number, tol?: number) {
  try {
    const v = await verifier(max, tol).authenticate(`Bearer ${await sign(claims)}`);
    return v.anonymous ? 'anonymous' : 'accepted';
  } catch (e) {
    return (e as { code?: string; message: string }).message;
  }
}

describe('token lifetime (24 h maximum, 30 s tolerance)', () => {
  const year2200 = Date.UTC(2200, 0, 1) / 1000;
  it.each([
    ['no exp, no iat', {}, 'the token has no expiry (exp): tokens must expire'],
    ['no exp, iat now', { iat: NOW }, 'the token has no expiry (exp): tokens must expire'],
    [
      'exp in 2200',
      { iat: NOW, exp: year2200 },
      'the token lives longer than the 86400 s this service accepts (exp − iat): ask for a shorter-lived token',
    ],
    [
      'exp in 2200, no iat',
      { exp: year2200 },
      'the token lives longer than the 86400 s this service accepts (exp − iat): ask for a shorter-lived token',
    ],
    [
      'iat an hour in the future',
      { iat: NOW + HOUR, exp: NOW + 2 * HOUR },
      'the token was issued in the future (iat): check the clock of its issuer',
    ],
    [
      'iat 31 s in the future',
      { iat: NOW + 31, exp: NOW + HOUR },
      'the token was issued in the future (iat): check the clock of its issuer',
    ],
    ['iat 30 s in the future (within tolerance)', { iat: NOW + 30, exp: NOW + HOUR }, 'accepted'],
    ['lifetime exactly 24 h', { iat: NOW, exp: NOW + 24 * HOUR }, 'accepted'],
    [
      'lifetime 24 h + 1 s',
      { iat: NOW, exp: NOW + 24 * HOUR + 1 },
      'the token lives longer than the 86400 s this service accepts (exp − iat): ask for a shorter-lived token',
    ],
    [
      'issued 2 days ago, expiring in 1 hour',
      { iat: NOW - 48 * HOUR, exp: NOW + HOUR },
      'the token lives longer than the 86400 s this service accepts (exp − iat): ask for a shorter-lived token',
    ],
    ['no iat, expiring in 1 hour', { exp: NOW + HOUR }, 'accepted'],
    ['expired 31 s ago', { iat: NOW - HOUR, exp: NOW - 31 }, 'the token has expired'],
    ['expired 29 s ago (within tolerance)', { iat: NOW - HOUR, exp: NOW - 29 }, 'accepted'],
    ['valid for 1 hour from now', { iat: NOW, exp: NOW + HOUR }, 'accepted'],
  ])('%s', async (_what, claims, expected) => {
    expect(await outcome(claims)).toBe(expected);
  });

  const claim = (lo: number, hi: number) =>
    fc.option(fc.integer({ min: NOW + lo, max: NOW + hi }), { nil: undefined });

  it('accepts no token that outlives the maximum, lacks exp or was issued in the future (any claims)', async () => {
    await fc.assert(
      fc.asyncProperty(
        claim(-1_000 * 86_400, 1_000 * 86_400),
        claim(-1_000 * 86_400, 300 * 365 * 86_400),
        fc.integer({ min: 60, max: 30 * 86_400 }),
        fc.integer({ min: 0, max: 600 }),
        async (iat, exp, max, tol) => {
          if ((await outcome({ iat, exp }, max, tol)) !== 'accepted') return;
          expect(exp).toBeDefined();
          expect(exp!).toBeLessThanOrEqual(NOW + max + tol);
          expect(exp!).toBeGreaterThan(NOW - tol);
          if (iat !== undefined) {
            expect(iat).toBeLessThanOrEqual(NOW + tol);
            expect(exp! - iat).toBeLessThanOrEqual(max);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts every token issued now or earlier with a lifetime within the maximum that has not expired', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 60, max: 30 * 86_400 }),
        fc.integer({ min: 0, max: 600 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (max, tol, l, a) => {
          const lifetime = Math.max(1, Math.floor(l * max));
          // issued `age` seconds ago, still valid: age < lifetime
          const age = Math.floor(a * (lifetime - 1));
          expect(await outcome({ iat: NOW - age, exp: NOW - age + lifetime }, max, tol)).toBe('accepted');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('AUTH_TOKEN_MAX_LIFETIME and AUTH_CLOCK_TOLERANCE', () => {
  it('default to 24 h and 30 s and read durations', () => {
    expect(loadConfig({}).auth).toMatchObject({ tokenMaxLifetimeS: 86_400, clockToleranceS: 30 });
    expect(loadConfig({ AUTH_TOKEN_MAX_LIFETIME: '8h', AUTH_CLOCK_TOLERANCE: '5s' }).auth).toMatchObject({
      tokenMaxLifetimeS: 8 * 3600,
      clockToleranceS: 5,
    });
    expect(loadConfig({ AUTH_TOKEN_MAX_LIFETIME: '900' }).auth.tokenMaxLifetimeS).toBe(900);
  });

  it('name a bad value', () => {
    expect(() => loadConfig({ AUTH_TOKEN_MAX_LIFETIME: 'forever' })).toThrow(
      new ConfigError(
        'invalid environment variable AUTH_TOKEN_MAX_LIFETIME="forever": expected a lifetime between 1 minute and 366 days such as 30s, 15m, 8h or 7d',
      ),
    );
    expect(() => loadConfig({ AUTH_CLOCK_TOLERANCE: '1h' })).toThrow(
      /^invalid environment variable AUTH_CLOCK_TOLERANCE="1h": expected a clock tolerance of at most 10 minutes/,
    );
  });
});
