import {
  BENEFICIARY_LABELS,
  HELPER_LABELS,
  CASEWORK_KINDS,
  CATEGORIES,
  COMPARATORS,
  DESIGNATIONS,
  EVENT_KINDS,
  GOAL_HORIZONS,
  GROUP_ROLES,
  INSPECTION_KINDS,
  LEVELS,
  OPEN_END,
  ORG_TYPES,
  PAIRING_KINDS,
  PAIRING_MODES,
  PERSON_ROLES,
  PLAN_SECTORS,
  POSTS,
  PROGRAMME_SCOPES,
  RANKS,
  UNIT_KINDS,
  WUSONG_THEMES,
  type Label,
  type RelType,
} from '../model';
import { isIsoDate } from './dates';
import { MAX_MEMBERS } from './entity-rules';
import type { Issues } from './issues';
import { checkText, MAX_TEXT } from './text';

/** The type of a stored property, as a graph dump must carry it. */
export type PropType =
  /** A name: the mutations' text rules (NFC, no controls or bidi formatting, not invisible-only). */
  | { t: 'name' }
  /** Free text: the same rules, up to MAX_TEXT characters, line breaks allowed. */
  | { t: 'text' }
  /** A code or label written by the service (units, titles): any string. */
  | { t: 'string' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'enumList'; values: readonly string[] }
  | { t: 'names' }
  /** YYYY-MM-DD; `open` also allows the open-end sentinel 9999-12-31. */
  | { t: 'date'; open?: boolean }
  | { t: 'int'; min: number; max?: number }
  | { t: 'number' }
  | { t: 'boolean' };

export interface PropRule {
  type: PropType;
  required?: boolean;
}

/** A relationship a node of the label needs: `out` (node)-[rel]->(to) or `in` (to)-[rel]->(node). */
export interface RelRule {
  rel: RelType;
  dir: 'out' | 'in';
  to: readonly Label[];
  required: boolean;
}

export interface LabelRules {
  props: Readonly<Record<string, PropRule>>;
  rels: readonly RelRule[];
}

const req = (type: PropType): PropRule => ({ type, required: true });
const opt = (type: PropType): PropRule => ({ type });
const name = req({ t: 'name' });
const aliases = opt({ t: 'names' });
const enumOf = (values: readonly string[]): PropType => ({ t: 'enum', values });
const date = opt({ t: 'date' });
const text = opt({ t: 'text' });
const count = opt({ t: 'int', min: 0 });
const located = (required: boolean): RelRule => ({
  rel: 'LOCATED_IN',
  dir: 'out',
  to: ['AdminUnit'],
  required,
});

/**
 * What every node of each label must carry to be stored — the rules a graph import checks, the
 * same the mutations enforce (required fields and references, types, enums, text) and what the
 * API needs to read the node back (its non-null fields: `test/unit/graph-rules.test.ts` checks
 * the table against the schema). Properties not listed (dimensions, bookkeeping) are free.
 */
export const GRAPH_RULES: Readonly<Partial<Record<Label, LabelRules>>> = {
  AdminUnit: {
    props: {
      name,
      aliases,
      kind: req(enumOf(UNIT_KINDS)),
      designations: opt({ t: 'enumList', values: DESIGNATIONS }),
    },
    rels: [located(false)],
  },
  Organization: {
    props: {
      name,
      aliases,
      type: req(enumOf(ORG_TYPES)),
      level: opt(enumOf(LEVELS)),
      groupRole: opt(enumOf(GROUP_ROLES)),
    },
    rels: [located(false)],
  },
  Person: {
    props: {
      name,
      aliases,
      rank: opt(enumOf(RANKS)),
      roles: opt({ t: 'enumList', values: PERSON_ROLES }),
      transferredYear: opt({ t: 'int', min: 1949, max: 9999 }),
    },
    rels: [],
  },
  Enterprise: { props: { name, aliases }, rels: [located(true)] },
  Household: {
    props: {
      name,
      aliases,
      members: opt({ t: 'int', min: 1, max: MAX_MEMBERS }),
      registeredPoor: opt({ t: 'boolean' }),
      phone: opt({ t: 'string' }),
      idNumberHash: opt({ t: 'string' }),
      idNumberLast4: opt({ t: 'string' }),
    },
    rels: [located(true)],
  },
  Student: { props: { name, aliases }, rels: [located(false)] },
  Programme: {
    props: {
      name,
      aliases,
      scope: opt(enumOf(PROGRAMME_SCOPES)),
      validFrom: date,
      validTo: opt({ t: 'date', open: true }),
    },
    rels: [],
  },
  Pairing: {
    props: {
      kind: req(enumOf(PAIRING_KINDS)),
      validFrom: req({ t: 'date' }),
      validTo: opt({ t: 'date', open: true }),
      level: opt(enumOf(LEVELS)),
      category: opt(enumOf(CATEGORIES)),
      mode: opt(enumOf(PAIRING_MODES)),
      endReason: text,
    },
    rels: [
      { rel: 'HELPER', dir: 'out', to: HELPER_LABELS, required: true },
      { rel: 'BENEFICIARY', dir: 'out', to: BENEFICIARY_LABELS, required: true },
      { rel: 'UNDER', dir: 'out', to: ['Programme'], required: false },
    ],
  },
  Project: {
    props: { name, amountYuan: count, date, sector: opt(enumOf(PLAN_SECTORS)) },
    rels: [{ rel: 'HAS_PROJECT', dir: 'in', to: ['Pairing'], required: true }],
  },
  Visit: {
    props: { date: req({ t: 'date' }), note: text },
    rels: [{ rel: 'HAS_VISIT', dir: 'in', to: ['Pairing'], required: true }],
  },
  Dispute: {
    props: { name, foundOn: date, resolvedOn: date, resolution: text },
    rels: [located(true)],
  },
  Tenure: {
    props: {
      post: req(enumOf(POSTS)),
      validFrom: date,
      validTo: opt({ t: 'date', open: true }),
      fullTime: opt({ t: 'boolean' }),
    },
    rels: [{ rel: 'HOLDS', dir: 'in', to: ['Person'], required: true }],
  },
  Source: { props: { title: req({ t: 'string' }), published: date }, rels: [] },
  Citation: {
    props: { quote: req({ t: 'text' }), charOffset: count },
    rels: [{ rel: 'FROM', dir: 'out', to: ['Source'], required: true }],
  },
  Event: {
    props: {
      name,
      kind: opt(enumOf(EVENT_KINDS)),
      theme: opt(enumOf(WUSONG_THEMES)),
      date,
      brochures: count,
    },
    rels: [],
  },
  Inspection: { props: { name, kind: opt(enumOf(INSPECTION_KINDS)), date }, rels: [] },
  Plan: { props: { name, sector: opt(enumOf(PLAN_SECTORS)), date }, rels: [] },
  Casework: { props: { name, kind: opt(enumOf(CASEWORK_KINDS)), date }, rels: [] },
  Budget: { props: { name, year: opt({ t: 'int', min: 1949, max: 9999 }), amountYuan: count }, rels: [] },
  Goal: {
    props: {
      name,
      targetPersons: count,
      horizon: opt(enumOf(GOAL_HORIZONS)),
      validFrom: date,
      validTo: opt({ t: 'date', open: true }),
    },
    rels: [],
  },
  Recognition: { props: { name, aliases }, rels: [] },
  Indicator: { props: { name, description: opt({ t: 'string' }) }, rels: [] },
  Observation: {
    props: {
      value: req({ t: 'number' }),
      unit: req({ t: 'string' }),
      comparator: req(enumOf(COMPARATORS)),
      referenceDate: date,
      interpretation: opt({ t: 'string' }),
    },
    rels: [],
  },
};

/**
 * Checks one node's properties against its label's rules; adds an issue per problem (field
 * `props.<name>`) and returns the properties with names and texts normalised as the mutations
 * store them.
 */
export function checkGraphProps(
  issues: Issues,
  label: Label,
  props: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const rules = GRAPH_RULES[label];
  const out: Record<string, unknown> = { ...props };
  if (!rules) return out;
  for (const [prop, rule] of Object.entries(rules.props)) {
    const v = props[prop];
    const field = `props.${prop}`;
    if (v === undefined || v === null) {
      if (rule.required) issues.add(field, `is required on a ${label}`);
      continue;
    }
    const bad = (what: string) => issues.add(field, `must be ${what}, got ${JSON.stringify(v)}`);
    const t = rule.type;
    switch (t.t) {
      case 'name':
      case 'text':
        if (typeof v !== 'string') bad('text');
        else out[prop] = checkText(issues, field, v, t.t === 'text' ? MAX_TEXT : undefined);
        break;
      case 'names':
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) bad('a list of names');
        else out[prop] = v.map((x: string, i) => checkText(issues, `${field}[${i}]`, x));
        break;
      case 'string':
        if (typeof v !== 'string') bad('a string');
        break;
      case 'enum':
        if (typeof v !== 'string' || !t.values.includes(v)) bad(`one of ${t.values.join(', ')}`);
        break;
      case 'enumList':
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && t.values.includes(x)))
          bad(`a list of ${t.values.join(', ')}`);
        break;
      case 'date':
        if (typeof v !== 'string' || !(isIsoDate(v) || (t.open && v === OPEN_END)))
          bad('a date written YYYY-MM-DD');
        break;
      case 'int':
        if (
          !Number.isSafeInteger(v) ||
          (v as number) < t.min ||
          (t.max !== undefined && (v as number) > t.max)
        )
          bad(`a whole number ${t.max === undefined ? `≥ ${t.min}` : `from ${t.min} to ${t.max}`}`);
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) bad('a number');
        break;
      case 'boolean':
        if (typeof v !== 'boolean') bad('true or false');
        break;
    }
  }
  return out;
}
