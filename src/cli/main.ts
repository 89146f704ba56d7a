import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config/config';
import { migrate } from '../store/migrations/migrations';
import { openStore } from '../store/open-store';
import { registerIngestCommands } from './ingest-command';
import { registerLedgerCommands } from './ledger-commands';
import { registerSeedCommand } from './seed-command';
import { verifyCommand } from './verify-command';
import type { WithStore } from './with-store';

const positiveInt = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('expected an integer ≥ 1');
  return Number(v);
};

/**
 * Opens the configured store for one command and always closes it: NEO4J_URI, else the embedded
 * Neo4j the running service recorded under the data directory, else an embedded Neo4j of its own.
 */
const withStore: WithStore = async (work, o = {}) => {
  const store = await openStore(loadConfig().neo4j, {
    log: (m) => process.stderr.write(`${m}\n`),
    reuseRunning: true,
    ...o,
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

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

  registerSeedCommand(cli, positiveInt, withStore);

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
