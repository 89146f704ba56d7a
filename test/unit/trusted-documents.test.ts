import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, SCHEMA_DIR } from '../../src/config/paths';
import { loadTrustedDocuments, sha256 } from '../../src/server/trusted-documents';
import { LIVE, PAIRING, SEARCH, VIEW } from '../../web/explorer/queries';
import { EXAMPLES } from '../../web/playground/examples';
import { trustedDocuments } from '../../web/trusted-documents';
import { readmeExamples } from '../support/readme-examples';

const FILE = path.join(SCHEMA_DIR, 'trusted-documents.json');

describe('the trusted-documents manifest (schema/trusted-documents.json)', () => {
  it('is what `npm run trusted-documents` writes now (not stale)', () => {
    expect(JSON.parse(fs.readFileSync(FILE, 'utf8'))).toEqual(trustedDocuments(REPO_ROOT));
  });

  it("holds every operation of the explorer, the playground's examples and the README", () => {
    const trusted = loadTrustedDocuments(FILE);
    const ours = [
      ...[SEARCH, VIEW, PAIRING, LIVE].map(String),
      ...EXAMPLES.map((e) => e.query),
      ...readmeExamples().map((e) => e.query),
    ];
    expect(ours.filter((d) => !trusted.has(sha256(d)))).toEqual([]);
    expect(trusted.size).toBe(new Set(ours.map(sha256)).size);
  });

  it('refuses a manifest whose key is not its document’s hash', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'td-')), 'm.json');
    fs.writeFileSync(bad, JSON.stringify({ ['0'.repeat(64)]: '{ serverInfo { version } }' }));
    expect(() => loadTrustedDocuments(bad)).toThrow('does not hash to it');
  });
});
