import { z } from 'zod';
import {
  CATEGORIES,
  COMPARATORS,
  GOAL_HORIZONS,
  GROUP_ROLES,
  LEVELS,
  ORG_TYPES,
  PAIRING_KINDS,
  PAIRING_MODES,
  PERSON_ROLES,
  PROGRAMME_SCOPES,
  UNIT_KINDS,
} from '../domain/model';

/**
 * The shape of seeds/report.json, the human-reviewed file of REPORTED facts. Objects are strict:
 * an unknown key is a typo until someone adds it here. Cross-references (ids, citations, quotes)
 * are checked after parsing, in reported.ts.
 */
const id = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}:[a-z0-9][a-z0-9:.-]*$`), `expected an id like "${prefix}:some-name"`);
const date = z.iso.date();
const text = z.string().trim().min(1);
const aliases = z.array(text).default([]);
const citations = z.array(id('cit')).min(1, 'a reported fact needs at least one citation');
const note = text.optional();

const Source = z.strictObject({
  id: id('src'),
  title: text,
  publisher: text,
  published: date,
  textPath: text,
  retrievedFrom: text.optional(),
  /** The byline quotes that support title, publisher and date. */
  citations: z.array(id('cit')).default([]),
});

const Citation = z.strictObject({ id: id('cit'), quote: text });

const AdminUnit = z.strictObject({
  id: id('au'),
  name: text,
  kind: z.enum(UNIT_KINDS),
  aliases,
  parentId: id('au').nullable(),
  provenance: z.enum(['REPORTED', 'DERIVED']).default('REPORTED'),
  note,
  citations,
});

const Organization = z.strictObject({
  id: id('org'),
  name: text,
  aliases,
  type: z.enum(ORG_TYPES),
  level: z.enum(LEVELS),
  locatedIn: id('au'),
  partOf: id('org').nullable().optional(),
  groupRole: z.enum(GROUP_ROLES).nullable().optional(),
  status: z.enum(['ACTIVE', 'MERGED']).optional(),
  note,
  citations,
});

const Person = z.strictObject({
  id: id('person'),
  name: text,
  aliases,
  roles: z.array(z.enum(PERSON_ROLES)),
  locatedIn: id('au'),
  note,
  citations,
});

const Programme = z.strictObject({
  id: id('prog'),
  name: text,
  aliases,
  scope: z.enum(PROGRAMME_SCOPES),
  partOf: id('prog').nullable(),
  validFrom: date,
  validFromPrecision: z.enum(['DAY', 'MONTH', 'YEAR']).default('DAY'),
  validTo: date,
  citations,
});

const Pairing = z.strictObject({
  id: id('pair'),
  helperId: text,
  beneficiaryId: text,
  programmeId: id('prog'),
  level: z.enum(LEVELS),
  category: z.enum(CATEGORIES),
  kind: z.enum(PAIRING_KINDS),
  mode: z.enum(PAIRING_MODES),
  validFrom: date,
  validFromPrecision: z.enum(['DAY', 'MONTH', 'YEAR']).default('DAY'),
  validTo: date,
  note,
  citations,
});

const Goal = z.strictObject({
  id: id('goal'),
  name: text,
  targetPersons: z.number().int().positive(),
  horizon: z.enum(GOAL_HORIZONS),
  validFrom: date,
  validTo: date,
  forId: id('au'),
  programmeIds: z.array(id('prog')),
  note,
  citations,
});

const Budget = z.strictObject({
  id: id('budget'),
  name: text,
  year: z.number().int().min(1949).max(2100),
  amountYuan: z.number().int().nonnegative(),
  forId: id('org'),
  programmeId: id('prog'),
  note,
  citations,
});

const Recognition = z.strictObject({ id: id('rec'), name: text, aliases, forId: id('au'), note, citations });

const Indicator = z.strictObject({ id: id('ind'), name: text, description: text });

const Observation = z.strictObject({
  id: id('obs'),
  indicatorId: id('ind'),
  value: z.number().finite(),
  unit: text,
  comparator: z.enum(COMPARATORS),
  computeKey: text,
  areaId: id('au'),
  referenceDate: date,
  dimensions: z.record(z.string().regex(/^[a-z][A-Za-z]*$/), z.union([z.string(), z.number()])),
  provenance: z.enum(['REPORTED', 'DERIVED']).default('REPORTED'),
  interpretation: text,
  citations,
});

export const ReportSchema = z.strictObject({
  $comment: z.string().optional(),
  source: Source,
  citations: z.array(Citation).min(1),
  adminUnits: z.array(AdminUnit),
  organizations: z.array(Organization),
  persons: z.array(Person),
  programmes: z.array(Programme),
  pairings: z.array(Pairing),
  goals: z.array(Goal),
  budgets: z.array(Budget),
  recognitions: z.array(Recognition),
  indicators: z.array(Indicator),
  observations: z.array(Observation),
});

/** seeds/report.json after parsing (defaults applied). */
export type Report = z.output<typeof ReportSchema>;
