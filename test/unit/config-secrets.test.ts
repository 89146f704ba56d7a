import { ConfigError, ENV_SCHEMA, loadConfig } from '../../src/config/config';
import { envDeclarationOf, withoutCredentials } from '../../src/config/env-schemas';

/** A string that must never reach an error message: if it does, a secret leaked. */
const CANARY = 'CANARY-7f3a9c';

/** Whatever loadConfig throws for `env`, or a failure when it accepts it. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(Object.keys(env))} to be refused`);
}

/** `CANARY` padded to `n` characters, the shape of a near-miss real secret. */
const nearMiss = (n: number) => (CANARY + '-0123456789abcdef'.repeat(4)).slice(0, n);

const SHORT_SECRETS: [name: string, min: number, expected: string][] = [
  ['AUTH_JWT_SECRET', 32, 'expected an HS256 secret of at least 32 characters'],
  ['CURSOR_SECRET', 32, 'expected a secret of at least 32 characters'],
  ['PII_HASH_SALT', 16, 'expected a secret salt of at least 16 characters'],
  ['METRICS_TOKEN', 16, 'expected a secret of at least 16 characters'],
];

/** Words in a variable's name that say it holds a credential. */
const CREDENTIAL_WORDS = /SECRET|TOKEN|PASSWORD|PASSPHRASE|SALT|KEY|CREDENTIAL|PRIVATE|API_?KEY|AUTH_?CODE/;
/** Names with such a word whose value is not a credential, and why. */
const NOT_SECRET: Record<string, string> = {
  AUTH_TOKEN_MAX_LIFETIME: 'a duration (the longest token lifetime), not a token',
  MAX_TOKENS: 'a count of lexical tokens in a GraphQL document',
};

const declared = (shown: 'length' | 'url') =>
  Object.entries(ENV_SCHEMA.shape)
    .filter(([, schema]) => envDeclarationOf(schema).shown === shown)
    .map(([name]) => name)
    .sort();

describe('which variables are secret', () => {
  it('every variable named like a credential is declared secret, and only those', () => {
    const named = Object.keys(ENV_SCHEMA.shape)
      .filter((name) => CREDENTIAL_WORDS.test(name) && !(name in NOT_SECRET))
      .sort();
    expect(declared('length')).toEqual(named);
    expect(named).toEqual([
      'AUTH_JWT_SECRET',
      'CURSOR_SECRET',
      'METRICS_TOKEN',
      'NEO4J_PASSWORD',
      'PII_HASH_SALT',
    ]);
    for (const name of Object.keys(NOT_SECRET)) expect(ENV_SCHEMA.shape).toHaveProperty(name);
  });

  it('every URL variable is declared to hide its credentials', () => {
    const urls = Object.keys(ENV_SCHEMA.shape).filter((name) => /_(URL|URI)$/.test(name));
    expect(declared('url')).toEqual(urls.sort());
    expect(urls).toEqual(['AUTH_JWKS_URL', 'NEO4J_URI']);
  });

  it.each([
    ['neo4j://db:7687', 'neo4j://db:7687'],
    ['neo4j://user:pw@db:7687', 'neo4j://***@db:7687'],
    ['neo4j://user:p@w/?#@db:7687/x', 'neo4j://***@db:7687/x'],
    ['user:pw@db', '***@db'],
    ['https://idp/jwks?token=t#f', 'https://idp/jwks?***'],
    ['https://idp/jwks#t', 'https://idp/jwks?***'],
  ])('withoutCredentials(%s) is %s', (raw, shown) => {
    expect(withoutCredentials(raw)).toBe(shown);
  });
});

describe('a secret variable is never printed', () => {
  describe.each(SHORT_SECRETS)('%s (at least %i characters)', (name, min, expected) => {
    it.each([
      ['one character short, a near miss', nearMiss(min - 1)],
      ['the canary alone', CANARY],
      ['with a quote and a newline', `"${CANARY}\n`],
      ['as a JSON-escaped string', JSON.stringify(CANARY).slice(0, min - 1)],
    ])('%s: names the variable and its length, not its value', (_, value) => {
      expect(value.length).toBeLessThan(min);
      const message = refusal({ [name]: value });
      expect(message).toBe(
        `invalid environment variable ${name} (${value.length} characters, value not shown): ${expected}`,
      );
      expect(message).not.toContain(CANARY);
    });

    it('is not printed when another variable is the bad one', () => {
      const message = refusal({ [name]: nearMiss(min + 8), PORT: 'abc' });
      expect(message).toBe(
        'invalid environment variable PORT="abc": expected the HTTP port as an integer 1–65535',
      );
    });
  });

  it('NEO4J_PASSWORD takes any value and is never part of another variable’s error', () => {
    const password = nearMiss(20);
    expect(loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: password }).neo4j).toMatchObject({
      password,
    });
    const message = refusal({ NEO4J_PASSWORD: password, NEO4J_URI: 'foo://db' });
    expect(message).not.toContain(CANARY);
  });

  it('the errors that involve several variables name them, never their values', () => {
    const secret = nearMiss(40);
    const jwks = `https://idp.example/jwks.json?key=${CANARY}`;
    expect(refusal({ AUTH_JWT_SECRET: secret, AUTH_JWKS_URL: jwks })).toBe(
      'set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both',
    );
    expect(refusal({ NODE_ENV: 'production', PII_HASH_SALT: secret })).toBe(
      'NODE_ENV=production needs AUTH_JWT_SECRET or AUTH_JWKS_URL to verify tokens',
    );
    expect(refusal({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret, CURSOR_SECRET: secret })).toBe(
      'NODE_ENV=production needs PII_HASH_SALT (the salt of stored ID-number hashes)',
    );
  });
});

describe('a URL variable is printed without the credentials it may carry', () => {
  it.each([
    [
      'AUTH_JWKS_URL',
      `ftp://admin:${CANARY}@idp.example/jwks.json`,
      '"ftp://***@idp.example/jwks.json": expected the http(s) URL of a JWKS document',
    ],
    [
      'AUTH_JWKS_URL',
      `idp.example/jwks.json?client_secret=${CANARY}#${CANARY}`,
      '"idp.example/jwks.json?***": expected the http(s) URL of a JWKS document',
    ],
    [
      'AUTH_JWKS_URL',
      `https:/admin:${CANARY}/x@idp.example/jwks.json`,
      '"https:/***@idp.example/jwks.json": expected the http(s) URL of a JWKS document',
    ],
    [
      'NEO4J_URI',
      `http://neo4j:${CANARY}@db.internal:7474`,
      '"http://***@db.internal:7474": expected a Neo4j URI such as neo4j://host:7687 or bolt://host:7687 (schemes: neo4j, neo4j+s, neo4j+ssc, bolt, bolt+s, bolt+ssc)',
    ],
  ])('%s=%s', (name, value, shown) => {
    const message = refusal({ [name]: value });
    expect(message).toBe(`invalid environment variable ${name}=${shown}`);
    expect(message).not.toContain(CANARY);
  });

  it('a URL without credentials is printed as it is', () => {
    expect(refusal({ AUTH_JWKS_URL: 'idp.example/jwks.json' })).toBe(
      'invalid environment variable AUTH_JWKS_URL="idp.example/jwks.json": expected the http(s) URL of a JWKS document',
    );
  });
});
