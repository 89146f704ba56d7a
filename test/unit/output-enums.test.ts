import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  parse,
  type GraphQLEnumType,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
const INPUT = /^(?:Create|Update|Record)(\w+)Input$/;

/**
 * Every input field that takes an enum (createOrganization's orgType, recordTenure's post …) is
 * read back as an enum holding at least the same values, on the type the input writes — so a
 * typed client needs no cast between what it sends and what it reads. The same holds for the
 * filters of those types.
 */
const pairs = Object.values(schema.getTypeMap())
  .filter(isInputObjectType)
  .flatMap((input) => {
    const m = INPUT.exec(input.name) ?? /^(\w+)Filter$/.exec(input.name);
    const output = m ? schema.getType(m[1]) : undefined;
    if (!output || !isObjectType(output)) return [];
    const outFields = output.getFields();
    return Object.values(input.getFields())
      .filter((f) => isEnumType(getNamedType(f.type)))
      .map((f) => {
        // a filter's `designation` matches the output's `designations`
        const out = outFields[f.name] ?? outFields[`${f.name}s`];
        return out
          ? ([`${input.name}.${f.name}`, `${output.name}.${out.name}`, f.type, out.type] as const)
          : null;
      })
      .filter((p) => p !== null);
  });

describe('enums on outputs', () => {
  it('finds the input/output pairs it checks (orgType, scope, post, roles, designations among them)', () => {
    expect(pairs.map((p) => p[1])).toEqual(
      expect.arrayContaining([
        'Organization.orgType',
        'Programme.scope',
        'Tenure.post',
        'Person.roles',
        'AdminUnit.designations',
      ]),
    );
  });

  it.each(pairs.map((p) => [p[0], p[1], p[2], p[3]]))(
    '%s is read back as an enum: %s',
    (_i, _o, inType, outType) => {
      const given = getNamedType(inType) as GraphQLEnumType;
      const read = getNamedType(outType);
      expect(isEnumType(read) ? 'enum' : read.name).toBe('enum');
      const readValues = (read as GraphQLEnumType).getValues().map((v) => v.name);
      expect(
        given
          .getValues()
          .map((v) => v.name)
          .filter((v) => !readValues.includes(v)),
      ).toEqual([]);
    },
  );

  it('filters take an enum where the filtered field is one', () => {
    const f = schema.getType('AdminUnitFilter');
    expect(isInputObjectType(f) && getNamedType(f.getFields().designation.type).name).toBe('Designation');
  });
});
