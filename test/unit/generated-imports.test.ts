import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../../src/config/paths';

/*
 * The generated resolver types are the bottom of the GraphQL layer: every resolver module imports
 * them, so they must not import a resolver module back, directly or through anything else. Codegen
 * mappers point at model types (src/graphql/models.ts, src/store/…), never at resolvers/.
 */
const GENERATED = path.join(REPO_ROOT, 'src/graphql/__generated__/resolvers-types.ts');
const RESOLVERS = path.join(REPO_ROOT, 'src/graphql/resolvers') + path.sep;

/** The repository files a TypeScript file imports (type-only imports included), by relative specifier. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), fileName);
    const hit = [`${base}.ts`, path.join(base, 'index.ts'), base].find(
      (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
    );
    if (hit) out.push(hit);
  }
  return out;
}

/** Every file reachable from `root` through imports, with the chain that first reached it. */
function reachable(root: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[root, [root]]]);
  const queue = [root];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of importsOf(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

const rel = (f: string) => path.relative(REPO_ROOT, f);

describe('generated resolver types', () => {
  it('reach no resolver module through their imports (no cycle __generated__ ↔ resolvers/)', () => {
    const chains = reachable(GENERATED);
    const intoResolvers = [...chains.entries()]
      .filter(([f]) => f.startsWith(RESOLVERS))
      .map(([, chain]) => chain.map(rel).join(' → '));
    expect(intoResolvers).toEqual([]);
    // the walk itself works: the generated file's own imports are followed
    expect(chains.has(path.join(REPO_ROOT, 'src/graphql/context.ts'))).toBe(true);
  });

  it('take the codegen mappers from model modules, not from resolver modules', () => {
    const config = fs.readFileSync(path.join(REPO_ROOT, 'codegen.yml'), 'utf8');
    const intoResolvers = config.split('\n').filter((l) => /^\s+\w+: '[^']*\/resolvers\//.test(l));
    expect(intoResolvers).toEqual([]);
  });
});
