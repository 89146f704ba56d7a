import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType, type GraphQLObjectType } from 'graphql';
import {
  ANONYMOUS,
  authorize,
  can,
  OPERATIONS,
  PERSONAL_FIELDS,
  ROLES,
  visibleProps,
  visibleValue,
  type Operation,
  type Role,
  type Viewer,
} from '../../src/domain/access-policy';
import { AppError } from '../../src/domain/errors';
import { loadTypeDefs } from '../../src/graphql/schema';

const as = (role: Role): Viewer => ({ anonymous: false, subject: `u-${role}`, role });

/**
 * The policy written out again, by hand, as a reviewer reads the issue: the weakest role of each
 * operation. The test compares the policy module with this table for every role, so a change to
 * either shows up here.
 */
const WEAKEST: Record<Operation, Role> = {
  read: 'viewer',
  readPersonal: 'analyst',
  export: 'viewer',
  createAdminUnit: 'admin',
  updateAdminUnit: 'editor',
  createOrganization: 'editor',
  updateOrganization: 'editor',
  createPerson: 'editor',
  updatePerson: 'editor',
  createEnterprise: 'editor',
  updateEnterprise: 'editor',
  createHousehold: 'editor',
  updateHousehold: 'editor',
  createProgramme: 'admin',
  updateProgramme: 'editor',
  createPairing: 'editor',
  endPairing: 'editor',
  recordProject: 'editor',
  recordVisit: 'editor',
  recordDispute: 'editor',
  resolveDispute: 'editor',
  recordTenure: 'editor',
  addCitation: 'editor',
  proposeReport: 'analyst',
  readProposals: 'analyst',
  acceptProposedFact: 'analyst',
  rejectProposedFact: 'analyst',
  import: 'editor',
  importAdmin: 'admin',
  exportSecrets: 'admin',
};

/** What each role sees of each personal field, by hand: [value stored, shown below analyst]. */
const MASKED: Record<string, [string, string | null]> = {
  'Household.name': ['刘显明', '刘**'],
  'Household.idNumber': ['**************002X', null],
  'Household.phone': ['+8613812345678', null],
  'Household.aliases': [['陈大明', '老陈头'] as unknown as string, null],
  'Student.name': ['王小明', '王**'],
  'Student.aliases': [['小明'] as unknown as string, null],
};

describe('access policy: every role × operation', () => {
  it('lists exactly the operations of the hand-written table', () => {
    expect([...OPERATIONS].sort()).toEqual(Object.keys(WEAKEST).sort());
  });

  const cases = ROLES.flatMap((role) => OPERATIONS.map((op) => [role, op] as const));
  it.each(cases)('%s may %s exactly when the table says so', (role, op) => {
    const allowed = ROLES.indexOf(role) >= ROLES.indexOf(WEAKEST[op]);
    expect(can(as(role), op)).toBe(allowed);
    if (allowed) expect(() => authorize(as(role), op)).not.toThrow();
    else
      expect(() => authorize(as(role), op)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', details: { operation: op, requiredRole: WEAKEST[op] } }),
      );
  });

  it.each(OPERATIONS)('an anonymous caller may %s only if it is a read and anonymous reads are on', (op) => {
    const reads = op === 'read' || op === 'export';
    expect(can(ANONYMOUS, op, true)).toBe(reads);
    expect(can(ANONYMOUS, op, false)).toBe(false);
    if (!reads) {
      let e: unknown;
      try {
        authorize(ANONYMOUS, op, true);
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('UNAUTHENTICATED');
    }
  });

  it('has an operation for every mutation of the schema, so no write escapes the policy', () => {
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
    const mutations = Object.keys((schema.getMutationType() as GraphQLObjectType).getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(20);
    for (const m of mutations) expect(OPERATIONS).toContain(m);
  });
});

describe('access policy: every role × sensitive field', () => {
  it('lists exactly the personal fields of the hand-written table', () => {
    const fields = Object.entries(PERSONAL_FIELDS).flatMap(([l, fs]) =>
      Object.keys(fs).map((f) => `${l}.${f}`),
    );
    expect(fields.sort()).toEqual(Object.keys(MASKED).sort());
  });

  it('takes its personal fields from the @personal directives of the SDL, and nowhere else', () => {
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
    const declared: Record<string, Record<string, string>> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const f of Object.values(type.getFields())) {
        const d = f.astNode?.directives?.find((x) => x.name.value === 'personal');
        const mask = d?.arguments?.[0]?.value;
        if (mask?.kind === 'EnumValue') (declared[type.name] ??= {})[f.name] = mask.value.toLowerCase();
      }
    }
    expect(PERSONAL_FIELDS).toEqual(declared);
  });

  const viewers: [string, Viewer][] = [
    ['anonymous', ANONYMOUS],
    ...ROLES.map((r) => [r, as(r)] as [string, Viewer]),
  ];
  const cases = viewers.flatMap(([name, v]) => Object.keys(MASKED).map((f) => [name, f, v] as const));
  it.each(cases)('%s sees %s as the table says', (name, field, v) => {
    const [label, f] = field.split('.');
    const [stored, masked] = MASKED[field];
    const unmasked = name === 'analyst' || name === 'editor' || name === 'admin';
    expect(visibleValue(v, label, f, stored)).toBe(unmasked ? stored : masked);
  });

  it('leaves non-personal fields alone for everyone', () => {
    expect(visibleValue(ANONYMOUS, 'Person', 'name', '刘显亮')).toBe('刘显亮');
    expect(visibleValue(ANONYMOUS, 'Household', 'memberCount', 4)).toBe(4);
  });

  it('drops the ID-number hash for everyone and masks stored personal properties in records', () => {
    const stored = {
      name: '刘显明',
      phone: '+8613812345678',
      idNumberLast4: '002X',
      idNumberHash: 'ab'.repeat(32),
      aliases: ['陈大明', '老陈头'],
      aliasText: '陈大明 老陈头',
      members: 4,
    };
    expect(visibleProps(as('viewer'), 'Household', stored)).toEqual({ name: '刘**', members: 4 });
    expect(visibleProps(as('analyst'), 'Household', stored)).toEqual({
      name: '刘显明',
      phone: '+8613812345678',
      idNumberLast4: '002X',
      aliases: ['陈大明', '老陈头'],
      aliasText: '陈大明 老陈头',
      members: 4,
    });
    expect(visibleProps(as('editor'), 'Household', stored, { includeSecrets: true })).not.toHaveProperty(
      'idNumberHash',
    );
    expect(visibleProps(as('admin'), 'Household', stored, { includeSecrets: true })).toHaveProperty(
      'idNumberHash',
      'ab'.repeat(32),
    );
  });
});
