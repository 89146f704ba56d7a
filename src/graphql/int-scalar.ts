import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';

/** What an integer scalar accepts: whole numbers from `min` to Number.MAX_SAFE_INTEGER. */
export interface IntScalarConfig {
  name: string;
  description: string;
  min: number;
}

/**
 * An integer scalar that takes exactly the same values inline and as a variable: a JSON number
 * that is a whole number within [min, 2^53 − 1], or an integer literal in that range. Everything
 * else is refused — fractions (1.5), numbers beyond 2^53 (1e21, which is not a safe integer),
 * numeric strings ("7", "1e3", "0x10", " 7 "), booleans — never truncated or parsed.
 *
 * Why not graphql-scalars' NonNegativeInt/PositiveInt: their parseValue runs `parseInt(value, 10)`
 * on variables, so 1e21 became 1, "1e3" 1, 1.5 1, "0x10" 0 and " 7 " 7, while the same values
 * written inline were refused; amounts bypassed the yuan cap and the whole-yuan rule that way.
 *
 * -0 is taken as 0 (JSON cannot tell them apart, so inline `-0` must mean the same). The upper
 * bound is the safe-integer limit, not Int's 2^31 − 1: amounts in yuan go beyond 2^31. Range
 * rules of a field (e.g. at most 30 household members) stay in the domain validation.
 */
export function intScalar({ name, description, min }: IntScalarConfig): GraphQLScalarType<number, number> {
  const expected = `${name} must be a whole number from ${min} to ${Number.MAX_SAFE_INTEGER}`;
  const checked = (n: number, shown: string): number => {
    if (!Number.isSafeInteger(n) || n < min) throw new GraphQLError(`${expected}, got ${shown}`);
    return n === 0 ? 0 : n; // -0 → 0
  };
  // A JSON number past 2^53 − 1 arrives already rounded (9007199254740993 reads 9007199254740992):
  // say it is too large rather than quote a value the caller never sent.
  const shown = (v: unknown) =>
    typeof v !== 'number'
      ? (JSON.stringify(v) ?? String(v))
      : Number.isInteger(v) && !Number.isSafeInteger(v)
        ? `a number too large to read exactly (beyond ±${Number.MAX_SAFE_INTEGER})`
        : String(v);
  return new GraphQLScalarType<number, number>({
    name,
    description,
    serialize(v) {
      if (typeof v !== 'number') throw new GraphQLError(`${expected}, got ${shown(v)}`);
      return checked(v, shown(v));
    },
    parseValue(v) {
      if (typeof v !== 'number') throw new GraphQLError(`${expected}, got ${shown(v)}`);
      return checked(v, shown(v));
    },
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.INT) throw new GraphQLError(`${expected}, got ${print(ast)}`, { nodes: ast });
      // An IntValue is an optional minus and digits; Number() of it is exact up to 2^53.
      return checked(Number(ast.value), ast.value);
    },
    extensions: {
      jsonSchema: { title: name, type: 'integer', minimum: min, maximum: Number.MAX_SAFE_INTEGER },
    },
  });
}
