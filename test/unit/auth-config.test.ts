import { DEV_JWT_SECRET, DEV_PII_SALT } from '../../src/config/auth-config';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('auth configuration', () => {
  it('works out of the box in development: the development secret and salt, anonymous reads on', () => {
    const c = loadConfig({});
    expect(c.auth).toEqual({
      jwtSecret: DEV_JWT_SECRET,
      jwksUrl: null,
      issuer: null,
      audience: null,
      anonymousRead: true,
      tokenMaxLifetimeS: 86_400,
      clockToleranceS: 30,
    });
    expect(c.piiSalt).toBe(DEV_PII_SALT);
  });

  it('refuses to start in production without a way to verify tokens or a salt', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PII_HASH_SALT: 'x'.repeat(16) })).toThrow(
      new ConfigError('NODE_ENV=production needs AUTH_JWT_SECRET or AUTH_JWKS_URL to verify tokens'),
    );
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 's'.repeat(32) })).toThrow(
      /needs PII_HASH_SALT/,
    );
  });

  it('turns anonymous reads off in production unless asked', () => {
    const prod = {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://id.example/jwks.json',
      PII_HASH_SALT: 'x'.repeat(16),
    };
    expect(loadConfig(prod).auth).toMatchObject({
      jwtSecret: null,
      jwksUrl: 'https://id.example/jwks.json',
      anonymousRead: false,
    });
    expect(loadConfig({ ...prod, AUTH_ANONYMOUS_READ: 'true' }).auth.anonymousRead).toBe(true);
  });

  it('names a bad variable', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(
      'invalid environment variable AUTH_JWT_SECRET (5 characters, value not shown): expected an HS256 secret of at least 32 characters',
    );
    expect(() =>
      loadConfig({ AUTH_JWT_SECRET: 's'.repeat(32), AUTH_JWKS_URL: 'https://id.example/jwks' }),
    ).toThrow('set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both');
  });
});
