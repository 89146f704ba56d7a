import path from 'node:path';
import { SCHEMA_DIR } from '../../src/config/paths';
import { loadTrustedDocuments } from '../../src/server/trusted-documents';
import { startTestServer, type TestServer } from '../support/harness';
import { readmeExamples } from '../support/readme-examples';
import { connect } from '../support/subscriber';

/** TRUSTED_DOCUMENTS=on: the service runs the manifest's documents and refuses any other. */
describe('trusted documents', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      trustedDocuments: loadTrustedDocuments(path.join(SCHEMA_DIR, 'trusted-documents.json')),
    });
  });
  afterAll(() => s.close());

  it('runs a registered document (a README example)', async () => {
    const ex = readmeExamples().find((e) => e.name === 'analyst-active-on')!;
    const r = await s.gql(ex.query, ex.variables);
    expect(r.body.errors).toBeUndefined();
    expect(r.status).toBe(200);
  });

  it('refuses an unregistered document with PERSISTED_QUERY_NOT_IN_LIST, before running it', async () => {
    const before = await s.cypherCount();
    const r = await s.gql('{ serverInfo { version neo4jVersion } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect(r.body.data).toBeUndefined();
    expect(await s.cypherCount()).toBe(before);
  });

  it('refuses a registered document changed by one character', async () => {
    const ex = readmeExamples().find((e) => e.name === 'analyst-active-on')!;
    const r = await s.gql(`${ex.query} `, ex.variables);
    expect(r.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('refuses an unregistered subscription over WebSocket the same way', async () => {
    const c = connect(s.url);
    const err = (await c.subscribe('subscription { ledgerChanged { position } }').failed) as {
      extensions: { code: string };
    }[];
    expect(err[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    await c.dispose();
  });
});
