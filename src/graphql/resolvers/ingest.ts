import { authorize, type Operation } from '../../domain/access-policy';
import { badInput } from '../../domain/errors';
import { proposeReport } from '../../ingest/propose-report';
import { knownEntities } from '../../store/proposals/known-entities';
import { listProposals, readProposal, saveProposal, statusOf } from '../../store/proposals/proposals.store';
import { acceptFact, rejectFact } from '../../store/proposals/review-fact';
import { checkIdempotencyKey } from '../../store/writes/run-mutation';
import type { WriteMeta } from '../../store/writes/write-tx';
import type { Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { viewerOf } from '../mutate';

/** Longest report text accepted, in characters (a long feature article is ≈ 20,000). */
export const MAX_REPORT_TEXT = 200_000;

/** Checks the caller's role and idempotency key; the write's metadata. */
function writeMeta(
  ctx: Context,
  op: Operation,
  key: string | null | undefined,
): { meta: WriteMeta; key: string | null } {
  const viewer = viewerOf(ctx);
  authorize(viewer, op);
  if (viewer.anonymous) throw new Error('unreachable: authorize lets no anonymous write through');
  if (key != null) checkIdempotencyKey(key, 'idempotencyKey');
  return {
    meta: {
      actor: { subject: viewer.subject, role: viewer.role },
      requestId: ctx.requestId,
      piiSalt: ctx.access?.piiSalt ?? '',
    },
    key: key ?? null,
  };
}

/** Resolvers of schema/ingest.graphql: thin; the pipeline is src/ingest, persistence src/store/proposals. */
export const ingestResolvers: Resolvers = {
  Query: {
    proposals: (_r, { first }, ctx) => {
      authorize(viewerOf(ctx), 'readProposals');
      const n = first ?? 20;
      if (!Number.isInteger(n) || n < 1 || n > 100)
        throw badInput(`first must be between 1 and 100, got ${n}`, { argument: 'first' });
      return listProposals(ctx.gateway, n);
    },
    proposal: async (_r, { key }, ctx) => {
      authorize(viewerOf(ctx), 'readProposals');
      try {
        return await readProposal(ctx.gateway, key, 'key');
      } catch (e) {
        if ((e as { code?: string }).code === 'NOT_FOUND') return null;
        throw e;
      }
    },
  },
  Mutation: {
    proposeReport: async (_r, args, ctx) => {
      const { meta, key } = writeMeta(ctx, 'proposeReport', args.idempotencyKey);
      if (args.text.length > MAX_REPORT_TEXT)
        throw badInput(`text must be at most ${MAX_REPORT_TEXT} characters, got ${args.text.length}`, {
          argument: 'text',
        });
      if (args.text.trim() === '') throw badInput('text must not be empty', { argument: 'text' });
      if (args.source.title.trim() === '')
        throw badInput('source.title must not be empty', { argument: 'source.title' });
      const known = await knownEntities(ctx.gateway);
      const proposal = proposeReport(
        args.text,
        {
          title: args.source.title,
          publisher: args.source.publisher ?? null,
          published: args.source.published,
          url: args.source.url ?? null,
        },
        { format: (args.format ?? 'AUTO').toLowerCase() as 'text' | 'html' | 'auto', known },
      );
      const out = await saveProposal(ctx.gateway, meta, proposal, key);
      return readProposal(ctx.gateway, out.result.id);
    },
    acceptProposedFact: async (_r, args, ctx) => {
      const { meta, key } = writeMeta(ctx, 'acceptProposedFact', args.idempotencyKey);
      const out = await acceptFact(ctx.gateway, meta, {
        proposalId: args.proposalKey,
        factId: args.factId,
        edits: args.edits ?? {},
        idempotencyKey: key,
      });
      return {
        proposal: await readProposal(ctx.gateway, args.proposalKey, 'proposalKey'),
        writtenLabel: out.result.label,
        writtenKey: out.result.id,
        replayed: out.replayed,
      };
    },
    rejectProposedFact: async (_r, args, ctx) => {
      const { meta, key } = writeMeta(ctx, 'rejectProposedFact', args.idempotencyKey);
      await rejectFact(ctx.gateway, meta, {
        proposalId: args.proposalKey,
        factId: args.factId,
        reason: args.reason ?? null,
        idempotencyKey: key,
      });
      return readProposal(ctx.gateway, args.proposalKey, 'proposalKey');
    },
  },
  ReportProposal: {
    key: (p) => p.id,
    title: (p) => p.proposal.source.title,
    source: (p) => ({ ...p.proposal.source }),
    text: (p) => p.proposal.text,
    traditional: (p) => p.proposal.traditional,
    facts: (p) => p.proposal.facts.map((fact) => ({ fact, proposal: p })),
    pendingCount: (p) => p.proposal.facts.filter((f) => statusOf(p, f.id) === 'PENDING').length,
    figures: (p) => p.proposal.figures.map((f) => ({ ...f })),
    inexactNumbers: (p) =>
      (p.proposal.inexact ?? []).map(({ start, end }) => ({
        text: p.proposal.text.slice(start, end),
        start,
        end,
      })),
  },
  ProposedFact: {
    id: (m) => m.fact.id,
    kind: (m) => m.fact.kind,
    status: (m) => statusOf(m.proposal, m.fact.id),
    quote: (m) => m.fact.quote,
    evidence: (m) => m.fact.evidence,
    fields: (m) => {
      const { id: _id, kind: _kind, quote: _quote, evidence: _evidence, ...fields } = m.fact;
      return fields;
    },
    writtenKey: (m) => m.proposal.decisions[m.fact.id]?.key ?? null,
    review: (m) => {
      const d = m.proposal.decisions[m.fact.id];
      return d ? { ...d } : null;
    },
  },
};
