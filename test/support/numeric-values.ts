import fc from 'fast-check';

/** The values the defect report names, tried at every site before the random ones. */
export const EXAMPLES: unknown[] = [
  1e21,
  '1e3',
  1.5,
  '0x10',
  ' 7 ',
  2.9,
  -0,
  -1,
  0,
  1,
  2,
  7,
  30,
  31,
  1e10,
  1e10 + 1,
  2 ** 31,
  2 ** 53,
  'NaN',
  'Infinity',
  '7',
  true,
  null,
];

/**
 * The examples tried at read sites (all of GraphQL's Int): the truncated values of the defect
 * report, the bounds of Int, -0 and null. Fewer than EXAMPLES, as there are ~70 read sites.
 */
export const READ_EXAMPLES: unknown[] = [
  1e21,
  '1e3',
  1.5,
  '0x10',
  ' 7 ',
  -0,
  7,
  2 ** 31,
  -(2 ** 31) - 1,
  true,
  null,
];

/** Integers in and out of every range, fractions, 1e21, -0, numeric strings, booleans and null. */
export const numericValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 40 }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(2 ** 31 - 1, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53 - 1, 1e10 - 1, 1e21, 1e300, -0, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(String),
  fc.constantFrom('1e3', '0x10', ' 7 ', '7 ', '07', '1.0', '1_000', '', 'NaN', '-Infinity', '+5'),
  fc.boolean(),
  fc.constant(null),
);

/** A value as GraphQL text, exactly as written (no coercion through the type). */
export function rawLiteral(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return v === null || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** The range each built-in or known scalar promises; null: no promise beyond "a number". */
const RANGES: Record<string, [number, number] | null> = {
  Int: [-(2 ** 31), 2 ** 31 - 1],
  NonNegativeInt: [0, Number.MAX_SAFE_INTEGER],
  PositiveInt: [1, Number.MAX_SAFE_INTEGER],
  Float: null,
};

/** Whether the scalar itself must refuse `v` (null is left to the site's nullability). */
export function scalarRefuses(scalar: string, v: unknown): boolean {
  if (v === null) return false;
  if (typeof v !== 'number' || !Number.isFinite(v)) return true;
  if (scalar === 'Float') return false;
  if (!Number.isInteger(v)) return true;
  const range = RANGES[scalar];
  return range ? v < range[0] || v > range[1] : !Number.isSafeInteger(v);
}
