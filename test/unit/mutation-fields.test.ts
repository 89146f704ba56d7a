import { buildSchema, isNonNullType } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';

/**
 * Every field of Mutation is nullable. Fields of one mutation document run one after the other and
 * each commits on its own; a non-null field that failed would null the whole `data`, hiding the
 * answers of the fields before it, which have written (mutations.int.test.ts shows one).
 */
describe('Mutation fields', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const fields = Object.values(schema.getMutationType()!.getFields());

  it('are all nullable', () => {
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.filter((f) => isNonNullType(f.type)).map((f) => `${f.name}: ${String(f.type)}`)).toEqual(
      [],
    );
  });
});
