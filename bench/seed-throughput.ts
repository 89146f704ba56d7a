/**
 * Seed throughput per scale (docs/benchmarks.md, "Seed throughput"): for each scale, a new empty
 * store in `.data/bench-s<N>/` (the bench's store cache: `bench/main.ts --scales N` then reuses
 * it), `bangfu seed`'s loader timed from the first write to the last, and beside it the memory
 * the embedded Neo4j chose, the store's size on disk and the load averages before and after.
 *
 *   npx tsx bench/seed-throughput.ts --scales 1,10,100 [--path import|transactions] [--no-bulk] [--batch-size N] [--parallel N] [--drop]
 *
 * `--path import` (the default, what `bangfu seed` does for a new store): Neo4j's offline importer,
 * timed by phase — generating the records and writing the importer's files, the importer (its JVM
 * included), starting Neo4j, migrating (building every constraint and index over the imported
 * data), and the empty-list fix-up (done by the launcher as the store starts, before it is ready;
 * the start column is without it) — with records/s for the importer alone and for the whole run,
 * from the first record generated to a store that answers with its indexes online.
 * `--path transactions`: the transactional loader (bulk CREATE, or MERGE with --no-bulk).
 *
 * Rows are printed as a markdown table and appended to `.data/seed-throughput.jsonl`.
 * --drop deletes each store after it is measured (scale 1000 takes ~10 GB).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../src/config/paths';
import { seed } from '../src/seed/seed';
import { seedByImport } from '../src/seed/seed-import';
import { lastFixupMs } from '../src/store/import-tool/fixup-plan';
import { createDriver } from '../src/store/driver';
import { startEmbeddedNeo4j } from '../src/store/embedded/embedded-neo4j';
import { Gateway } from '../src/store/gateway';
import { migrate } from '../src/store/migrations/migrations';
import { freePort } from '../test/support/processes';
import { storeDir, writeSeedMarker } from './stores';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    path: { type: 'string', default: 'import' },
    'no-bulk': { type: 'boolean', default: false },
    'batch-size': { type: 'string' },
    parallel: { type: 'string' },
    drop: { type: 'boolean', default: false },
  },
});
const scales = values.scales.split(',').map(Number);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
/** CPU seconds a process has used (user + system), from /proc: load-independent, unlike wall time. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}
const du = (dir: string) => Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);

async function measure(scale: number) {
  const dir = storeDir(scale);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let memory = '';
  const neo = await startEmbeddedNeo4j({
    storeDir: path.join(dir, 'neo4j'),
    boltPort: await freePort(),
    // a shared, loaded machine can take minutes to start a JVM
    readyTimeoutMs: 600_000,
    log: (m) => {
      if (m.startsWith('embedded Neo4j memory')) memory = m.replace('embedded Neo4j memory: ', '');
      process.stderr.write(`[neo4j s${scale}] ${m}\n`);
    },
  });
  const driver = createDriver({ uri: neo.uri });
  try {
    const gw = new Gateway(driver, 'neo4j');
    await migrate(gw);
    const loadBefore = load();
    const neoCpu0 = cpuSeconds(neo.pid);
    const nodeCpu0 = process.cpuUsage();
    let done = 0;
    let shown = Date.now();
    const s = await seed(gw, {
      scale,
      bulk: !values['no-bulk'],
      batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
      parallel: values.parallel ? Number(values.parallel) : undefined,
      onProgress: (n) => {
        done += n;
        if (Date.now() - shown > 10_000) {
          shown = Date.now();
          process.stderr.write(`  s${scale}: ${done} records, load ${load()}\n`);
        }
      },
    });
    const loadAfter = load();
    const neoCpu = cpuSeconds(neo.pid) - neoCpu0;
    const { user, system } = process.cpuUsage(nodeCpu0);
    const nodeCpu = (user + system) / 1e6;
    const records = s.nodes + s.rels;
    const row = {
      scale,
      bulk: s.bulk,
      batchSize: values['batch-size'] ?? 'default',
      parallel: values.parallel ?? 'default',
      nodes: s.nodes,
      rels: s.rels,
      seconds: Math.round(s.ms / 100) / 10,
      recordsPerSecond: Math.round((records * 1000) / s.ms),
      memory,
      // records per CPU second of Neo4j, and of this process (generation, serialisation)
      neo4jCpuSeconds: Math.round(neoCpu),
      nodeCpuSeconds: Math.round(nodeCpu),
      recordsPerNeo4jCpuSecond: Math.round(records / neoCpu),
      loadBefore,
      loadAfter,
      at: new Date().toISOString(),
    };
    writeSeedMarker(scale, s.nodes, s.rels, s.ms);
    return row;
  } finally {
    await driver.close();
    await neo.stop();
  }
}

async function measureImport(scale: number) {
  const dir = storeDir(scale);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const neoDir = path.join(dir, 'neo4j');
  const loadBefore = load();
  const t0 = performance.now();
  const s = await seedByImport({
    scale,
    storeDir: neoDir,
    log: (m) => process.stderr.write(`[import s${scale}] ${m}\n`),
  });
  const t1 = performance.now();
  let memory = '';
  const neo = await startEmbeddedNeo4j({
    storeDir: neoDir,
    boltPort: await freePort(),
    readyTimeoutMs: 600_000,
    log: (m) => {
      if (m.startsWith('embedded Neo4j memory')) memory = m.replace('embedded Neo4j memory: ', '');
      process.stderr.write(`[neo4j s${scale}] ${m}\n`);
    },
  });
  const t2 = performance.now();
  const driver = createDriver({ uri: neo.uri });
  try {
    const gw = new Gateway(driver, 'neo4j');
    await migrate(gw);
    const t3 = performance.now();
    // the launcher finishes the import as the store starts, before it reports ready
    const fixupMs = s.files.fixed.length ? (lastFixupMs(neoDir) ?? NaN) : 0;
    const records = s.nodes + s.rels;
    const importLog = fs.readFileSync(path.join(neoDir, 'logs', 'import.log'), 'utf8');
    const row = {
      scale,
      path: 'import',
      nodes: s.nodes,
      rels: s.rels,
      filesSeconds: secs(s.filesMs),
      importSeconds: secs(s.importMs),
      startSeconds: secs(t2 - t1 - fixupMs),
      migrateSeconds: secs(t3 - t2),
      fixupSeconds: secs(fixupMs),
      seconds: secs(t3 - t0),
      importRecordsPerSecond: Math.round((records * 1000) / s.importMs),
      recordsPerSecond: Math.round((records * 1000) / (t3 - t0)),
      importerPeakMemory: /Peak memory usage: (\S+)/.exec(importLog)?.[1] ?? '?',
      memory,
      loadBefore,
      loadAfter: load(),
      at: new Date().toISOString(),
    };
    writeSeedMarker(scale, s.nodes, s.rels, t3 - t0);
    return row;
  } finally {
    await driver.close();
    await neo.stop();
  }
}

const secs = (ms: number) => Math.round(ms / 100) / 10;

async function mainImport() {
  console.log(
    '| scale | nodes | relationships | files s | importer s (records/s) | start s | indexes s | fix-up s | total s | records/s, whole run | importer peak memory | Neo4j memory | store on disk | load before → after |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|');
  for (const scale of scales) {
    const r = await measureImport(scale);
    const disk = du(path.join(storeDir(scale), 'neo4j'));
    fs.appendFileSync(
      path.join(REPO_ROOT, '.data', 'seed-throughput.jsonl'),
      `${JSON.stringify({ ...r, storeBytes: disk })}\n`,
    );
    console.log(
      `| ${scale} | ${r.nodes} | ${r.rels} | ${r.filesSeconds} | ${r.importSeconds} (${r.importRecordsPerSecond}) | ` +
        `${r.startSeconds} | ${r.migrateSeconds} | ${r.fixupSeconds} | ${r.seconds} | ${r.recordsPerSecond} | ` +
        `${r.importerPeakMemory} | ${r.memory} | ${(disk / 1024 ** 3).toFixed(2)} GiB | ${r.loadBefore} → ${r.loadAfter} |`,
    );
    if (values.drop) fs.rmSync(storeDir(scale), { recursive: true, force: true });
  }
}

async function main() {
  if (values.path === 'import') return mainImport();
  if (values.path !== 'transactions')
    throw new Error(`--path must be import or transactions, got ${values.path}`);
  console.log(
    '| scale | nodes | relationships | path | seconds | records/s | Neo4j CPU s (records per CPU s) | node CPU s | Neo4j memory | store on disk | load before → after |',
  );
  console.log('|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---|');
  for (const scale of scales) {
    const r = await measure(scale);
    const disk = du(path.join(storeDir(scale), 'neo4j'));
    const full = { ...r, storeBytes: disk };
    fs.appendFileSync(path.join(REPO_ROOT, '.data', 'seed-throughput.jsonl'), `${JSON.stringify(full)}\n`);
    console.log(
      `| ${scale} | ${r.nodes} | ${r.rels} | ${r.bulk ? 'bulk' : 'MERGE'} (batch ${r.batchSize}, parallel ${r.parallel}) | ` +
        `${r.seconds} | ${r.recordsPerSecond} | ${r.neo4jCpuSeconds} (${r.recordsPerNeo4jCpuSecond}) | ${r.nodeCpuSeconds} | ${r.memory} | ${(disk / 1024 ** 3).toFixed(2)} GiB | ${r.loadBefore} → ${r.loadAfter} |`,
    );
    if (values.drop) fs.rmSync(storeDir(scale), { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
