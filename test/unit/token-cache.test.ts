import fc from 'fast-check';
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/server/token';
import { VerifiedTokens } from '../../src/server/verified-tokens';

/**
 * Verified tokens are remembered so their signature is not checked on every request. Remembering
 * may change nothing a caller can observe: a remembered token is judged exactly as a fresh
 * verifier judges it at every clock time (expiry, not-before, lifetime), and a token that differs
 * from a remembered one — another signature on the same claims included — is verified in full.
 */
const SECRET = 'token-cache-test-secret-of-32-characters!';
const NOW = 1_800_000_000;
const TOLERANCE = 30;

const sign = (claims: { iat?: number; exp?: number; nbf?: number }, secret = SECRET) =>
  new SignJWT({ role: 'analyst', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('cache-test')
    .sign(new TextEncoder().encode(secret));

/** An authenticator whose clock the test moves. */
function verifier(clock: { t: number }) {
  return createAuthenticator(
    {
      jwtSecret: SECRET,
      jwksUrl: null,
      issuer: null,
      audience: null,
      anonymousRead: false,
      tokenMaxLifetimeS: 3600,
      clockToleranceS: TOLERANCE,
    },
    () => clock.t,
  );
}

async function outcome(auth: ReturnType<typeof verifier>, token: string): Promise<string> {
  try {
    const v = await auth.authenticate(`Bearer ${token}`);
    return `accepted ${v.subject} ${v.role}`;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('remembered tokens', () => {
  it('a token remembered while valid is refused once it has expired, at the same second as a fresh verifier refuses it', async () => {
    const clock = { t: NOW };
    const auth = verifier(clock);
    const token = await sign({ iat: NOW, exp: NOW + 60 });
    expect(await outcome(auth, token)).toBe('accepted cache-test analyst');
    clock.t = NOW + 60 + TOLERANCE - 1;
    expect(await outcome(auth, token)).toBe('accepted cache-test analyst');
    clock.t = NOW + 60 + TOLERANCE;
    expect(await outcome(auth, token)).toBe('the token has expired');
    expect(await outcome(verifier(clock), token)).toBe('the token has expired');
  });

  it('judges every token at every later time exactly as a verifier that never saw it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          iat: fc.option(fc.integer({ min: -4000, max: 100 }), { nil: undefined }),
          exp: fc.option(fc.integer({ min: -100, max: 4000 }), { nil: undefined }),
          nbf: fc.option(fc.integer({ min: -100, max: 200 }), { nil: undefined }),
        }),
        fc.array(fc.integer({ min: -200, max: 5000 }), { minLength: 1, maxLength: 6 }),
        async (offsets, later) => {
          const claims = Object.fromEntries(
            Object.entries(offsets)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [k, NOW + v!]),
          );
          const token = await sign(claims);
          const clock = { t: NOW };
          const remembering = verifier(clock);
          await outcome(remembering, token); // remembered if it was valid at NOW
          for (const dt of later) {
            clock.t = NOW + dt;
            expect(await outcome(remembering, token)).toBe(await outcome(verifier(clock), token));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('another signature on the claims of a remembered token is refused', async () => {
    const clock = { t: NOW };
    const auth = verifier(clock);
    const token = await sign({ iat: NOW, exp: NOW + 600 });
    expect(await outcome(auth, token)).toBe('accepted cache-test analyst');
    const [header, payload] = token.split('.');
    const forged = await sign({ iat: NOW, exp: NOW + 600 }, 'another-secret-of-at-least-32-characters');
    expect(forged.split('.').slice(0, 2).join('.')).toBe(`${header}.${payload}`);
    expect(await outcome(auth, forged)).toBe('the token signature is not valid');
    await fc.assert(
      fc.asyncProperty(fc.base64String({ minLength: 4, maxLength: 60 }), async (sig) => {
        const other = `${header}.${payload}.${sig.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')}`;
        fc.pre(other !== token && /\.[A-Za-z0-9_-]+$/.test(other));
        expect(await outcome(auth, other)).not.toMatch(/^accepted/);
      }),
      { numRuns: 100 },
    );
    expect(await outcome(auth, token)).toBe('accepted cache-test analyst');
  });
});

describe('VerifiedTokens', () => {
  it('forgets a verification after its reuse time (JWKS keys may be withdrawn)', () => {
    const tokens = new VerifiedTokens(60);
    tokens.set('a.b.c', { sub: 'x' }, NOW);
    expect(tokens.get('a.b.c', NOW + 59)).toEqual({ sub: 'x' });
    expect(tokens.get('a.b.c', NOW + 60)).toBeUndefined();
    expect(tokens.get('a.b.c', NOW + 1)).toBeUndefined();
    expect(tokens.get('a.b.d', NOW)).toBeUndefined();
  });

  it('stays bounded: the least recently used token goes first', () => {
    const tokens = new VerifiedTokens();
    for (let i = 0; i < 10_005; i++) tokens.set(`t.${i}.s`, { sub: String(i) }, NOW);
    expect(tokens.size).toBe(10_000);
    expect(tokens.get('t.0.s', NOW)).toBeUndefined();
    expect(tokens.get('t.10004.s', NOW)).toEqual({ sub: '10004' });
  });
});
