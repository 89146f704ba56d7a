import fs from 'node:fs';
import { buildASTSchema, isAbstractType, parse } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { POSSIBLE_TYPES_FILE } from '../../src/server/client-files';

/** What Apollo Client's possibleTypes must say for `sdl`: every interface and union, by name. */
function possibleTypesOf(sdl: string[]): Record<string, string[]> {
  const schema = buildASTSchema(parse(sdl.join('\n')));
  const out: Record<string, string[]> = {};
  for (const t of Object.values(schema.getTypeMap()))
    if (isAbstractType(t) && !t.name.startsWith('__'))
      out[t.name] = schema
        .getPossibleTypes(t)
        .map((o) => o.name)
        .sort();
  return out;
}

const committed = () =>
  JSON.parse(fs.readFileSync(POSSIBLE_TYPES_FILE, 'utf8')) as { possibleTypes: Record<string, string[]> };

describe('possibleTypes (schema/possible-types.json)', () => {
  it('lists exactly the implementations of every interface and union of the schema', () => {
    const sorted = Object.fromEntries(
      Object.entries(committed().possibleTypes).map(([k, v]) => [k, [...v].sort()]),
    );
    expect(sorted).toEqual(possibleTypesOf(loadTypeDefs()));
  });

  it('names the abstract types fragments are written on (Entity, Helper, Beneficiary, Node)', () => {
    expect(committed().possibleTypes).toMatchObject({
      Helper: ['Enterprise', 'Organization', 'Person'],
      Beneficiary: ['AdminUnit', 'Household', 'Student'],
    });
  });

  it('would notice an interface gaining a type: the comparison is not vacuous', () => {
    const grown = [...loadTypeDefs(), 'type Village2 implements Node & Entity & Beneficiary { id: ID! }'];
    expect(possibleTypesOf(grown).Beneficiary).toContain('Village2');
    expect(committed().possibleTypes.Beneficiary).not.toContain('Village2');
  });
});
