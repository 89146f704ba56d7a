import { auditServer } from 'graphql-http';
import { startTestServer, type TestServer } from '../support/harness';

/**
 * The GraphQL over HTTP spec's own audit suite (graphql-http `serverAudits`, 61 audits) against
 * the running service. Every MUST passes. Three SHOULDs do not, by Apollo Server's design, and
 * are pinned here so a change either way is noticed (see docs/security.md).
 */
describe('GraphQL over HTTP compliance (graphql-http audit)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('passes every MUST; the SHOULDs it misses are the three Apollo answers with 400', async () => {
    const results = await auditServer({ url: `${s.url}/graphql` });
    expect(results.length).toBeGreaterThanOrEqual(60);
    const failed = (level: string) =>
      results.filter((r) => r.name.startsWith(level) && r.status !== 'ok').map((r) => `${r.id} ${r.name}`);
    expect(failed('MUST')).toEqual([]);
    expect(failed('SHOULD')).toEqual([
      '572B SHOULD use 200 status code on document parsing failure when accepting application/json',
      'FDE2 SHOULD use 200 status code on document validation failure when accepting application/json',
      '7B9B SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
    ]);
    const should = results.filter((r) => r.name.startsWith('SHOULD'));
    expect(should.filter((r) => r.status === 'ok').length).toBe(should.length - 3);
  });
});
