/**
 * `bangfu import --kind graph` of a large file, timed as a user sees it (docs/benchmarks.md,
 * "Importing large files"): for each scale, a JSON Lines dump of the seed's records (the report and
 * the synthetic layer, written once to `.data/dump-s<N>.jsonl`), imported by the CLI into a new
 * data directory, from the command's start to its exit — reading and checking the file, loading
 * it, starting the store and building its indexes, and the audit entry. Beside it: the CLI's peak
 * RSS (/usr/bin/time), the store's size and the load averages.
 *
 *   npx tsx bench/import-throughput.ts --scales 10,100 [--via import,transactions] [--keep] [--cli PATH]
 *
 * `--via import`: Neo4j's offline importer (what `auto` takes for a new store); `--via
 * transactions`: the transactional bulk path (what a store that already holds a graph gets).
 * `--cli`: the `bin/bangfu.js` of another (built) checkout, e.g. a worktree of an older commit, to
 * time it side by side with this one. Rows are printed as a markdown table and appended to
 * `.data/import-throughput.jsonl`.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../src/config/paths';
import { reportedBatch } from '../src/seed/reported';
import { generateSyntheticBanners } from '../src/seed/synthetic';
import type { GraphBatch } from '../src/domain/records';
import { freePort } from '../test/support/processes';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '10,100' },
    via: { type: 'string', default: 'import,transactions' },
    keep: { type: 'boolean', default: false },
    // another checkout's CLI (built), to time an older import side by side with this one
    cli: { type: 'string', default: path.join(REPO_ROOT, 'bin', 'bangfu.js') },
  },
});
const DATA = path.join(REPO_ROOT, '.data');
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const du = (dir: string) => Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);

/** The seed's records at `scale` as a JSON Lines graph dump, written once and reused. */
async function dumpFile(scale: number): Promise<{ file: string; records: number }> {
  const file = path.join(DATA, `dump-s${scale}.jsonl`);
  const meta = `${file}.records`;
  if (fs.existsSync(file) && fs.existsSync(meta))
    return { file, records: Number(fs.readFileSync(meta, 'utf8')) };
  fs.mkdirSync(DATA, { recursive: true }); // a fresh clone has no .data yet
  const out = fs.createWriteStream(`${file}.part`);
  let records = 0;
  const write = async (b: GraphBatch) => {
    const text =
      b.nodes.map((node) => `${JSON.stringify({ node })}\n`).join('') +
      b.rels.map((rel) => `${JSON.stringify({ rel })}\n`).join('');
    records += b.nodes.length + b.rels.length;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  // nodes may come after the relationships that name them: the check reads the whole file first
  await write(reportedBatch());
  for (const banner of generateSyntheticBanners(scale)) await write(banner);
  await new Promise((resolve) => out.end(resolve));
  fs.renameSync(`${file}.part`, file);
  fs.writeFileSync(meta, String(records));
  return { file, records };
}

/** Runs the CLI under /usr/bin/time; resolves with its wall time, peak RSS and output. */
function timedImport(file: string, via: string, dataDir: string, port: number) {
  return new Promise<{ ms: number; peakRssKiB: number; out: string; err: string; code: number | null }>(
    (resolve) => {
      const t0 = performance.now();
      const child = spawn(
        '/usr/bin/time',
        [
          '-f',
          'peak-rss-kib %M',
          process.execPath,
          path.resolve(values.cli),
          'import',
          file,
          '--kind',
          'graph',
          '--role',
          'admin',
          '--via',
          via,
        ],
        { env: { ...process.env, BANGFU_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: String(port) } },
      );
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        err += d;
        for (const l of d.split('\n'))
          if (/^(offline import|embedded Neo4j)/.test(l)) process.stderr.write(`  ${l}\n`);
      });
      child.once('exit', (code) =>
        resolve({
          ms: performance.now() - t0,
          peakRssKiB: Number(/peak-rss-kib (\d+)/.exec(err)?.[1] ?? 0),
          out,
          err,
          code,
        }),
      );
    },
  );
}

async function measure(scale: number, via: string) {
  const { file, records } = await dumpFile(scale);
  const dataDir = path.join(DATA, `import-bench-s${scale}-${via}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const loadBefore = load();
  const r = await timedImport(file, via, dataDir, await freePort());
  if (r.code !== 0)
    throw new Error(`bangfu import failed (exit ${r.code}):\n${r.out}\n${r.err.slice(-3000)}`);
  const phases = /offline import: files ([\d.]+) s, importer ([\d.]+) s/.exec(r.err);
  const row = {
    scale,
    via,
    cli: path.relative(REPO_ROOT, path.resolve(values.cli)),
    records,
    fileMiB: Math.round(fs.statSync(file).size / 2 ** 20),
    seconds: Math.round(r.ms / 100) / 10,
    recordsPerSecond: Math.round((records * 1000) / r.ms),
    filesSeconds: phases ? Number(phases[1]) : null,
    importerSeconds: phases ? Number(phases[2]) : null,
    cliPeakRssMiB: Math.round(r.peakRssKiB / 1024),
    storeMiB: Math.round(du(path.join(dataDir, 'neo4j')) / 2 ** 20),
    loadBefore,
    loadAfter: load(),
    at: new Date().toISOString(),
  };
  if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  return row;
}

async function main() {
  const rows = [];
  for (const scale of values.scales.split(',').map(Number))
    for (const via of values.via.split(',')) {
      process.stderr.write(`scale ${scale}, --via ${via}, load ${load()}\n`);
      const row = await measure(scale, via);
      fs.appendFileSync(path.join(DATA, 'import-throughput.jsonl'), `${JSON.stringify(row)}\n`);
      rows.push(row);
    }
  process.stdout.write(
    '| when (UTC) | scale | records | file | via | seconds | records/s | files / importer (s) | CLI peak RSS | store on disk | load average before → after |\n' +
      '|---|---:|---:|---:|---|---:|---:|---|---:|---:|---|\n' +
      rows
        .map(
          (r) =>
            `| ${r.at.slice(5, 16).replace('T', ' ')} | ${r.scale} | ${r.records.toLocaleString('en')} | ${r.fileMiB} MiB | ${r.via} | ` +
            `${r.seconds} | ${r.recordsPerSecond.toLocaleString('en')} | ${r.filesSeconds ?? '—'} / ${r.importerSeconds ?? '—'} | ` +
            `${r.cliPeakRssMiB} MiB | ${r.storeMiB} MiB | ${r.loadBefore} → ${r.loadAfter} |`,
        )
        .join('\n') +
      '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
