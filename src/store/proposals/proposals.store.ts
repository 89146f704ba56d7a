import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import type { Proposal, ProposedFact } from '../../ingest/proposal';
import type { Gateway } from '../gateway';
import { runMutation, type MutationOutcome } from '../writes/run-mutation';
import type { WriteMeta, WriteTx } from '../writes/write-tx';

/**
 * Proposals live apart from the published graph: one `(:Proposal)` node per report, holding the
 * proposal (JSON) and the review decisions (JSON), linked to nothing. No read of the graph's API
 * matches the label, so nothing proposed is visible until a fact is accepted — and accepting
 * writes it through the ledger's own write paths (see review-fact.ts).
 */

export type FactStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';

export interface Decision {
  status: 'ACCEPTED' | 'REJECTED';
  by: string;
  at: string;
  /** The record written on accept. */
  key?: string;
  label?: string;
  /** The fields the reviewer changed before accepting. */
  edits?: Record<string, unknown>;
  reason?: string;
}

export interface StoredProposal {
  id: string;
  createdAt: string;
  createdBy: string;
  /** The Source created when the first fact was accepted, else null. */
  sourceKey: string | null;
  proposal: Proposal;
  decisions: Record<string, Decision>;
}

export const statusOf = (p: StoredProposal, factId: string): FactStatus =>
  p.decisions[factId]?.status ?? 'PENDING';

/** Stores a new proposal (one write transaction, audited, idempotent under the caller's key). */
export function saveProposal(
  gw: Gateway,
  meta: WriteMeta,
  proposal: Proposal,
  idempotencyKey: string | null,
): Promise<MutationOutcome> {
  return runMutation(
    gw,
    meta,
    { operation: 'proposeReport', idempotencyKey, input: { source: proposal.source, text: proposal.text } },
    async (w) => {
      const id = `proposal:${randomUUID()}`;
      await w.run(
        'proposal.create',
        'CREATE (p:Proposal {id: $id, createdAt: datetime(), createdBy: $by, title: $title, sourceKey: null, proposal: $proposal, decisions: $decisions})',
        {
          id,
          by: meta.actor.subject,
          title: proposal.source.title,
          proposal: JSON.stringify(proposal),
          decisions: '{}',
        },
      );
      await w.audit({ label: 'Proposal', id }, null, {
        title: proposal.source.title,
        facts: proposal.facts.length,
      });
      return { label: 'Proposal', id };
    },
  );
}

const READ =
  'MATCH (p:Proposal {id: $id}) RETURN p.id AS id, toString(p.createdAt) AS createdAt, p.createdBy AS createdBy, p.sourceKey AS sourceKey, p.proposal AS proposal, p.decisions AS decisions';

const toStored = (r: Record<string, unknown>): StoredProposal => ({
  id: String(r.id),
  createdAt: String(r.createdAt),
  createdBy: String(r.createdBy),
  sourceKey: typeof r.sourceKey === 'string' ? r.sourceKey : null,
  proposal: JSON.parse(String(r.proposal)) as Proposal,
  decisions: JSON.parse(String(r.decisions)) as Record<string, Decision>,
});

/** A stored proposal; NOT_FOUND naming `argument` when there is none. */
export async function readProposal(gw: Gateway, id: string, argument = 'id'): Promise<StoredProposal> {
  const [row] = await gw.read('proposal.read', READ, { id });
  if (!row)
    throw new AppError('NOT_FOUND', `${argument}: no proposal has key ${JSON.stringify(id)}`, { argument });
  return toStored(row);
}

/** Proposals, newest first: key, title, creation and how many facts are still pending. */
export async function listProposals(gw: Gateway, first: number): Promise<StoredProposal[]> {
  const rows = await gw.read(
    'proposal.list',
    'MATCH (p:Proposal) WITH p ORDER BY p.createdAt DESC, p.id LIMIT $first ' +
      'RETURN p.id AS id, toString(p.createdAt) AS createdAt, p.createdBy AS createdBy, p.sourceKey AS sourceKey, p.proposal AS proposal, p.decisions AS decisions',
    { first },
  );
  return rows.map(toStored);
}

/** Locks a proposal inside a write transaction and reads it (a concurrent reviewer waits). */
export async function lockProposal(w: WriteTx, id: string): Promise<StoredProposal> {
  const rows = await w.run(
    'proposal.lock',
    `MATCH (p:Proposal {id: $id}) SET p.__lock = true REMOVE p.__lock WITH p ${READ.slice(READ.indexOf('RETURN'))}`,
    { id },
  );
  if (!rows.length)
    throw new AppError('NOT_FOUND', `proposalId: no proposal has key ${JSON.stringify(id)}`, {
      argument: 'proposalId',
    });
  return toStored(rows[0]);
}

/** Stores the decisions (and the source key) of a locked proposal. */
export async function storeDecisions(w: WriteTx, p: StoredProposal): Promise<void> {
  await w.run(
    'proposal.decide',
    'MATCH (p:Proposal {id: $id}) SET p.decisions = $decisions, p.sourceKey = $sourceKey',
    {
      id: p.id,
      decisions: JSON.stringify(p.decisions),
      sourceKey: p.sourceKey,
    },
  );
}

/** One fact of a proposal; NOT_FOUND naming factId when there is none. */
export function factOf(p: StoredProposal, factId: string): ProposedFact {
  const f = p.proposal.facts.find((x) => x.id === factId);
  if (!f)
    throw new AppError('NOT_FOUND', `factId: proposal ${p.id} has no fact ${JSON.stringify(factId)}`, {
      argument: 'factId',
    });
  return f;
}
