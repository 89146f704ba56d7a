import { Option, type Command } from 'commander';
import { loadConfig } from '../config/config';
import { LABELS } from '../domain/model';
import { seed } from '../seed/seed';
import { seedByImport } from '../seed/seed-import';
import type { Gateway } from '../store/gateway';
import { whyNotNewStore } from '../store/import-tool/store-import';
import type { WithStore } from './with-store';
import { createProgress } from './progress';

interface SeedFlags {
  scale: number;
  reset: boolean;
  reportedOnly: boolean;
  bulk: boolean;
  via: 'auto' | 'import' | 'transactions';
  batchSize?: number;
  parallel?: number;
}

/**
 * From this scale `auto` takes the offline importer. Below it the importer's fixed costs (a JVM of
 * its own, then building the indexes over the imported data) eat its speed: at scale 1 both paths
 * took 27.4–27.5 s of wall time on a quiet machine, at scale 10 the importer took 40 s against
 * 60–70 s (docs/benchmarks.md, "Offline import").
 */
export const IMPORT_MIN_SCALE = 10;

/**
 * `bangfu seed`. Three ways to write the same graph, the fastest the store allows:
 * - a new embedded store (Neo4j never ran on it, no NEO4J_URI), from IMPORT_MIN_SCALE: Neo4j's
 *   offline importer, then the store starts and builds its indexes;
 * - a store holding no graph node: transactions that CREATE (the bulk path of src/store/load.ts);
 * - otherwise: transactions that MERGE, so seeding again changes nothing.
 */
export function registerSeedCommand(
  cli: Command,
  positiveInt: (v: string) => number,
  withStore: WithStore,
): void {
  cli
    .command('seed')
    .description('load the report’s facts and the synthetic layer (idempotent)')
    .option('--scale <n>', 'multiply the synthetic network (1 = the report)', positiveInt, 1)
    .option('--reset', 'delete the whole graph first', false)
    .option('--reported-only', 'load only the REPORTED facts', false)
    .addOption(
      new Option(
        '--via <path>',
        `import: Neo4j's offline importer (a new embedded store only); transactions: write transactions; ` +
          `auto: the importer for a new embedded store from scale ${IMPORT_MIN_SCALE}, else transactions`,
      )
        .choices(['auto', 'import', 'transactions'])
        .default('auto'),
    )
    .option('--no-bulk', 'MERGE every record even into an empty store (with --via transactions)')
    .option('--batch-size <n>', 'rows per write transaction', positiveInt)
    .option('--parallel <n>', 'write transactions in flight at once', positiveInt)
    .action(async (o: SeedFlags) => {
      const cfg = loadConfig().neo4j;
      const log = (m: string) => process.stderr.write(`${m}\n`);
      const notNew = whyNotNewStore(cfg);
      if (o.via === 'import' && notNew) throw new Error(`--via import: ${notNew}`);
      const newStore = notNew === null;
      const offline =
        cfg.mode === 'embedded' &&
        (o.via === 'import' ||
          (o.via === 'auto' && newStore && o.bulk && !o.reset && o.scale >= IMPORT_MIN_SCALE));
      const t0 = performance.now();
      const progress = createProgress();
      const hooks = { onProgress: progress.tick, onPhase: progress.phase, onEstimate: progress.expect };
      if (offline) {
        const s = await seedByImport({ ...o, ...hooks, storeDir: cfg.storeDir, memory: cfg.memory, log });
        progress.stop();
        // the store's start finishes the import (the lists the importer cannot write), then applies
        // the schema; the repairs have nothing to repair in what this version wrote (MigrateOptions)
        await withStore(
          async ({ gateway }) => {
            const ms = performance.now() - t0;
            report(
              o.scale,
              `${s.nodes} node and ${s.rels} relationship records in ${(ms / 1000).toFixed(1)} s ` +
                `(${Math.round((s.nodes + s.rels) / (ms / 1000))} records/s, offline import into a new store: ` +
                `files ${(s.filesMs / 1000).toFixed(1)} s, import ${(s.importMs / 1000).toFixed(1)} s, ` +
                `start and indexes ${((ms - s.filesMs - s.importMs) / 1000).toFixed(1)} s)`,
              await labelCounts(gateway),
            );
          },
          { migrate: 'schema' },
        );
        return;
      }
      await withStore(async ({ gateway }) => {
        const s = await seed(gateway, { ...o, ...hooks });
        progress.stop();
        report(
          o.scale,
          `${s.nodes} node and ${s.rels} relationship records in ${(s.ms / 1000).toFixed(1)} s ` +
            `(${Math.round((s.nodes + s.rels) / (s.ms / 1000))} records/s, ${s.bulk ? 'bulk path: the store was empty' : 'MERGE path'})`,
          await labelCounts(gateway),
        );
      });
    });
}

function report(scale: number, summary: string, counts: { label: string; n: number }[]) {
  process.stdout.write(
    `seeded scale ${scale}: ${summary}\n` +
      counts.map((c) => `  ${String(c.label).padEnd(14)} ${c.n}`).join('\n') +
      '\n',
  );
}

/** One count per label, each from Neo4j's count store (a scan of scale 1000 takes minutes). */
async function labelCounts(gw: Gateway) {
  const counts = [];
  for (const label of [...LABELS].sort()) {
    const [{ n }] = await gw.read('cli.seed.count', `MATCH (n:${label}) RETURN count(n) AS n`);
    if (n !== 0) counts.push({ label, n: Number(n) });
  }
  return counts;
}
