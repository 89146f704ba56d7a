import {
  BENEFICIARY_LABELS,
  HELPER_LABELS,
  CATEGORIES,
  COMMITTEE_POSTS,
  LEVELS,
  PAIRING_KINDS,
  PAIRING_MODES,
  PLAN_SECTORS,
  OPEN_END,
  type Label,
  type RelType,
} from '../model';
import type { PropValue } from '../records';
import { CREATE_DEFAULTS, ENTITY_SPECS, type EntityLabel, type FieldSpec } from './entity-fields';

/**
 * The kinds of ledger rows `bangfu import` reads (docs/import-export.md): one per entity label,
 * and pairings, projects, visits, disputes and tenures. A row names its record by `key` (the
 * natural key, MERGEd on) and other records by `…Key` columns.
 */

/** A reference column: the record it names and the relationship that stores the reference. */
export interface ImportRef {
  rel: RelType;
  /** `out`: (row)-[:rel]->(ref); `in`: (ref)-[:rel]->(row). */
  dir: 'out' | 'in';
  /** Labels the referenced key may belong to (looked up in this order). */
  to: readonly Label[];
  required: boolean;
}

export interface ImportKind {
  name: string;
  label: Label;
  /** Whether importing this kind needs the importAdmin operation (admin units, programmes). */
  admin: boolean;
  fields: Readonly<Record<string, FieldSpec>>;
  refs: Readonly<Record<string, ImportRef>>;
  /** Properties a created record gets when its row leaves them out (as the mutations do). */
  defaults: Readonly<Record<string, PropValue>>;
}

const enumOf = (values: readonly string[], required = false): FieldSpec => ({
  type: { t: 'enum', values },
  required,
});
const date = (required = false): FieldSpec => ({ type: { t: 'date' }, required });

/** Entity kinds come from the same specs as the mutations: one definition of each field. */
function entityKind(name: string, label: EntityLabel, admin: boolean): ImportKind {
  const spec = ENTITY_SPECS[label];
  const refs: Record<string, ImportRef> = {};
  for (const [field, r] of Object.entries(spec.refs)) {
    refs[field.replace(/Id$/, 'Key')] = { rel: r.rel, dir: 'out', to: [r.to], required: r.required ?? false };
  }
  return { name, label, admin, fields: spec.fields, refs, defaults: CREATE_DEFAULTS[label] };
}

export const IMPORT_KINDS: Readonly<Record<string, ImportKind>> = {
  adminUnit: entityKind('adminUnit', 'AdminUnit', true),
  organization: entityKind('organization', 'Organization', false),
  person: entityKind('person', 'Person', false),
  enterprise: entityKind('enterprise', 'Enterprise', false),
  household: entityKind('household', 'Household', false),
  programme: entityKind('programme', 'Programme', true),
  pairing: {
    name: 'pairing',
    label: 'Pairing',
    admin: false,
    fields: {
      level: enumOf(LEVELS, true),
      category: enumOf(CATEGORIES, true),
      kind: enumOf(PAIRING_KINDS, true),
      mode: enumOf(PAIRING_MODES),
      validFrom: date(true),
      validTo: date(),
      endReason: { type: { t: 'text' } },
    },
    refs: {
      helperKey: { rel: 'HELPER', dir: 'out', to: HELPER_LABELS, required: true },
      beneficiaryKey: {
        rel: 'BENEFICIARY',
        dir: 'out',
        to: BENEFICIARY_LABELS,
        required: true,
      },
      programmeKey: { rel: 'UNDER', dir: 'out', to: ['Programme'], required: false },
    },
    defaults: { validTo: OPEN_END },
  },
  project: {
    name: 'project',
    label: 'Project',
    admin: false,
    fields: {
      name: { type: { t: 'name' }, required: true },
      amountYuan: { type: { t: 'amount' }, required: true },
      date: date(true),
      sector: enumOf(PLAN_SECTORS),
    },
    refs: { pairingKey: { rel: 'HAS_PROJECT', dir: 'in', to: ['Pairing'], required: true } },
    defaults: {},
  },
  visit: {
    name: 'visit',
    label: 'Visit',
    admin: false,
    fields: { date: date(true), note: { type: { t: 'text' } } },
    refs: { pairingKey: { rel: 'HAS_VISIT', dir: 'in', to: ['Pairing'], required: true } },
    defaults: {},
  },
  dispute: {
    name: 'dispute',
    label: 'Dispute',
    admin: false,
    fields: {
      name: { type: { t: 'name' }, required: true },
      foundOn: date(true),
      resolvedOn: date(),
      resolution: { type: { t: 'text' } },
    },
    refs: { unitKey: { rel: 'LOCATED_IN', dir: 'out', to: ['AdminUnit'], required: true } },
    defaults: {},
  },
  tenure: {
    name: 'tenure',
    label: 'Tenure',
    admin: false,
    fields: { post: enumOf(COMMITTEE_POSTS, true), validFrom: date(true), validTo: date() },
    refs: {
      personKey: { rel: 'HOLDS', dir: 'in', to: ['Person'], required: true },
      unitKey: { rel: 'IN', dir: 'out', to: ['AdminUnit'], required: true },
    },
    defaults: { validTo: OPEN_END },
  },
};

export const IMPORT_KIND_NAMES = [...Object.keys(IMPORT_KINDS), 'graph'] as const;

/** A whole number as text: an optional minus and digits, no leading zero, no spaces (as in JSON). */
const DIGITS = /^-?(0|[1-9][0-9]*)$/;

/**
 * A CSV cell (`text`) or JSON value → the value the field spec expects: lists from `a;b` cells,
 * numbers and booleans from a CSV's text. Empty cells are absent (an import never removes a
 * field). Returns undefined for absent, or the value (possibly of the wrong type: the field check
 * reports it, quoting it as given). Numbers are never read from JSON strings ("100" is refused, as
 * the API refuses it), and a CSV number must be exactly its digits (" 100 " is refused); digits
 * too long for a JavaScript number become a bigint, so the check quotes them exactly.
 */
export function coerceCell(spec: FieldSpec, v: unknown, text = false): unknown {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (t === '') return undefined;
  switch (spec.type.t) {
    case 'aliases':
    case 'enumList':
      return t
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean);
    case 'members':
    case 'amount': {
      if (!text || !DIGITS.test(v)) return v;
      const n = Number(v);
      return Number.isSafeInteger(n) ? n : BigInt(v);
    }
    case 'boolean':
      return ['true', '1', '是'].includes(t) ? true : ['false', '0', '否'].includes(t) ? false : t;
    default:
      return t;
  }
}
