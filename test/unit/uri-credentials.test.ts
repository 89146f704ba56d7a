import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hideCredentials } from '../../src/config/env-schemas';
import { bangfu } from '../support/cli';
import { freePort, runService } from '../support/processes';

/**
 * Credentials in NEO4J_URI or AUTH_JWKS_URL (userinfo, query, a tail after a space) never reach
 * what the service or the CLI prints: startup errors, the driver errors they relay, debug logs.
 * A URL with whitespace or that does not parse is refused at startup, naming the variable.
 * Nothing here needs a Neo4j: NEO4J_URI always names a closed port.
 */
describe('credentials in URL variables', () => {
  const CANARY = 'pwCANARY7q2x';
  let closed: number;
  let dataDir: string;
  beforeAll(async () => {
    closed = await freePort();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-uri-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const cases = (): [string, Record<string, string>, number, RegExp][] => [
    [
      'userinfo',
      { NEO4J_URI: `bolt://neo4j:${CANARY}@127.0.0.1:${closed}` },
      1,
      /^bangfu: cannot reach Neo4j at bolt:\/\/\*\*\*@127\.0\.0\.1:\d+ /,
    ],
    [
      'query',
      { NEO4J_URI: `bolt://127.0.0.1:${closed}?password=${CANARY}` },
      1,
      /^bangfu: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+\?\*\*\* /,
    ],
    [
      'space-separated tail',
      { NEO4J_URI: `bolt://127.0.0.1:${closed} ${CANARY}` },
      2,
      /^bangfu: invalid environment variable NEO4J_URI=/,
    ],
    [
      'JWKS URL with a space-separated tail',
      { AUTH_JWKS_URL: `https://idp.example/jwks ${CANARY}`, NEO4J_URI: `bolt://127.0.0.1:${closed}` },
      2,
      /^bangfu: invalid environment variable AUTH_JWKS_URL=/,
    ],
    [
      'JWKS URL with userinfo that does not parse',
      {
        AUTH_JWKS_URL: `https://u:${CANARY}@idp.example:99999/jwks`,
        NEO4J_URI: `bolt://127.0.0.1:${closed}`,
      },
      2,
      /^bangfu: invalid environment variable AUTH_JWKS_URL=/,
    ],
  ];

  it.each([0, 1, 2, 3, 4])('the service (case %i) exits without printing them', async (i) => {
    const [, env, code, line] = cases()[i];
    const p = runService({ ...env, BANGFU_DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
    expect(await p.exited).toBe(code);
    expect(p.stderr()).toMatch(line);
    expect(p.stderr() + p.stdout()).not.toContain(CANARY);
  });

  it.each([0, 1, 2, 3])('`bangfu migrate` (case %i) fails without printing them', async (i) => {
    const [, env, code, line] = cases()[i];
    const r = await bangfu(['migrate'], { ...env, BANGFU_DATA_DIR: dataDir });
    expect(r.code).toBe(code);
    expect(r.err).toMatch(line);
    expect(r.err + r.out).not.toContain(CANARY);
  });
});

describe('hideCredentials', () => {
  it('hides the URL and its credential parts as given or percent-decoded', () => {
    const url = 'neo4j://u:p%40ss%20CANARY@h:7687/?token=T0KEN#frag';
    const msg = `bad ${url}; password p@ss CANARY; p%40ss%20CANARY; token=T0KEN`;
    const out = hideCredentials(msg, url);
    for (const s of ['CANARY', 'p@ss', 'T0KEN', 'frag']) expect(out).not.toContain(s);
    expect(out).toContain('bad neo4j://***@h:7687/?***');
    expect(hideCredentials('database neo4j at neo4j://h', 'neo4j://neo4j:secret@h')).toBe(
      'database neo4j at neo4j://h',
    ); // the user name is not a secret, and hiding it would garble the message
  });
});
