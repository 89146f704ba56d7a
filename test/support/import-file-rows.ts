import fs from 'node:fs';
import path from 'node:path';
import type { ImportFileSet } from '../../src/store/import-tool/import-files';

/**
 * Every data row of an import file set, each with its file's labels or type and header, sorted: two
 * sets that write the same records compare equal however their files are cut. A temporary label
 * (named per writer) is replaced by what the fix-up sets on its nodes.
 */
export function importFileRows(set: ImportFileSet): string[] {
  const fixes = new Map(set.fixed.map((f) => [f.label, `fix${JSON.stringify(f.props)}`]));
  const out: string[] = [];
  for (const { file, kind } of [
    ...set.nodes.map((n) => ({ file: n.file, kind: n.labels.map((l) => fixes.get(l) ?? l).join(':') })),
    ...set.relationships.map((r) => ({ file: r.file, kind: r.type })),
  ]) {
    const [header, ...lines] = fs.readFileSync(path.resolve(set.dir, file), 'utf8').trimEnd().split('\n');
    for (const line of lines) out.push(`${kind}|${header}|${line}`);
  }
  return out.sort();
}
