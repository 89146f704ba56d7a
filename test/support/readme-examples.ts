import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/paths';

export interface ReadmeExample {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * The example operations of README.md: each `<!-- example: NAME -->` marker, the ```graphql block
 * after it, and an optional ```json block of variables before the next marker.
 */
export function readmeExamples(file = path.join(REPO_ROOT, 'README.md')): ReadmeExample[] {
  const text = fs.readFileSync(file, 'utf8');
  const parts = text.split(/<!-- example: ([\w-]+) -->/).slice(1);
  const out: ReadmeExample[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const body = parts[i + 1];
    const query = /```graphql\n([\s\S]*?)```/.exec(body)?.[1];
    if (!query) throw new Error(`README example ${parts[i]} has no graphql block`);
    const json = /```json\n([\s\S]*?)```/.exec(body)?.[1];
    out.push({ name: parts[i], query, variables: json ? JSON.parse(json) : undefined });
  }
  return out;
}
