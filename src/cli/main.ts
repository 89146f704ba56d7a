import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config/config';
import { LABELS } from '../domain/model';
import { migrate } from '../store/migrations/migrations';
import { openStore, type Store } from '../store/open-store';
import { seed } from '../seed/seed';
import { registerIngestCommands } from './ingest-command';
import { registerLedgerCommands } from './ledger-commands';
import { createProgress } from './progress';
import { verifyCommand } from './verify-command';

const positiveInt = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('expected an integer ≥ 1');
  return Number(v);
};

/**
 * Opens the configured store for one command and always closes it: NEO4J_URI, else the embedded
 * Neo4j the running service recorded under the data directory, else an embedded Neo4j of its own.
 */
async function withStore<T>(work: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig().neo4j, {
    log: (m) => process.stderr.write(`${m}\n`),
    reuseRunning: true,
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The `bangfu` operations CLI. */
export function buildCli(): Command {
  const cli = new Command('bangfu')
    .description('帮扶图谱 operations: schema migrations, seeding, verification')
    .showHelpAfterError()
    .exitOverride();

  cli
    .command('migrate')
    .description(
      'apply the Neo4j constraints and indexes and convert integer properties stored as FLOAT (idempotent; also run at every start)',
    )
    .action(() =>
      withStore(async ({ gateway }) => {
        const r = await migrate(gateway);
        process.stdout.write(
          `created ${r.created.length}: ${r.created.join(', ') || '—'}\nalready present ${r.existing.length}\n`,
        );
        const show = (xs: { label: string; prop: string; count: number }[]) =>
          xs.map((c) => `${c.label}.${c.prop} ${c.count}`).join(', ') || '—';
        process.stdout.write(
          `integer properties converted from FLOAT: ${show(r.integers.converted)}\n` +
            `left as FLOAT (not whole, or beyond ±(2^53 − 1)): ${show(r.integers.refused)}\n`,
        );
      }),
    );

  cli
    .command('seed')
    .description('load the report’s facts and the synthetic layer (idempotent)')
    .option('--scale <n>', 'multiply the synthetic network (1 = the report)', positiveInt, 1)
    .option('--reset', 'delete the whole graph first', false)
    .option('--reported-only', 'load only the REPORTED facts', false)
    .option('--no-bulk', 'MERGE every record even into an empty store (the bulk path CREATEs them)')
    .option('--batch-size <n>', 'rows per write transaction', positiveInt)
    .option('--parallel <n>', 'write transactions in flight at once', positiveInt)
    .action(
      (o: {
        scale: number;
        reset: boolean;
        reportedOnly: boolean;
        bulk: boolean;
        batchSize?: number;
        parallel?: number;
      }) =>
        withStore(async ({ gateway }) => {
          const progress = createProgress();
          const s = await seed(gateway, {
            ...o,
            onProgress: progress.tick,
            onPhase: progress.phase,
            onEstimate: progress.expect,
          });
          progress.stop();
          // one count per label, each from Neo4j's count store (a scan of scale 1000 takes minutes)
          const counts = [];
          for (const label of [...LABELS].sort()) {
            const [{ n }] = await gateway.read('cli.seed.count', `MATCH (n:${label}) RETURN count(n) AS n`);
            if (n !== 0) counts.push({ label, n });
          }
          process.stdout.write(
            `seeded scale ${o.scale}: ${s.nodes} node and ${s.rels} relationship records in ${(s.ms / 1000).toFixed(1)} s ` +
              `(${Math.round((s.nodes + s.rels) / (s.ms / 1000))} records/s, ${s.bulk ? 'bulk path: the store was empty' : 'MERGE path'})\n` +
              counts.map((c) => `  ${String(c.label).padEnd(14)} ${c.n}`).join('\n') +
              '\n',
          );
        }),
    );

  cli
    .command('verify')
    .description('recompute every reported figure from the graph; exit 1 on any mismatch')
    .action(() => withStore(async ({ gateway }) => void (await verifyCommand(gateway))));

  registerLedgerCommands(cli, withStore);
  registerIngestCommands(cli, withStore);

  return cli;
}

/** Entry point of bin/bangfu.js. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exit(0);
    if (typeof code === 'string' && code.startsWith('commander.')) process.exit(2);
    if (e instanceof ConfigError) {
      process.stderr.write(`bangfu: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`bangfu: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
