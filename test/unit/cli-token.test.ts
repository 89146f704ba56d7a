import { buildCli } from '../../src/cli/main';
import { DEV_JWT_SECRET } from '../../src/config/auth-config';
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

  it('refuses an unknown role', async () => {
    await expect(run('--role', 'root', '--sub', 'x')).rejects.toMatchObject({
      code: 'commander.invalidArgument',
    });
  });
});
