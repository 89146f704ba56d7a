import { SignJWT } from 'jose';
import type { AuthConfig } from '../../src/config/auth-config';
import type { Role } from '../../src/domain/access-policy';

/** The HS256 secret of every test server (startTestServer's default auth). */
export const TEST_JWT_SECRET = 'test-secret-of-the-bangfu-graph-integration-tests';

/** The auth settings of a test server: the test secret, anonymous reads allowed (as in development). */
export const TEST_AUTH: AuthConfig = {
  jwtSecret: TEST_JWT_SECRET,
  jwksUrl: null,
  issuer: null,
  audience: null,
  anonymousRead: true,
};

/** A signed token for `sub` with `role` (HS256, 1 hour), as `bangfu token` makes them. */
export async function testToken(
  role: Role | string,
  sub = `test-${role}`,
  secret = TEST_JWT_SECRET,
): Promise<string> {
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

/** `{ authorization: 'Bearer …' }` for s.gql's headers argument. */
export async function bearer(role: Role | string, sub?: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await testToken(role, sub)}` };
}
