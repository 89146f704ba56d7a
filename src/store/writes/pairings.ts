import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import {
  OPEN_END,
  type Category,
  type Level,
  type PairingKind,
  type PairingMode,
  type UnitKind,
} from '../../domain/model';
import { checkDependentsWithin } from '../../domain/validation/dated-within';
import { checkDate, checkInterval } from '../../domain/validation/dates';
import { checkNodeRules } from '../../domain/validation/node-rules';
import { Issues } from '../../domain/validation/issues';
import { checkPairing, helperFacts } from '../../domain/validation/pairing-rules';
import { checkKey, checkText, MAX_TEXT } from '../../domain/validation/text';
import { setHelperKey } from '../derived-props';
import { toNeo4jProps } from '../values';
import type { NodeKey } from '../../domain/node-key';
import { checkedLabel, snapshot, type WriteTx } from './write-tx';

export interface CreatePairing {
  key: string | null;
  helper: NodeKey;
  beneficiary: NodeKey;
  programmeKey: string | null;
  level: Level;
  category: Category;
  kind: PairingKind;
  mode: PairingMode | null;
  validFrom: string;
  /** Exclusive end; null: open. */
  validTo: string | null;
}

/**
 * Creates a pairing (帮扶对子) after checking the dates, that helper, beneficiary and programme
 * exist, that the combination is a legal one (pairing-rules.ts), and that no pairing of the same
 * helper, beneficiary, kind and programme overlaps it in time. The helper is locked first, so two
 * concurrent creations for one helper run one after the other and the overlap check holds.
 */
export async function createPairing(w: WriteTx, c: CreatePairing): Promise<NodeKey> {
  const issues = new Issues('input');
  if (c.key !== null) checkKey(issues, 'key', c.key);
  checkInterval(issues, 'validFrom', c.validFrom, 'validTo', c.validTo);
  issues.throwIfAny();

  const helperRows = await w.run(
    'pairing.lockHelper',
    `MATCH (h:${checkedLabel(c.helper.label)} {id: $id}) SET h.__lock = true REMOVE h.__lock RETURN h {.*} AS h`,
    { id: c.helper.id },
  );
  if (!helperRows.length) throw notFound('helperId', c.helper);
  const beneficiary = await w.mustFind(c.beneficiary, 'input.beneficiaryId');
  if (c.programmeKey !== null)
    await w.mustFind({ label: 'Programme', id: c.programmeKey }, 'input.programmeId');
  checkPairing(issues, c, helperFacts(c.helper.label, helperRows[0].h as Record<string, unknown>), {
    label: c.beneficiary.label,
    unitKind: (beneficiary.kind as UnitKind | undefined) ?? null,
  });
  issues.throwIfAny();

  const validTo = c.validTo ?? OPEN_END;
  const overlap = await w.run(
    'pairing.overlap',
    `MATCH (h:${checkedLabel(c.helper.label)} {id: $helper})<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(:${checkedLabel(c.beneficiary.label)} {id: $beneficiary}) ` +
      'WHERE p.kind = $kind AND p.validFrom < $validTo AND $validFrom < p.validTo ' +
      "AND coalesce([(p)-[:UNDER]->(g:Programme) | g.id][0], '') = $programme RETURN p.id AS id ORDER BY id LIMIT 1",
    {
      helper: c.helper.id,
      beneficiary: c.beneficiary.id,
      kind: c.kind,
      programme: c.programmeKey ?? '',
      ...toNeo4jProps({ validFrom: c.validFrom, validTo }),
    },
  );
  if (overlap.length) {
    throw new AppError(
      'CONFLICT',
      `input: pairing ${String(overlap[0].id)} already pairs this helper and beneficiary (${c.kind}, same programme) in an overlapping period`,
      { argument: 'input', existingKey: overlap[0].id },
    );
  }

  const id = c.key ?? `pair:${randomUUID()}`;
  const ref: NodeKey = { label: 'Pairing', id };
  if (await w.find(ref))
    throw new AppError('CONFLICT', `input.key: a Pairing with key ${JSON.stringify(id)} already exists`, {
      argument: 'input.key',
    });
  const props = {
    level: c.level,
    category: c.category,
    kind: c.kind,
    ...(c.mode ? { mode: c.mode } : {}),
    validFrom: c.validFrom,
    validTo,
  };
  await w.run(
    'pairing.create',
    `MATCH (h:${checkedLabel(c.helper.label)} {id: $helper}) MATCH (b:${checkedLabel(c.beneficiary.label)} {id: $beneficiary}) ` +
      "CREATE (p:Pairing {id: $id}) SET p += $props, p.provenance = 'REPORTED', p.version = 1, " +
      'p.createdAt = datetime(), p.updatedAt = datetime() ' +
      `CREATE (p)-[:HELPER]->(h) CREATE (p)-[:BENEFICIARY]->(b) SET ${setHelperKey('p', 'h')} ` +
      'WITH p CALL (p) { MATCH (g:Programme {id: $programme}) CREATE (p)-[:UNDER]->(g) }',
    {
      id,
      helper: c.helper.id,
      beneficiary: c.beneficiary.id,
      programme: c.programmeKey,
      props: toNeo4jProps(props),
    },
  );
  const after = await w.find(ref);
  await w.audit(
    ref,
    null,
    snapshot(after ?? {}, {
      helperKey: c.helper.id,
      beneficiaryKey: c.beneficiary.id,
      programmeKey: c.programmeKey,
    }),
  );
  return ref;
}

export interface EndPairing {
  id: string;
  expectedVersion: number;
  /** The first day the pairing no longer holds (exclusive end). */
  validTo: string;
  reason: string;
}

/**
 * Ends a pairing: pairings are never deleted, they get a `validTo` (exclusive) and a reason, so
 * `activeOn` keeps answering for any day before the end. Ending an ended pairing is CONFLICT; an
 * end on or before the date of one of its projects or visits is BAD_USER_INPUT naming them (they
 * must lie within the pairing's validity).
 */
export async function endPairing(w: WriteTx, c: EndPairing): Promise<NodeKey> {
  const issues = new Issues('input');
  const reason = checkText(issues, 'reason', c.reason, MAX_TEXT);
  issues.throwIfAny();
  const ref: NodeKey = { label: 'Pairing', id: c.id };
  const before = await w.lockForUpdate(ref, c.expectedVersion);
  if (before.validTo !== OPEN_END) {
    throw new AppError('CONFLICT', `input.id: the pairing already ended on ${String(before.validTo)}`, {
      argument: 'input.id',
    });
  }
  checkDate(issues, 'validTo', c.validTo);
  if (issues.ok) checkNodeRules(issues, 'Pairing', { validFrom: before.validFrom, validTo: c.validTo });
  issues.throwIfAny();
  checkDependentsWithin(
    issues,
    'validTo',
    'pairing',
    String(before.validFrom),
    c.validTo,
    await w.datedWithin(ref),
  );
  issues.throwIfAny();
  await w.run(
    'pairing.end',
    'MATCH (p:Pairing {id: $id}) SET p.validTo = $validTo, p.endReason = $reason, p.version = $version, p.updatedAt = datetime()',
    { id: c.id, reason, version: c.expectedVersion + 1, ...toNeo4jProps({ validTo: c.validTo }) },
  );
  const after = await w.find(ref);
  await w.audit(ref, snapshot(before), snapshot(after ?? {}));
  return ref;
}

const notFound = (field: string, ref: NodeKey) =>
  new AppError('NOT_FOUND', `input.${field}: no ${ref.label} has key ${JSON.stringify(ref.id)}`, {
    argument: `input.${field}`,
  });
