import { BENEFICIARY_LABELS, HELPER_LABELS } from '../domain/model';
import type { EntityLabel } from '../domain/validation/entity-fields';
import { prepareEntity } from '../domain/validation/entity-fields';
import { Issues } from '../domain/validation/issues';
import type { CreatePairing } from '../store/writes/pairings';
import type {
  CreatePairingInput,
  RecordDisputeInput,
  RecordProjectInput,
  RecordTenureInput,
  RecordVisitInput,
} from './__generated__/resolvers-types';
import type { Context } from './context';
import { entityInput, keyOf } from './mutate';
import { fromGlobalIdOf } from './ids';

/** GraphQL inputs → the store writes' commands: global ids decoded (kind checked), fields checked. */

/** An entity input checked and normalised; BAD_USER_INPUT listing every problem. */
export function preparedEntity(label: EntityLabel, input: object, mode: 'create' | 'update', ctx: Context) {
  const issues = new Issues('input');
  const prepared = prepareEntity(
    label,
    entityInput(label, input as Record<string, unknown>),
    mode,
    ctx.access?.piiSalt ?? '',
    issues,
  );
  issues.throwIfAny();
  return prepared;
}

export const pairingCommand = (i: CreatePairingInput): CreatePairing => ({
  key: i.key ?? null,
  helper: fromGlobalIdOf(i.helperId, HELPER_LABELS, 'input.helperId'),
  beneficiary: fromGlobalIdOf(i.beneficiaryId, BENEFICIARY_LABELS, 'input.beneficiaryId'),
  programmeKey: i.programmeId == null ? null : keyOf(i.programmeId, ['Programme'], 'input.programmeId'),
  level: i.level,
  category: i.category,
  kind: i.kind,
  mode: i.mode ?? null,
  validFrom: i.validFrom,
  validTo: i.validTo ?? null,
});

export const projectCommand = (i: RecordProjectInput) => ({
  key: i.key ?? null,
  pairingKey: keyOf(i.pairingId, ['Pairing'], 'input.pairingId'),
  name: i.name,
  amountYuan: i.amountYuan,
  date: i.date,
  sector: i.sector ?? null,
});

export const visitCommand = (i: RecordVisitInput) => ({
  key: i.key ?? null,
  pairingKey: keyOf(i.pairingId, ['Pairing'], 'input.pairingId'),
  date: i.date,
  note: i.note ?? null,
});

export const disputeCommand = (i: RecordDisputeInput) => ({
  key: i.key ?? null,
  unitKey: keyOf(i.unitId, ['AdminUnit'], 'input.unitId'),
  name: i.name,
  foundOn: i.foundOn,
});

export const tenureCommand = (i: RecordTenureInput) => ({
  key: i.key ?? null,
  personKey: keyOf(i.personId, ['Person'], 'input.personId'),
  unitKey: keyOf(i.unitId, ['AdminUnit'], 'input.unitId'),
  post: i.post,
  validFrom: i.validFrom,
  validTo: i.validTo ?? null,
});
