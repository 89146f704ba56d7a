import { buildSchema, parse, validate } from 'graphql';
import { loadConfig } from '../../src/config/config';
import { queryLimitRules } from '../../src/server/query-limits';

/**
 * A document over a shape limit is refused with the count it reached. Counted through fragments,
 * that count doubles with each level of fragments spread twice; past 2^53 it is no exact integer,
 * and past 10^21 JavaScript writes it with an exponent (an outside probe got "found 1").
 */
describe('document limits report the count they found', () => {
  const h = loadConfig({}).hardening;
  const schema = buildSchema('type Query { a: String }');
  /** `levels` fragments, each with one alias and two spreads of the next: 2^levels − 1 aliases. */
  const chain = (levels: number) =>
    `query { ...F0 } ${Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { x${i}: a ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${levels} on Query { a }`;

  it.each([5, 20, 53, 54, 60, 70, 80])('%s levels of fragments', (levels) => {
    const errors = validate(schema, parse(chain(levels)), queryLimitRules(h));
    const aliases = errors.filter((e) => e.message.includes('aliases limit'));
    expect(aliases).toHaveLength(1);
    const count = 2 ** levels - 1;
    const exact = Number.isSafeInteger(count);
    expect(aliases[0].message).toBe(
      `the document exceeds the aliases limit of ${h.maxAliases} (found ${exact ? count : 'more than 2^53'})`,
    );
    const found = (aliases[0].originalError as { details?: { found?: number } }).details?.found;
    // rounded past 2^53, but never below the count: the limit was exceeded by that much
    expect(exact ? found === count : found! >= 2 ** 53).toBe(true);
  });
});
