import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../config/config';
import { IMPORT_KIND_NAMES } from '../domain/validation/import-kinds';
import { whyNotNewStore } from '../store/import-tool/store-import';
import type { WithStore } from './with-store';
import { cliViewer, roleOption, type CliIdentity } from './cli-viewer';
import { exportGraph, type ExportFormat } from './export-command';
import { importCommand } from './import-command';
import { createProgress } from './progress';
import { signDevToken } from './token-command';

type ImportFlags = CliIdentity & {
  kind: string;
  dryRun: boolean;
  skipInvalid: boolean;
  batchSize: number;
  via: 'auto' | 'import' | 'transactions';
};

const batchSize = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 50_000)
    throw new InvalidArgumentError('expected an integer 1–50000');
  return Number(v);
};

const identity = (c: Command) =>
  c
    .option('--token <jwt>', 'act as the caller this token names (verified like the service does)')
    .addOption(new Option('--role <role>', 'act with this role when no token is given').argParser(roleOption))
    .option('--sub <name>', 'the name recorded in the audit log (default: cli:$USER)');

/** `bangfu token`, `bangfu import`, `bangfu export` (see docs/import-export.md). */
export function registerLedgerCommands(cli: Command, withStore: WithStore): void {
  cli
    .command('token')
    .description('print a development token signed with AUTH_JWT_SECRET (HS256)')
    .addOption(
      new Option('--role <role>', 'viewer | analyst | editor | admin')
        .argParser(roleOption)
        .makeOptionMandatory(),
    )
    .requiredOption('--sub <name>', 'the subject (who the token names)')
    .option(
      '--expires <duration>',
      'lifetime, e.g. 30m, 8h, 7d (default: 8h, or AUTH_TOKEN_MAX_LIFETIME if shorter; never longer)',
    )
    .action(async (o: { role: ReturnType<typeof roleOption>; sub: string; expires?: string }) => {
      process.stdout.write(`${await signDevToken(loadConfig().auth, o)}\n`);
    });

  identity(
    cli
      .command('import <file>')
      .description(
        'validate a .csv/.jsonl file of ledger rows (or a .json graph dump), then MERGE it on its keys',
      )
      .addOption(
        new Option('--kind <kind>', 'what the rows are')
          .choices([...IMPORT_KIND_NAMES])
          .makeOptionMandatory(),
      )
      .option('--dry-run', 'validate and report what would change; write nothing', false)
      .option('--skip-invalid', 'import the valid rows even when some are invalid', false)
      .option('--batch-size <n>', 'rows per write transaction', batchSize, 1_000)
      .addOption(
        new Option(
          '--via <path>',
          "graph dumps: import = Neo4j's offline importer (a new embedded store only); transactions = write " +
            'transactions; auto = the importer for a new embedded store, else transactions',
        )
          .choices(['auto', 'import', 'transactions'])
          .default('auto'),
      ),
  ).action(async (file: string, o: ImportFlags) => {
    const config = loadConfig();
    const notNew = whyNotNewStore(config.neo4j);
    if (o.via === 'import' && o.kind !== 'graph')
      throw new Error('--via import: only a graph dump (--kind graph) is written by the offline importer');
    if (o.via === 'import' && notNew) throw new Error(`--via import: ${notNew}`);
    const viewer = await cliViewer(o, config.auth, 'editor');
    const run = async (target: Parameters<typeof importCommand>[0]) => {
      const r = await importCommand(
        target,
        viewer,
        file,
        { ...o, piiSalt: config.piiSalt },
        process.stdout,
        createProgress(),
      );
      if (!r.ok) process.exitCode = 1;
    };
    if (o.kind === 'graph' && o.via !== 'transactions' && notNew === null && config.neo4j.mode === 'embedded')
      await run({
        storeDir: config.neo4j.storeDir,
        memory: config.neo4j.memory,
        log: (m) => process.stderr.write(`${m}\n`),
        // the importer wrote this version's files: the schema, without the repairs (MigrateOptions)
        withStore: (work) => withStore(({ gateway }) => work(gateway), { migrate: 'schema' }),
      });
    else await withStore(({ gateway }) => run(gateway));
  });

  identity(
    cli
      .command('export')
      .description('write the graph (or one area) as JSON, CSV or GraphML; personal fields follow the role')
      .addOption(
        new Option('--format <format>', 'output format').choices(['json', 'csv', 'graphml']).default('json'),
      )
      .option(
        '--area <key>',
        'only this administrative unit and what lies in it (an AdminUnit key, e.g. au:zhungeer)',
      )
      .option('--out <path>', 'file (json, graphml; default stdout) or directory (csv; default ./export)'),
  ).action((o: CliIdentity & { format: ExportFormat; area?: string; out?: string }) =>
    withStore(async ({ gateway }) => {
      const viewer = await cliViewer(o, loadConfig().auth, 'viewer');
      const s = await exportGraph(gateway, viewer, {
        format: o.format,
        area: o.area ?? null,
        out: o.out ?? null,
      });
      process.stderr.write(
        `exported ${s.nodes} nodes and ${s.rels} relationships as ${viewer.role} (personal data ${s.masked ? 'masked' : 'included'})\n`,
      );
    }),
  );
}
