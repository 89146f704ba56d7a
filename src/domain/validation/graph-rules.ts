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
import { WHOLE, type WholeRange } from './whole-numbers';

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
  /** A whole number within a range of the WHOLE table, as the mutations check it (checkWhole). */
  | { t: 'int'; range: WholeRange }
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
const count = opt({ t: 'int', range: WHOLE.count });
const whole = (range: WholeRange): PropRule => opt({ t: 'int', range });
/** A ledger record's version (a restored dump keeps it; `version: Int!` reads it). */
const version = whole(WHOLE.version);
const located = (required: boolean): RelRule => ({
  rel: 'LOCATED_IN',
  dir: 'out',
  to: ['AdminUnit'],
  required,
});

/**
 * What every node of each label must carry to be stored — the rules a graph import checks, the
 * same the mutations enforce (required fields and references, types, enums, text) and what the
 * API needs to read the node back (its non-null fields: `test/unit/text-and-graph-rules.test.ts` checks
 * the table against the schema; `int-output-rules.test.ts` that every property an `Int` field reads
 * is bounded to Int). Properties not listed (dimensions, other bookkeeping) are free.
 */
export const GRAPH_RULES: Readonly<Partial<Record<Label, LabelRules>>> = {
  AdminUnit: {
    props: {
      name,
      aliases,
      kind: req(enumOf(UNIT_KINDS)),
      designations: opt({ t: 'enumList', values: DESIGNATIONS }),
      version,
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
      version,
    },
    rels: [located(false)],
  },
  Person: {
    props: {
      name,
      aliases,
      rank: opt(enumOf(RANKS)),
      roles: opt({ t: 'enumList', values: PERSON_ROLES }),
      transferredYear: whole(WHOLE.year),
      version,
    },
    rels: [],
  },
  Enterprise: { props: { name, aliases, version }, rels: [located(true)] },
  Household: {
    props: {
      name,
      aliases,
      members: whole(WHOLE.members),
      registeredPoor: opt({ t: 'boolean' }),
      phone: opt({ t: 'string' }),
      idNumberHash: opt({ t: 'string' }),
      idNumberLast4: opt({ t: 'string' }),
      version,
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
      version,
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
      version,
    },
    rels: [
      { rel: 'HELPER', dir: 'out', to: HELPER_LABELS, required: true },
      { rel: 'BENEFICIARY', dir: 'out', to: BENEFICIARY_LABELS, required: true },
      { rel: 'UNDER', dir: 'out', to: ['Programme'], required: false },
    ],
  },
  Project: {
    props: { name, amountYuan: whole(WHOLE.amountYuan), date, sector: opt(enumOf(PLAN_SECTORS)), version },
    rels: [{ rel: 'HAS_PROJECT', dir: 'in', to: ['Pairing'], required: true }],
  },
  Visit: {
    props: { date: req({ t: 'date' }), note: text, version },
    rels: [{ rel: 'HAS_VISIT', dir: 'in', to: ['Pairing'], required: true }],
  },
  Dispute: {
    props: { name, foundOn: date, resolvedOn: date, resolution: text, version },
    rels: [located(true)],
  },
  Tenure: {
    props: {
      post: req(enumOf(POSTS)),
      validFrom: date,
      validTo: opt({ t: 'date', open: true }),
      fullTime: opt({ t: 'boolean' }),
      version,
    },
    rels: [{ rel: 'HOLDS', dir: 'in', to: ['Person'], required: true }],
  },
  Source: { props: { title: req({ t: 'string' }), published: date }, rels: [] },
  Citation: {
    props: { quote: req({ t: 'text' }), charOffset: whole(WHOLE.charOffset) },
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
  Budget: {
    props: { name, year: whole(WHOLE.year), amountYuan: whole(WHOLE.amountYuan) },
    rels: [],
  },
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
