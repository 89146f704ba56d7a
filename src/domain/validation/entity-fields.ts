import { createHmac } from 'node:crypto';
import {
  DESIGNATIONS,
  LEVELS,
  ORG_TYPES,
  PERSON_ROLES,
  PROGRAMME_SCOPES,
  RANKS,
  UNIT_KINDS,
  type Label,
} from '../model';
import type { PropValue } from '../records';
import { isPersonalLabel } from '../access-policy';
import { checkDate } from './dates';
import { checkAmount } from './entity-rules';
import { checkIdNumber, checkPhone } from './identity';
import type { Issues } from './issues';
import { checkAliases, checkKey, checkNotMasked, checkText, MAX_TEXT } from './text';
import { checkWhole, WHOLE } from './whole-numbers';

/** Entities the ledger creates and updates (not pairings and activities, which have their own writes). */
export const ENTITY_LABELS = [
  'AdminUnit',
  'Organization',
  'Person',
  'Enterprise',
  'Household',
  'Programme',
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** How one input field is checked and stored. */
export type FieldType =
  | { t: 'name' }
  | { t: 'aliases' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'enumList'; values: readonly string[] }
  | { t: 'date' }
  | { t: 'members' }
  | { t: 'phone' }
  | { t: 'idNumber' }
  | { t: 'boolean' }
  /** Free text (reasons, notes), up to MAX_TEXT characters. */
  | { t: 'text' }
  /** Whole yuan ≥ 0, at most MAX_AMOUNT_YUAN. */
  | { t: 'amount' };

export interface FieldSpec {
  type: FieldType;
  /** The stored property, when it differs from the input field's name. */
  prop?: string;
  required?: boolean;
  /**
   * The stored property that no two records of the label may share (a uniqueness constraint in
   * the migrations backs it): a household's ID number, by its salted hash.
   */
  unique?: string;
}

/** A reference to another record: stored as an outgoing relationship to a node of `to`. */
export interface RefSpec {
  rel: 'LOCATED_IN' | 'PART_OF' | 'MEMBER_OF';
  to: Label;
  required?: boolean;
}

export interface EntitySpec {
  /** Prefix of generated keys, e.g. `hh:` + a UUID. */
  keyPrefix: string;
  fields: Readonly<Record<string, FieldSpec>>;
  refs: Readonly<Record<string, RefSpec>>;
}

const name: FieldSpec = { type: { t: 'name' }, required: true };
const aliases: FieldSpec = { type: { t: 'aliases' } };
const unit = (required = false): RefSpec => ({ rel: 'LOCATED_IN', to: 'AdminUnit', required });

/**
 * The fields of each entity as the API's inputs and the import files name them, and the stored
 * property each becomes (seeds/ and src/seed store Organization.orgType as `type` and
 * Household.memberCount as `members`). References end in `Id` in the API (a global id) and in
 * `Key` in import files (a store key).
 */
export const ENTITY_SPECS: Readonly<Record<EntityLabel, EntitySpec>> = {
  AdminUnit: {
    keyPrefix: 'au',
    fields: {
      name,
      aliases,
      kind: { type: { t: 'enum', values: UNIT_KINDS }, required: true },
      designations: { type: { t: 'enumList', values: DESIGNATIONS } },
    },
    refs: { parentId: { rel: 'LOCATED_IN', to: 'AdminUnit' } },
  },
  Organization: {
    keyPrefix: 'org',
    fields: {
      name,
      aliases,
      orgType: { type: { t: 'enum', values: ORG_TYPES }, prop: 'type', required: true },
      level: { type: { t: 'enum', values: LEVELS } },
    },
    refs: { unitId: unit(true), partOfId: { rel: 'PART_OF', to: 'Organization' } },
  },
  Person: {
    keyPrefix: 'person',
    fields: {
      name,
      aliases,
      rank: { type: { t: 'enum', values: RANKS } },
      roles: { type: { t: 'enumList', values: PERSON_ROLES } },
    },
    refs: { unitId: unit(), memberOfId: { rel: 'MEMBER_OF', to: 'Organization' } },
  },
  Enterprise: { keyPrefix: 'ent', fields: { name, aliases }, refs: { unitId: unit(true) } },
  Household: {
    keyPrefix: 'hh',
    fields: {
      name,
      memberCount: { type: { t: 'members' }, prop: 'members' },
      phone: { type: { t: 'phone' } },
      idNumber: { type: { t: 'idNumber' }, unique: 'idNumberHash' },
      registeredPoor: { type: { t: 'boolean' } },
    },
    refs: { unitId: unit(true) },
  },
  Programme: {
    keyPrefix: 'prog',
    fields: {
      name,
      aliases,
      scope: { type: { t: 'enum', values: PROGRAMME_SCOPES }, required: true },
      validFrom: { type: { t: 'date' } },
      validTo: { type: { t: 'date' } },
    },
    refs: { partOfId: { rel: 'PART_OF', to: 'Programme' } },
  },
};

/** The unique fields of a label's fields: input field → the stored property that is unique. */
export const uniqueProps = (fields: Readonly<Record<string, FieldSpec>>): [string, string][] =>
  Object.entries(fields).flatMap(([field, f]) => (f.unique ? [[field, f.unique] as [string, string]] : []));

/** A ledger entity's input with references already turned into store keys. */
export interface EntityInput {
  key?: string | null;
  fields: Readonly<Record<string, unknown>>;
  /** Reference field → store key (null: remove the reference). Absent: unchanged. */
  refs: Readonly<Record<string, string | null>>;
}

/** What a write stores: properties (null removes one) and references. */
export interface PreparedEntity {
  key: string | null;
  props: Record<string, PropValue | null>;
  refs: Record<string, string | null>;
}

/**
 * Checks and normalises an entity input field by field: required fields on create, types, enum
 * values, text lengths, dates, ID numbers and phones. ID numbers become a salted hash
 * (`idNumberHash`, HMAC-SHA256 with PII_HASH_SALT) and their last four characters
 * (`idNumberLast4`); the number itself is never stored. Rules that need other records (a parent's
 * kind) are checked by the write, which reads them.
 */
export function prepareEntity(
  label: EntityLabel,
  input: EntityInput,
  mode: 'create' | 'update',
  piiSalt: string,
  issues: Issues,
): PreparedEntity {
  const spec = ENTITY_SPECS[label];
  const props: Record<string, PropValue | null> = {};
  if (input.key != null) checkKey(issues, 'key', input.key);
  for (const [field, f] of Object.entries(spec.fields)) {
    const v = input.fields[field];
    if (v === undefined || (v === null && mode === 'create')) {
      if (mode === 'create' && f.required) issues.add(field, 'is required');
      continue;
    }
    if (v === null) {
      if (f.required) issues.add(field, 'cannot be removed');
      else if (f.type.t === 'idNumber') Object.assign(props, { idNumberHash: null, idNumberLast4: null });
      else props[f.prop ?? field] = null;
      continue;
    }
    Object.assign(props, storedValue(issues, field, f, v, piiSalt));
  }
  if (isPersonalLabel(label)) {
    checkNotMasked(issues, 'name', props.name);
    if (Array.isArray(props.aliases))
      props.aliases.forEach((a, i) => checkNotMasked(issues, `aliases[${i}]`, a));
  }
  if (props.aliases !== undefined)
    props.aliasText = Array.isArray(props.aliases) ? props.aliases.join(' ') : null;
  const refs: Record<string, string | null> = {};
  for (const [field, r] of Object.entries(spec.refs)) {
    const v = input.refs[field];
    if (v === undefined) {
      if (mode === 'create' && r.required) issues.add(field, 'is required');
      continue;
    }
    if (v === null && r.required) issues.add(field, 'cannot be removed');
    refs[field] = v;
  }
  return { key: input.key ?? null, props, refs };
}

/** Checks and converts one field's value into the stored properties it becomes. */
export function storedValue(
  issues: Issues,
  field: string,
  f: FieldSpec,
  v: unknown,
  salt: string,
): Record<string, PropValue> {
  const prop = f.prop ?? field;
  const bad = (what: string) => {
    issues.add(field, `must be ${what}, got ${JSON.stringify(v)}`);
    return {};
  };
  switch (f.type.t) {
    case 'name':
      return typeof v === 'string' ? { [prop]: checkText(issues, field, v) } : bad('text');
    case 'aliases':
      return Array.isArray(v) && v.every((a) => typeof a === 'string')
        ? { [prop]: checkAliases(issues, field, v) }
        : bad('a list of names');
    case 'enum':
      return typeof v === 'string' && f.type.values.includes(v)
        ? { [prop]: v }
        : bad(`one of ${f.type.values.join(', ')}`);
    case 'enumList': {
      const values = f.type.values;
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && values.includes(x)))
        return bad(`a list of ${values.join(', ')}`);
      return { [prop]: [...new Set(v as string[])] };
    }
    case 'date':
      if (typeof v !== 'string') return bad('a date YYYY-MM-DD');
      checkDate(issues, field, v);
      return { [prop]: v };
    case 'members':
      return checkWhole(issues, field, v, WHOLE.members) ? { [prop]: v as number } : {};
    case 'phone':
      return typeof v === 'string' ? { [prop]: checkPhone(issues, field, v) } : bad('a phone number');
    case 'idNumber': {
      if (typeof v !== 'string') return bad('an ID number');
      const n = checkIdNumber(issues, field, v);
      return { idNumberHash: hashIdNumber(salt, n), idNumberLast4: n.slice(-4) };
    }
    case 'boolean':
      return typeof v === 'boolean' ? { [prop]: v } : bad('true or false');
    case 'text':
      return typeof v === 'string' ? { [prop]: checkText(issues, field, v, MAX_TEXT) } : bad('text');
    case 'amount':
      checkAmount(issues, field, v);
      return { [prop]: v as number };
  }
}

/** The stored form of an ID number: HMAC-SHA256 under the deployment's salt (hex). */
export const hashIdNumber = (salt: string, idNumber: string): string =>
  createHmac('sha256', salt).update(idNumber.trim().toUpperCase()).digest('hex');

/** Properties a created entity gets when its input leaves them out. */
export const CREATE_DEFAULTS: Readonly<Record<EntityLabel, Record<string, PropValue>>> = {
  AdminUnit: { aliases: [], designations: [] },
  Organization: { aliases: [] },
  Person: { aliases: [], rank: 'NONE', roles: [] },
  Enterprise: { aliases: [] },
  Household: { aliases: [], registeredPoor: true },
  Programme: { aliases: [] },
};
