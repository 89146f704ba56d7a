import { authorize, type Operation } from '../../domain/access-policy';
import { AppError } from '../../domain/errors';
import type { Category, Level, PairingKind } from '../../domain/model';
import { prepareEntity, type EntityLabel } from '../../domain/validation/entity-fields';
import { Issues } from '../../domain/validation/issues';
import type { EntityRef, ProposedFact } from '../../ingest/proposal';
import type { Gateway } from '../gateway';
import { addCitation } from '../writes/citations';
import { createEntity } from '../writes/entities';
import { createPairing } from '../writes/pairings';
import { runMutation, type MutationOutcome } from '../writes/run-mutation';
import type { NodeKey } from '../../domain/node-key';
import type { WriteMeta, WriteTx } from '../writes/write-tx';
import { factOf, lockProposal, statusOf, storeDecisions, type StoredProposal } from './proposals.store';
import { maskSpans } from '../writes/personal-text';
import { publishSource, recordObservation } from './provenance-writes';

/** Fields a reviewer may change before accepting, per kind of fact. */
export const EDITABLE = {
  ENTITY: ['name', 'unitKind', 'level', 'orgType', 'parent'],
  PAIRING: ['helper', 'beneficiary', 'level', 'category', 'pairingKind', 'validFrom'],
  OBSERVATION: [
    'value',
    'unit',
    'comparator',
    'indicatorId',
    'indicatorName',
    'computeKey',
    'area',
    'referenceDate',
    'dimensions',
  ],
} as const;

export interface AcceptRequest {
  proposalId: string;
  factId: string;
  /** Changed fields (see EDITABLE); references as `{ key }` or `{ fact }`. */
  edits: Record<string, unknown>;
  idempotencyKey: string | null;
}

/** The ledger operation whose role accepting `f` needs (an observation has none of its own). */
function writeOperationOf(f: ProposedFact): Operation {
  if (f.kind === 'PAIRING') return 'createPairing';
  if (f.kind === 'ENTITY' && f.label !== 'Student')
    return `create${f.label as Exclude<EntityLabel, 'Student'>}`;
  return 'acceptProposedFact';
}

/** The names the pipeline found as households' or students' (as written, and simplified). */
const personalMentions = (p: StoredProposal): string[] =>
  p.proposal.mentions
    .filter((m) => m.type === 'HOUSEHOLD' || m.type === 'STUDENT')
    .flatMap((m) => [m.text, m.name]);

/**
 * Accepts one proposed fact: in ONE write transaction (with the caller's idempotency key), the
 * reviewer's edits are applied, the fact is written through the ledger's write paths —
 * createEntity, createPairing (same validation and audit as the mutations) or recordObservation —
 * and cited with its verbatim quote through addCitation, against the report's Source (created on
 * the first accept). The decision is recorded in the proposal. Facts it refers to that are new
 * must be accepted first (BAD_USER_INPUT naming them).
 */
export function acceptFact(gw: Gateway, meta: WriteMeta, r: AcceptRequest): Promise<MutationOutcome> {
  return runMutation(
    gw,
    meta,
    { operation: 'acceptProposedFact', idempotencyKey: r.idempotencyKey, input: r },
    async (w) => {
      const p = await lockProposal(w, r.proposalId);
      const original = factOf(p, r.factId);
      const status = statusOf(p, r.factId);
      if (status !== 'PENDING')
        throw new AppError('CONFLICT', `factId: fact ${r.factId} is already ${status.toLowerCase()}`, {
          argument: 'factId',
        });
      const fact = withEdits(original, r.edits);
      // a review writes through the ledger's write paths, with their roles: an analyst may accept
      // a reported figure, while a new organization needs an editor and a new unit an admin
      authorize({ anonymous: false, ...meta.actor }, writeOperationOf(fact));
      const written = await writeFact(w, p, fact);
      // The published graph's Source and Citation quotes are read by every role: the personal data
      // in them is masked (same length, so offsets hold), after the fact is written, so that a
      // household it creates (under a reviewer's name too) counts; the proposal, read by analysts
      // only, keeps it verbatim.
      const known = personalMentions(p);
      const { sourceKey, personal, values } = await publishSource(w, p, known);
      p.sourceKey = sourceKey;
      await addCitation(w, {
        fact: written,
        sourceKey,
        quote: maskSpans(fact.quote.text, fact.quote.start, personal),
        charOffset: fact.quote.start,
        personal: values,
      });
      p.decisions[r.factId] = {
        status: 'ACCEPTED',
        by: meta.actor.subject,
        at: new Date().toISOString(),
        key: written.id,
        label: written.label,
        ...(Object.keys(r.edits).length ? { edits: r.edits } : {}),
      };
      await storeDecisions(w, p);
      await w.audit({ label: 'Proposal', id: p.id }, null, {
        factId: r.factId,
        decision: 'ACCEPTED',
        key: written.id,
      });
      return written;
    },
  );
}

/** Rejects one proposed fact: the fact stays in the proposal, marked rejected with the reason. */
export function rejectFact(
  gw: Gateway,
  meta: WriteMeta,
  r: { proposalId: string; factId: string; reason: string | null; idempotencyKey: string | null },
): Promise<MutationOutcome> {
  return runMutation(
    gw,
    meta,
    { operation: 'rejectProposedFact', idempotencyKey: r.idempotencyKey, input: r },
    async (w) => {
      const p = await lockProposal(w, r.proposalId);
      factOf(p, r.factId);
      const status = statusOf(p, r.factId);
      if (status !== 'PENDING')
        throw new AppError('CONFLICT', `factId: fact ${r.factId} is already ${status.toLowerCase()}`, {
          argument: 'factId',
        });
      p.decisions[r.factId] = {
        status: 'REJECTED',
        by: meta.actor.subject,
        at: new Date().toISOString(),
        ...(r.reason ? { reason: r.reason } : {}),
      };
      await storeDecisions(w, p);
      await w.audit({ label: 'Proposal', id: p.id }, null, {
        factId: r.factId,
        decision: 'REJECTED',
        reason: r.reason,
      });
      return { label: 'Proposal', id: p.id };
    },
  );
}

function withEdits(f: ProposedFact, edits: Record<string, unknown>): ProposedFact {
  const allowed: readonly string[] = EDITABLE[f.kind];
  const issues = new Issues('edits');
  for (const k of Object.keys(edits))
    if (!allowed.includes(k))
      issues.add(k, `cannot be edited on a ${f.kind} fact (editable: ${allowed.join(', ')})`);
  issues.throwIfAny();
  return { ...f, ...edits } as ProposedFact;
}

/** The store key of a reference: an existing entity, or the record an accepted fact wrote. */
function keyOfRef(p: StoredProposal, ref: EntityRef | null, field: string): string | null {
  if (ref === null) return null;
  if (typeof ref.key === 'string') return ref.key;
  const d = p.decisions[String(ref.fact)];
  if (d?.status === 'ACCEPTED' && d.key) return d.key;
  throw new AppError(
    'BAD_USER_INPUT',
    `${field}: refers to proposed fact ${ref.fact}, which is not accepted; accept it first or edit ${field} to an existing key`,
    {
      argument: `edits.${field}`,
    },
  );
}

const labelOfKey = (p: StoredProposal, key: string, fallback: NodeKey['label']): NodeKey['label'] => {
  for (const d of Object.values(p.decisions))
    if (d.key === key && d.label) return d.label as NodeKey['label'];
  const prefix = key.split(':')[0];
  return (
    (
      {
        au: 'AdminUnit',
        org: 'Organization',
        person: 'Person',
        ent: 'Enterprise',
        hh: 'Household',
      } as Record<string, NodeKey['label']>
    )[prefix] ?? fallback
  );
};

async function writeFact(w: WriteTx, p: StoredProposal, f: ProposedFact): Promise<NodeKey> {
  const issues = new Issues('edits');
  switch (f.kind) {
    case 'ENTITY': {
      if (f.label === 'Student') {
        // The ledger has no write that creates a student (students come from imports).
        issues.add(
          'fact',
          'a new student cannot be created from a report; link the pairing to an existing student (edits.beneficiary) or reject this fact',
        );
        issues.throwIfAny();
      }
      const label = f.label as EntityLabel;
      const parent = keyOfRef(p, f.parent, 'parent');
      const fields: Record<string, unknown> = { name: f.name };
      const refs: Record<string, string | null> = {};
      if (label === 'AdminUnit') {
        fields.kind = f.unitKind;
        if (parent) refs.parentId = parent;
      } else if (label === 'Organization' || label === 'Enterprise') {
        if (label === 'Organization') {
          fields.orgType = f.orgType ?? 'AGENCY';
          if (f.level) fields.level = f.level;
        }
        const unit = parent ?? keyOfRef(p, areaOf(p), 'parent');
        if (unit === null) {
          issues.add('parent', 'the report does not say where it is; set parent to an AdminUnit key');
          issues.throwIfAny();
        }
        refs.unitId = unit;
      } else if (parent) refs.unitId = parent;
      const prepared = prepareEntity(label, { key: null, fields, refs }, 'create', w.meta.piiSalt, issues);
      issues.throwIfAny();
      return createEntity(w, label, prepared);
    }
    case 'PAIRING': {
      const helper = keyOfRef(p, f.helper, 'helper');
      const beneficiary = keyOfRef(p, f.beneficiary, 'beneficiary');
      if (!f.level)
        issues.add(
          'level',
          'the text gives no level for this pairing; set it (REGION, CITY, BANNER, TOWNSHIP)',
        );
      if (!f.category) issues.add('category', 'the text gives no category; set it');
      issues.throwIfAny();
      return createPairing(w, {
        key: null,
        helper: { label: labelOfKey(p, String(helper), 'Organization'), id: String(helper) },
        beneficiary: { label: labelOfKey(p, String(beneficiary), 'AdminUnit'), id: String(beneficiary) },
        programmeKey: null,
        level: f.level as Level,
        category: f.category as Category,
        kind: f.pairingKind as PairingKind,
        mode: null,
        validFrom: f.validFrom,
        validTo: null,
      });
    }
    case 'OBSERVATION': {
      const area = keyOfRef(p, f.area, 'area');
      if (area === null) {
        issues.add('area', 'the report names no area for this figure; set it to an AdminUnit key');
        issues.throwIfAny();
      }
      return recordObservation(w, {
        value: f.value,
        unit: f.unit,
        comparator: f.comparator,
        indicatorId: f.indicatorId,
        indicatorName: f.indicatorName,
        computeKey: f.computeKey,
        areaKey: String(area),
        referenceDate: f.referenceDate,
        dimensions: f.dimensions,
      });
    }
  }
}

/** The report's main area (the area of its first observation), as a default place for new organisations. */
function areaOf(p: StoredProposal): EntityRef | null {
  for (const f of p.proposal.facts) if (f.kind === 'OBSERVATION' && f.area) return f.area;
  return null;
}
