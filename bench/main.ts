/**
 * `npm run bench` / `npm run bench:smoke`: ours vs the floor vs the peer, side by side, per scale.
 *
 *   npm run bench -- [--scales 1,10,100] [--iterations 40] [--warmup 5] [--seconds 8]
 *                    [--connections 32] [--ops nodeById,villagePage] [--no-docs]
 *   npx tsx bench/main.ts --render .data/bench-results/<run>.json   (docs from a saved run)
 *
 * Needs a built service (dist/main.js; the npm scripts build it). Stores are seeded once per
 * scale into .data/bench-s<N>/ and reused. Results go to .data/bench-results/; unless --no-docs,
 * the tables in docs/benchmarks.md and the chart docs/img/bench-p50.svg are regenerated.
 * Exit codes: 0 done, 1 failed, 3 the variants answered differently (nothing was timed).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../src/config/paths';
import { MismatchError } from './measure';
import { OPERATIONS } from './operations';
import { writeDocs } from './report';
import type { RunResult } from './results';
import { runScale } from './run-scale';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    iterations: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    ops: { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
    render: { type: 'string' },
  },
});

const int = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${v}`);
  return n;
};

const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** The commit the service was built from, and whether src/ or schema/ had uncommitted changes. */
function gitState(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'src', 'schema') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in src/ or schema/' : ''}`;
  } catch {
    return 'unknown';
  }
}

function versionOf(pkg: string): string {
  const file = path.join(REPO_ROOT, 'node_modules', pkg, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  if (values.render) {
    writeDocs(JSON.parse(fs.readFileSync(values.render, 'utf8')) as RunResult);
    log(`rendered ${values.render} into docs/benchmarks.md and docs/img/bench-p50.svg`);
    return;
  }
  const scales = values.scales.split(',').map((s) => int('scales', s, 1));
  const settings = {
    iterations: int('iterations', values.iterations, 1),
    warmup: int('warmup', values.warmup, 0),
    seconds: int('seconds', values.seconds, 0),
    connections: int('connections', values.connections, 1),
  };
  const wanted = values.ops?.split(',');
  const ops = wanted ? OPERATIONS.filter((o) => wanted.includes(o.name)) : OPERATIONS;
  if (ops.length === 0) throw new Error(`--ops names none of ${OPERATIONS.map((o) => o.name).join(', ')}`);
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'main.js')))
    throw new Error('dist/main.js is missing: run npm run build');

  const run: RunResult = {
    startedAt: new Date().toISOString(),
    settings,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      kernel: `${os.type()} ${os.release()}`,
    },
    versions: {
      'bangfu-graph commit': gitState(),
      node: process.versions.node,
      'bangfu-graph': versionOf('..'),
      '@neo4j/graphql': versionOf('@neo4j/graphql'),
      '@apollo/server': versionOf('@apollo/server'),
      graphql: versionOf('graphql'),
      'neo4j-driver': versionOf('neo4j-driver'),
      autocannon: versionOf('autocannon'),
    },
    scales: [],
  };
  const peerGaveUp = new Map<string, string>();
  for (const scale of scales) {
    const { result, neo4jVersion } = await runScale(scale, ops, settings, log, peerGaveUp);
    run.versions.neo4j = neo4jVersion;
    run.scales.push(result);
  }
  const dir = path.join(REPO_ROOT, '.data', 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${run.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  log(`results: ${path.relative(REPO_ROOT, file)}`);
  if (!values['no-docs']) {
    writeDocs(run);
    log('updated docs/benchmarks.md and docs/img/bench-p50.svg');
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    log(
      e instanceof MismatchError ? `MISMATCH — nothing timed: ${e.message}` : String((e as Error).stack ?? e),
    );
    process.exit(e instanceof MismatchError ? 3 : 1);
  },
);
