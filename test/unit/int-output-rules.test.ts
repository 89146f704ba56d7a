import { checkGraphProps } from '../../src/domain/validation/check-graph-props';
import { GRAPH_RULES } from '../../src/domain/validation/graph-rules';
import { Issues } from '../../src/domain/validation/issues';
import {
  checkWhole,
  GRAPHQL_INT_MAX,
  GRAPHQL_INT_MIN,
  WHOLE,
} from '../../src/domain/validation/whole-numbers';
import { intInputFields, intOutputFields } from '../support/int-output-fields';

/**
 * An output field typed Int cannot answer a value beyond 32 bits: the read fails (a non-null one
 * nulls its parent) for every caller. So whatever stores a property such a field reads must bound
 * it — found here from the schema, so a field added later is covered.
 */
describe('properties read by Int output fields', () => {
  const fields = intOutputFields();

  it('finds the Int fields of stored records, each reading one property', () => {
    expect(fields.map((f) => `${f.label}.${f.field}`)).toEqual(
      expect.arrayContaining([
        'Citation.charOffset',
        'Household.memberCount',
        'Pairing.version',
        'Budget.year',
      ]),
    );
    for (const f of fields) expect({ ...f, props: f.props?.length }).toEqual({ ...f, props: 1 });
  });

  it('graph import rules bound every such property within GraphQL Int', () => {
    const unbounded = fields.flatMap(({ label, field, props }) => {
      const rule = GRAPH_RULES[label]?.props[props![0]];
      const range = rule?.type.t === 'int' ? rule.type.range : null;
      return range && range.min >= GRAPHQL_INT_MIN && range.max <= GRAPHQL_INT_MAX
        ? []
        : [`${label}.${field} (stored ${props![0]})`];
    });
    expect(unbounded).toEqual([]);
  });

  it('a graph record with 2^31 in such a property is refused, naming it', () => {
    for (const { label, props } of fields) {
      const prop = props![0];
      const is = new Issues('node');
      checkGraphProps(is, label, { [prop]: 2 ** 31 });
      expect({ label, prop, issue: is.list.find((i) => i.field === `node.props.${prop}`) }).toEqual({
        label,
        prop,
        issue: {
          field: `node.props.${prop}`,
          problem: expect.stringMatching(/^is too large: must be at most \d+/),
        },
      });
    }
  });

  it('finds the mutation inputs that write such a property', () => {
    expect(intInputFields().map((f) => `${f.op}.${f.field}`)).toEqual(
      expect.arrayContaining([
        'addCitation.charOffset',
        'createHousehold.memberCount',
        'updateHousehold.memberCount',
      ]),
    );
  });
});

describe('checkWhole: one wording for whole numbers', () => {
  const problem = (v: unknown, r = WHOLE.amountYuan) => {
    const is = new Issues('input');
    checkWhole(is, 'amountYuan', v, r);
    return is.list[0]?.problem ?? null;
  };

  it.each([
    [100, null],
    [20_000_000_000, 'is too large: must be at most 10000000000 yuan, got 20000000000'],
    [-1, 'is too small: must be at least 0 yuan, got -1'],
    [1.5, 'must be a whole number from 0 to 10000000000 yuan, got 1.5'],
    ['100', 'must be a whole number from 0 to 10000000000 yuan, got "100"'],
    [' 7 ', 'must be a whole number from 0 to 10000000000 yuan, got " 7 "'],
    [true, 'must be a whole number from 0 to 10000000000 yuan, got true'],
    // JSON.parse rounds 9007199254740993 to 2^53: say it is too large, never quote the rounded value
    [
      JSON.parse('9007199254740993') as number,
      'is too large: must be at most 10000000000 yuan, got a number too large to read exactly (beyond ±9007199254740991)',
    ],
    // a CSV cell's digits arrive exact (coerceCell), so they are quoted as given
    [9007199254740993n, 'is too large: must be at most 10000000000 yuan, got 9007199254740993'],
  ])('%p → %p', (v, expected) => {
    expect(problem(v)).toBe(expected);
  });
});
