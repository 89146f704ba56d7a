import fc from 'fast-check';
import { buildASTSchema, parse, parseValue as parseValueText } from 'graphql';
import { NonNegativeIntScalar, PositiveIntScalar } from '../../src/graphql/resolvers/base';
import { loadTypeDefs } from '../../src/graphql/schema';
import { EXAMPLES, numericValue, rawLiteral, scalarRefuses } from '../support/numeric-values';

/** What a scalar makes of a value: the number, or "refused". */
const attempt = (f: () => number) => {
  try {
    return f();
  } catch {
    return 'refused';
  }
};

describe.each([NonNegativeIntScalar, PositiveIntScalar])('$name', (scalar) => {
  const asVariable = (v: unknown) => attempt(() => scalar.parseValue(v));
  const inline = (v: unknown) => attempt(() => scalar.parseLiteral(parseValueText(rawLiteral(v))));

  it('takes a value inline exactly as it takes it as a variable, and refuses every non-integer', () => {
    fc.assert(
      fc.property(
        numericValue.filter((v) => v !== null),
        (v) => {
          expect(inline(v)).toBe(asVariable(v));
          expect(asVariable(v)).toBe(scalarRefuses(scalar.name, v) ? 'refused' : (v as number) + 0);
        },
      ),
      { numRuns: 500, examples: EXAMPLES.filter((v) => v !== null).map((v) => [v]) },
    );
  });

  it('refuses the values the defect report saw truncated', () => {
    for (const v of [1e21, '1e3', 1.5, '0x10', ' 7 ', 2.9])
      expect([v, asVariable(v)]).toEqual([v, 'refused']);
  });

  it('says a variable past 2^53 − 1 is too large, never quoting the value JSON rounded it to', () => {
    expect(() => scalar.parseValue(JSON.parse('9007199254740993'))).toThrow(
      `${scalar.name} must be a whole number from ${scalar.name === 'PositiveInt' ? 1 : 0} to 9007199254740991, got a number too large to read exactly (beyond ±9007199254740991)`,
    );
  });

  it('keeps the description of schema/base.graphql (the scalar object replaces it in the schema)', () => {
    const sdl = buildASTSchema(parse(loadTypeDefs().join('\n')));
    expect(scalar.description).toBe(sdl.getType(scalar.name)!.description);
  });
});
