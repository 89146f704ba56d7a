import { buildCli } from '../../src/cli/main';
import { DEV_JWT_SECRET } from '../../src/config/auth-config';
import { loadConfig } from '../../src/config/config';
import { createAuthenticator } from '../../src/server/token';

/** `bangfu token` prints a token that the service's verifier accepts, naming the role and subject. */
describe('bangfu token', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
    jest.restoreAllMocks();
  });

  const run = async (...args: string[]) => {
    let printed = '';
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((s: string | Uint8Array) => ((printed += String(s)), true));
    await buildCli().parseAsync(['node', 'bangfu', 'token', ...args]);
    return printed.trim();
  };

  it('signs an editor token for alice that the service verifies', async () => {
    delete process.env.AUTH_JWT_SECRET;
    delete process.env.AUTH_JWKS_URL;
    const token = await run('--role', 'editor', '--sub', 'alice');
    const auth = createAuthenticator({
      jwtSecret: DEV_JWT_SECRET,
      jwksUrl: null,
      issuer: null,
      audience: null,
      anonymousRead: false,
    });
    expect(await auth.authenticate(`Bearer ${token}`)).toEqual({
      anonymous: false,
      subject: 'alice',
      role: 'editor',
    });
  });

  it('uses AUTH_JWT_SECRET and the configured issuer; another secret rejects the token', async () => {
    process.env.AUTH_JWT_SECRET = 's'.repeat(40);
    process.env.AUTH_JWT_ISSUER = 'https://bangfu.example';
    const token = await run('--role', 'admin', '--sub', 'ops', '--expires', '5m');
    const ok = createAuthenticator({
      jwtSecret: 's'.repeat(40),
      jwksUrl: null,
      issuer: 'https://bangfu.example',
      audience: null,
      anonymousRead: false,
    });
    expect(await ok.authenticate(`Bearer ${token}`)).toMatchObject({ role: 'admin', subject: 'ops' });
    const other = createAuthenticator({
      jwtSecret: DEV_JWT_SECRET,
      jwksUrl: null,
      issuer: null,
      audience: null,
      anonymousRead: false,
    });
    await expect(other.authenticate(`Bearer ${token}`)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'the token signature is not valid',
    });
  });

  /** The claims of a printed token (its payload, unverified). */
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat?: number; exp?: number };

  it('issues only tokens within AUTH_TOKEN_MAX_LIFETIME: 8 h by default, the maximum if shorter', async () => {
    delete process.env.AUTH_JWT_SECRET;
    delete process.env.AUTH_JWKS_URL;
    delete process.env.AUTH_TOKEN_MAX_LIFETIME;
    const byDefault = claimsOf(await run('--role', 'viewer', '--sub', 'v'));
    expect(byDefault.exp! - byDefault.iat!).toBe(8 * 3600);
    process.env.AUTH_TOKEN_MAX_LIFETIME = '1h';
    const token = await run('--role', 'admin', '--sub', 'ops');
    expect(claimsOf(token).exp! - claimsOf(token).iat!).toBe(3600);
    const auth = createAuthenticator({ ...loadConfig().auth, anonymousRead: false });
    expect(await auth.authenticate(`Bearer ${token}`)).toMatchObject({ role: 'admin', subject: 'ops' });
  });

  it('refuses to print a token the service would refuse (too long-lived, or no duration)', async () => {
    delete process.env.AUTH_TOKEN_MAX_LIFETIME;
    await expect(run('--role', 'admin', '--sub', 'ops', '--expires', '30d')).rejects.toThrow(
      '--expires 30d is longer than AUTH_TOKEN_MAX_LIFETIME (86400 s): the service would refuse the token',
    );
    await expect(run('--role', 'admin', '--sub', 'ops', '--expires', 'soon')).rejects.toThrow(
      '--expires "soon": expected a duration such as 30m, 8h or 7d',
    );
  });

  it('refuses an unknown role', async () => {
    await expect(run('--role', 'root', '--sub', 'x')).rejects.toMatchObject({
      code: 'commander.invalidArgument',
    });
  });
});
