import fs from 'node:fs';
import path from 'node:path';
import { LIVE, PAIRING, SEARCH, VIEW } from './explorer/queries';
import { EXAMPLES } from './playground/examples';
import { sha256 } from '../src/server/trusted-documents';

/** The README's example operations (each ```graphql block after an `<!-- example: … -->` marker). */
function readmeOperations(readme: string): string[] {
  const parts = fs
    .readFileSync(readme, 'utf8')
    .split(/<!-- example: [\w-]+ -->/)
    .slice(1);
  return parts.map((p) => /```graphql\n([\s\S]*?)```/.exec(p)?.[1]).filter((q): q is string => !!q);
}

/**
 * The trusted-documents manifest: every operation our own front ends send — the explorer's, the
 * playground's examples, the README's — keyed by the sha256 of its exact text. With
 * TRUSTED_DOCUMENTS=on the service runs only these (docs/clients.md).
 */
export function trustedDocuments(root: string): Record<string, string> {
  const docs = [
    ...[SEARCH, VIEW, PAIRING, LIVE].map(String),
    ...EXAMPLES.map((e) => e.query),
    ...readmeOperations(path.join(root, 'README.md')),
  ];
  return Object.fromEntries(docs.map((d) => [sha256(d), d] as const).sort(([a], [b]) => a.localeCompare(b)));
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const file = path.join(root, 'schema', 'trusted-documents.json');
  fs.writeFileSync(file, `${JSON.stringify(trustedDocuments(root), null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
