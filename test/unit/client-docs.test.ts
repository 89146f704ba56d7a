import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/paths';

/** Each `<!-- file: PATH -->` marker of docs/clients.md and the code block right after it. */
function shownFiles(): { file: string; shown: string }[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'clients.md'), 'utf8');
  return [...text.matchAll(/<!-- file: ([\w./-]+) -->\n```ts\n([\s\S]*?)```/g)].map((m) => ({
    file: m[1],
    shown: m[2],
  }));
}

describe('docs/clients.md shows the client setups the integration test runs', () => {
  it('shows the Apollo Client and the urql setup', () => {
    expect(shownFiles().map((f) => f.file)).toEqual([
      'docs/clients/apollo-client.ts',
      'docs/clients/urql-client.ts',
    ]);
  });

  it.each(shownFiles().map((f) => [f.file, f.shown] as const))('%s is shown verbatim', (file, shown) => {
    expect(shown).toBe(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  });
});
