import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { PERSONAL_FIELDS, type Viewer } from '../../src/domain/access-policy';
import type { Resolvers } from '../../src/graphql/__generated__/resolvers-types';
import type { Context } from '../../src/graphql/context';
import { MASK } from '../../src/graphql/personal-masks';
import { executableSchema, resolvers, RESOLVER_MODULES } from '../../src/graphql/schema';
import { DateScalar } from '../../src/graphql/resolvers/base';

const asViewer = (role: 'viewer' | 'analyst'): Context =>
  ({
    access: { viewer: { anonymous: false, subject: 'test', role } satisfies Viewer },
  }) as unknown as Context;

/** Resolves `type.field` on `row` as `role` would, through the schema's own resolver. */
function resolveAs(
  schema: GraphQLSchema,
  type: string,
  field: string,
  row: object,
  role: 'viewer' | 'analyst',
) {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is no object type`);
  const f = t.getFields()[field];
  const info = { returnType: f.type, fieldName: field, parentType: t } as unknown as GraphQLResolveInfo;
  return f.resolve!(row, {}, asViewer(role), info);
}

/** Every `Type.field` of the schema with the mask its resolver applies. */
function maskedFields(schema: GraphQLSchema): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of Object.values(schema.getTypeMap())) {
    if (!isObjectType(t) || t.name.startsWith('__')) continue;
    for (const f of Object.values(t.getFields())) {
      const mask = (f.resolve as { [MASK]?: string } | undefined)?.[MASK];
      if (mask !== undefined) out[`${t.name}.${f.name}`] = mask;
    }
  }
  return out;
}

const declared = Object.fromEntries(
  Object.entries(PERSONAL_FIELDS).flatMap(([type, fields]) =>
    Object.entries(fields).map(([field, mask]) => [`${type}.${field}`, mask]),
  ),
);

describe('resolver modules', () => {
  it('resolve each field in one module: the service modules merge without a clash', () => {
    expect(() => resolvers()).not.toThrow();
    expect(Object.keys(RESOLVER_MODULES)).toContain('analytics/graph');
  });

  it('refuse at startup two modules resolving the same Type.field, naming the field and both modules', () => {
    const a: Resolvers = { Query: { quotaRules: () => [] } };
    const b: Resolvers = { Query: { quotaRules: () => [] }, QuotaRule: { name: () => 'x' } };
    expect(() => resolvers({ ...RESOLVER_MODULES, extra: b })).toThrow(
      'Query.quotaRules is resolved by two resolver modules, analytics/quota-rules and extra',
    );
    expect(() => resolvers({ a, b })).toThrow(
      'Query.quotaRules is resolved by two resolver modules, a and b',
    );
    expect(() => executableSchema(undefined, { a, b })).toThrow(/Query\.quotaRules/);
    // a field the other module leaves alone is no clash
    expect(() => resolvers({ a, c: { QuotaRule: { name: () => 'x' } } })).not.toThrow();
  });

  it('refuse two implementations of one scalar', () => {
    expect(() => resolvers({ base: { Date: DateScalar }, other: { Date: DateScalar } })).toThrow(
      'Date is resolved by two resolver modules, base and other',
    );
  });
});

describe('personal-data masks declared at the field (@personal)', () => {
  const schema = executableSchema();

  it('wrap exactly the @personal fields of the SDL, with the mask each declares', () => {
    expect(Object.keys(declared).length).toBeGreaterThanOrEqual(6);
    expect(maskedFields(schema)).toEqual(declared);
  });

  it('hold whatever the order of the resolver modules (no module overrides a mask by coming later)', () => {
    const reversed = Object.fromEntries(Object.entries(RESOLVER_MODULES).reverse());
    expect(maskedFields(executableSchema(undefined, reversed))).toEqual(declared);
  });

  it('mask for a viewer and show an analyst the value, through a module resolver and the default read', () => {
    const household = {
      __label: 'Household',
      id: 'h1',
      name: '刘显亮',
      idNumberLast4: '123X',
      phone: '+8613812345678',
    };
    expect(resolveAs(schema, 'Household', 'name', household, 'viewer')).toBe('刘**');
    expect(resolveAs(schema, 'Household', 'name', household, 'analyst')).toBe('刘显亮');
    // resolved by the access module (from the stored last 4 characters)
    expect(resolveAs(schema, 'Household', 'idNumber', household, 'viewer')).toBeNull();
    expect(resolveAs(schema, 'Household', 'idNumber', household, 'analyst')).toBe('**************123X');
    expect(resolveAs(schema, 'Household', 'phone', household, 'viewer')).toBeNull();
    expect(resolveAs(schema, 'Household', 'phone', household, 'analyst')).toBe('+8613812345678');
    expect(resolveAs(schema, 'Student', 'aliases', { aliases: ['小刘'] }, 'viewer')).toEqual([]);
  });
});
