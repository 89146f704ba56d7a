import fs from 'node:fs';
import { POSSIBLE_TYPES_FILE } from '../../src/server/client-files';
import { startTestServer, type TestServer } from '../support/harness';

/** The client setup of docs/clients.md, as a browser client would meet it. */
describe('client setup (docs/clients.md)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const get = (headers: Record<string, string> = {}) =>
    fetch(`${s.url}/graphql?query=${encodeURIComponent('{ serverInfo { version } }')}`, {
      headers: { accept: 'application/json', ...headers },
    });

  it('refuses a GET without the CSRF header, and says which header to send', async () => {
    const r = await get();
    expect(r.status).toBe(400);
    expect(await r.text()).toMatch(/apollo-require-preflight/);
  });

  it('answers a GET that carries apollo-require-preflight (urql with preferGetMethod)', async () => {
    const r = await get({ 'apollo-require-preflight': 'true' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ data: { serverInfo: { version: 'test' } } });
  });

  it('serves the committed possibleTypes at /possible-types.json', async () => {
    const r = await fetch(`${s.url}/possible-types.json`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await r.json()).toEqual(JSON.parse(fs.readFileSync(POSSIBLE_TYPES_FILE, 'utf8')));
  });
});
