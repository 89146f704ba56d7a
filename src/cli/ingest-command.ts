import { Command, InvalidArgumentError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { authorize, type Viewer } from '../domain/access-policy';
import { extractFigures } from '../ingest/figures';
import { normaliseReport } from '../ingest/normalise-report';
import { proposeReport } from '../ingest/propose-report';
import type { Proposal, ProposedFact, SourceInfo } from '../ingest/proposal';
import { loadConfig } from '../config/config';
import type { Gateway } from '../store/gateway';
import type { WithStore } from './with-store';
import { knownEntities } from '../store/proposals/known-entities';
import {
  readProposal,
  saveProposal,
  statusOf,
  type StoredProposal,
} from '../store/proposals/proposals.store';
import { acceptFact, rejectFact } from '../store/proposals/review-fact';
import type { WriteMeta } from '../store/writes/write-tx';
import { cliViewer, roleOption, type CliIdentity } from './cli-viewer';

export interface IngestOptions {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  format: 'text' | 'html' | 'auto';
  dryRun: boolean;
  json: boolean;
}

type Actor = Viewer & { anonymous: false };
const metaOf = (v: Actor, piiSalt: string): WriteMeta => ({
  actor: { subject: v.subject, role: v.role },
  requestId: `cli:${process.pid}`,
  piiSalt,
});

/**
 * `bangfu ingest FILE`: proposes the report's facts against the graph's entities and stores the
 * proposal for review (nothing of the published graph changes). Title and date default to the
 * file's name and the first full date written in the text (【发布时间】2013年04月16日).
 */
export async function ingestCommand(
  gw: Gateway,
  viewer: Actor,
  file: string,
  o: IngestOptions,
  piiSalt: string,
  out: NodeJS.WritableStream,
): Promise<{ proposal: Proposal; key: string | null }> {
  authorize(viewer, 'proposeReport');
  const input = fs.readFileSync(file, 'utf8');
  const known = await knownEntities(gw);
  const doc = normaliseReport(input, o.format);
  const firstDate = extractFigures(doc.text, doc.analysis).find((f) => f.kind === 'DATE')?.date ?? null;
  const proposal = proposeReport(input, sourceOf(file, o, firstDate), { format: o.format, known });
  let key: string | null = null;
  if (!o.dryRun) key = (await saveProposal(gw, metaOf(viewer, piiSalt), proposal, null)).result.id;
  if (o.json) out.write(`${JSON.stringify({ key, ...proposal }, null, 2)}\n`);
  else out.write(renderFacts(proposal, {}, key));
  return { proposal, key };
}

function sourceOf(file: string, o: IngestOptions, date: string | null): SourceInfo {
  const published = o.published ?? date;
  if (!published) throw new Error('--published YYYY-MM-DD is needed: the text gives no full date');
  return {
    title: o.title ?? path.basename(file).replace(/\.[^.]+$/, ''),
    publisher: o.publisher ?? null,
    published,
    url: o.url ?? null,
  };
}

/** One line per fact: id, status, kind, what it says, and the quote. */
export function renderFacts(p: Proposal, decisions: StoredProposal['decisions'], key: string | null): string {
  const lines = p.facts.map((f) => {
    const status = decisions[f.id]?.status ?? 'PENDING';
    return `${f.id.padEnd(5)} ${status.padEnd(8)} ${f.kind.padEnd(11)} ${summary(f)}\n      “${f.quote.text}” @${f.quote.start}`;
  });
  const counts = ['ENTITY', 'PAIRING', 'OBSERVATION'].map(
    (k) => `${p.facts.filter((f) => f.kind === k).length} ${k.toLowerCase()}`,
  );
  return `${key ? `proposal ${key}: ` : 'dry run (not stored): '}${p.facts.length} facts (${counts.join(', ')}), ${p.figures.length} figures, ${p.mentions.length} mentions\n${lines.join('\n')}\n${inexactLine(p)}`;
}

/** The numerals left out because their value cannot be held exactly, or nothing when there are none. */
function inexactLine(p: Proposal): string {
  const spans = p.inexact ?? [];
  if (spans.length === 0) return '';
  const shown = spans.map((sp) => `“${p.text.slice(sp.start, sp.end)}” @${sp.start}`).join(', ');
  return `not read (a value that cannot be held exactly, so no figure or fact): ${shown}\n`;
}

const ref = (r: { key?: string; fact?: string } | null) => (r === null ? '?' : (r.key ?? r.fact ?? '?'));

function summary(f: ProposedFact): string {
  switch (f.kind) {
    case 'ENTITY':
      return `${f.label} ${f.name}${f.unitKind ? ` (${f.unitKind})` : ''}${f.post ? ` post ${f.post}` : ''}${f.parent ? ` in ${ref(f.parent)}` : ''}`;
    case 'PAIRING':
      return `${ref(f.helper)} → ${ref(f.beneficiary)} ${f.pairingKind} level ${f.level ?? '?'} category ${f.category ?? '?'} from ${f.validFrom}`;
    case 'OBSERVATION':
      return `${f.comparator === 'EXACT' ? '' : `${f.comparator} `}${f.value} ${f.unit} ${f.computeKey ?? f.indicatorId}${Object.keys(f.dimensions).length ? ` ${JSON.stringify(f.dimensions)}` : ''} in ${ref(f.area)}`;
  }
}

/** `bangfu proposal show KEY`. */
export async function showProposal(
  gw: Gateway,
  viewer: Actor,
  key: string,
  out: NodeJS.WritableStream,
): Promise<void> {
  authorize(viewer, 'proposeReport');
  const p = await readProposal(gw, key, 'proposal');
  out.write(renderFacts(p.proposal, p.decisions, p.id));
}

/**
 * `bangfu proposal accept KEY FACT… [--edits JSON]` (or `--all`): accepts facts in order (new
 * entities first, so pairings and figures can refer to them); a fact that fails (needs an edit,
 * breaks a rule) is reported and left pending. Returns the number that failed.
 */
export async function acceptFacts(
  gw: Gateway,
  viewer: Actor,
  key: string,
  factIds: string[],
  o: { all: boolean; edits: Record<string, unknown> },
  piiSalt: string,
  out: NodeJS.WritableStream,
): Promise<number> {
  authorize(viewer, 'acceptProposedFact');
  const p = await readProposal(gw, key, 'proposal');
  const order = { ENTITY: 0, PAIRING: 1, OBSERVATION: 2 } as const;
  const ids = o.all
    ? p.proposal.facts
        .filter((f) => statusOf(p, f.id) === 'PENDING')
        .sort((a, b) => order[a.kind] - order[b.kind])
        .map((f) => f.id)
    : factIds;
  let failed = 0;
  for (const factId of ids) {
    try {
      const r = await acceptFact(gw, metaOf(viewer, piiSalt), {
        proposalId: key,
        factId,
        edits: o.all ? {} : o.edits,
        idempotencyKey: null,
      });
      out.write(`${factId} accepted → ${r.result.label} ${r.result.id}\n`);
    } catch (e) {
      failed++;
      out.write(`${factId} not accepted: ${(e as Error).message}\n`);
    }
  }
  return failed;
}

/** `bangfu proposal reject KEY FACT… [--reason TEXT]`. */
export async function rejectFacts(
  gw: Gateway,
  viewer: Actor,
  key: string,
  factIds: string[],
  reason: string | null,
  piiSalt: string,
  out: NodeJS.WritableStream,
): Promise<void> {
  authorize(viewer, 'rejectProposedFact');
  for (const factId of factIds) {
    await rejectFact(gw, metaOf(viewer, piiSalt), { proposalId: key, factId, reason, idempotencyKey: null });
    out.write(`${factId} rejected\n`);
  }
}

const identity = (c: Command) =>
  c
    .option('--token <jwt>', 'act as the caller this token names (verified like the service does)')
    .addOption(new Option('--role <role>', 'act with this role when no token is given').argParser(roleOption))
    .option('--sub <name>', 'the name recorded in the audit log (default: cli:$USER)');

const jsonObject = (v: string): Record<string, unknown> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    throw new InvalidArgumentError('expected a JSON object, e.g. {"level":"CITY"}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new InvalidArgumentError('expected a JSON object');
  return parsed as Record<string, unknown>;
};

/** `bangfu ingest FILE` and `bangfu proposal show|accept|reject` (see docs/ingest.md). */
export function registerIngestCommands(cli: Command, withStore: WithStore): void {
  identity(
    cli
      .command('ingest <file>')
      .description('propose the facts of a report (plain text or HTML, simplified or traditional) for review')
      .option('--title <text>', 'the report title (default: the file name)')
      .option('--publisher <text>', 'who published it')
      .option('--published <date>', 'publication date YYYY-MM-DD (default: the first full date in the text)')
      .option('--url <url>', 'where it was published')
      .addOption(
        new Option('--format <format>', 'input format').choices(['text', 'html', 'auto']).default('auto'),
      )
      .option('--dry-run', 'print the proposal; store nothing', false)
      .option('--json', 'print the whole proposal as JSON', false),
  ).action((file: string, o: CliIdentity & IngestOptions) =>
    withStore(async ({ gateway }) => {
      const config = loadConfig();
      const viewer = await cliViewer(o, config.auth, 'analyst');
      await ingestCommand(gateway, viewer, file, o, config.piiSalt, process.stdout);
    }),
  );

  const proposal = cli
    .command('proposal')
    .description('review a stored proposal: show, accept or reject its facts');
  identity(
    proposal.command('show <key>').description('list the facts of a proposal with their status and quotes'),
  ).action((key: string, o: CliIdentity) =>
    withStore(async ({ gateway }) => {
      const viewer = await cliViewer(o, loadConfig().auth, 'analyst');
      await showProposal(gateway, viewer, key, process.stdout);
    }),
  );
  identity(
    proposal
      .command('accept <key> [facts...]')
      .description('accept facts (written through the ledger write paths, cited with their quotes)')
      .option('--all', 'accept every pending fact (new entities first)', false)
      .option(
        '--edits <json>',
        'change fields before accepting (one fact), e.g. {"level":"CITY"}',
        jsonObject,
        {},
      ),
  ).action(
    (key: string, facts: string[], o: CliIdentity & { all: boolean; edits: Record<string, unknown> }) =>
      withStore(async ({ gateway }) => {
        const config = loadConfig();
        const viewer = await cliViewer(o, config.auth, 'analyst');
        if (!o.all && facts.length === 0) throw new Error('name the facts to accept, or pass --all');
        const failed = await acceptFacts(gateway, viewer, key, facts, o, config.piiSalt, process.stdout);
        if (failed) process.exitCode = 1;
      }),
  );
  identity(
    proposal
      .command('reject <key> <facts...>')
      .description('reject facts (they stay in the proposal, marked rejected)')
      .option('--reason <text>', 'why'),
  ).action((key: string, facts: string[], o: CliIdentity & { reason?: string }) =>
    withStore(async ({ gateway }) => {
      const config = loadConfig();
      const viewer = await cliViewer(o, config.auth, 'analyst');
      await rejectFacts(gateway, viewer, key, facts, o.reason ?? null, config.piiSalt, process.stdout);
    }),
  );
}
