import fc from 'fast-check';
import { execute, parse, type ExecutionResult } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { directExecutor } from '../../../src/graphql/execution';

/**
 * The direct walk is graphql-js's execution of a query: over a small schema whose every field
 * is nullable or not, a list or not, an interface or an object, and whose resolvers return, by a
 * generated script, a value, null, an Error, or throw, or do so after a promise, the walk's
 * answer (data, and errors with their messages, paths and locations, in order) equals
 * graphql-js's for every document and script. No database: the resolvers are the script.
 */
const typeDefs = /* GraphQL */ `
  interface Named {
    name: String
  }
  type Thing implements Named {
    name: String
    strictName: String!
    tags: [String]
    strictTags: [String!]!
    child: Thing
    strictChild: Thing!
    children: [Thing]
    strictChildren: [Thing!]
    friend: Named
    count(add: Int = 1): Int
  }
  type Other implements Named {
    name: String
    level: Int!
  }
  type Query {
    thing: Thing
    strictThing: Thing!
    things: [Thing!]
    named: [Named]
  }
`;

type Outcome = 'value' | 'null' | 'throw' | 'error' | 'reject' | 'later' | 'laterNull';
const OUTCOMES: Outcome[] = ['value', 'null', 'throw', 'error', 'reject', 'later', 'laterNull'];

/**
 * `v` after `k` further microtasks: promises that settle in an order fixed by the script, so that
 * the two executors are compared on ordering too (timers would race on the wall clock).
 */
function hops(k: number, v: unknown): Promise<unknown> {
  let p = Promise.resolve(v);
  for (let i = 0; i < k; i++) p = p.then((x) => x);
  return p;
}

/** A resolver that answers `value` as the script says for (field, call number). */
function scripted(script: readonly Outcome[], field: string, value: (n: number) => unknown) {
  let calls = 0;
  return () => {
    const n = calls++;
    const o = script[(n * 7 + field.length) % script.length];
    const v = value(n);
    switch (o) {
      case 'value':
        return v;
      case 'null':
        return null;
      case 'throw':
        throw new Error(`${field} threw at ${n}`);
      case 'error':
        return new Error(`${field} returned an error at ${n}`);
      case 'reject':
        return Promise.reject(new Error(`${field} rejected at ${n}`));
      case 'later':
        return hops(n % 3, v);
      case 'laterNull':
        return hops(n % 4, null);
    }
  };
}

function schemaFor(script: readonly Outcome[]) {
  const thing = (n: number) => ({ n });
  const f = (field: string, value: (n: number) => unknown) => scripted(script, field, value);
  return makeExecutableSchema({
    typeDefs,
    resolvers: {
      Named: { __resolveType: (v: { level?: number }) => (v.level === undefined ? 'Thing' : 'Other') },
      Query: {
        thing: f('thing', thing),
        strictThing: f('strictThing', thing),
        things: f('things', (n) => [thing(n), thing(n + 1)]),
        named: f('named', (n) => [thing(n), { level: n }, null]),
      },
      Thing: {
        name: f('name', (n) => `name ${n}`),
        strictName: f('strictName', (n) => `strict ${n}`),
        tags: f('tags', (n) => [`a${n}`, null, `b${n}`]),
        strictTags: f('strictTags', (n) => (n % 4 === 0 ? ['x', null] : ['x', 'y'])),
        child: f('child', thing),
        strictChild: f('strictChild', thing),
        children: f('children', (n) => [thing(n), null, Promise.resolve(thing(n + 2))]),
        strictChildren: f('strictChildren', (n) => [thing(n), thing(n + 1)]),
        friend: f('friend', (n) => (n % 2 ? { level: n } : thing(n))),
        count: (_s: unknown, a: { add: number }) => a.add,
      },
      Other: { name: f('otherName', (n) => `other ${n}`), level: f('level', (n) => n) },
    },
  });
}

const THING = `name strictName tags strictTags count(add: 2) c2: count
  child { name strictName child { name } }
  strictChild { strictName tags }
  children { name strictChildren { strictName } }
  friend { __typename name ... on Other { level } }`;

const DOCUMENTS = [
  `{ thing { ${THING} } }`,
  `{ strictThing { ${THING} } named { __typename name ... on Thing { strictName } } }`,
  `query Q($add: Int) { things { name count(add: $add) strictChild { strictName } } thing { __typename } }`,
  `fragment F on Thing { strictName children { name } } { a: thing { ...F } b: strictThing { ...F name child { ...F } } }`,
  `{ named { ... on Named { name } ... on Other { level } } things { friend { name } } }`,
];

const asJson = (r: ExecutionResult) => JSON.stringify(r);

describe('the direct walk answers as graphql-js executes', () => {
  it('for every document and every script of resolver outcomes', async () => {
    let direct = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...OUTCOMES), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...DOCUMENTS),
        async (script, text) => {
          const document = parse(text);
          const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
          const variables = { add: 5 };
          const expected = await execute({ schema: schemaFor(script), document, variableValues: variables });
          const run = directExecutor(schemaFor(script));
          const got = await run({ document, operation, request: { variables }, context: {} });
          direct += run.counts.direct;
          expect(asJson(got)).toBe(asJson(expected));
        },
      ),
      { numRuns: 400, seed: 20130416 },
    );
    expect(direct).toBe(400);
  });

  it('leaves to graphql-js what is not a query over fixed selections', async () => {
    const cases = [
      '{ __schema { queryType { name } } }',
      'query Q($s: Boolean!) { thing { name @skip(if: $s) } }',
      '{ thing { __proto__: name } }',
    ];
    for (const text of cases) {
      const document = parse(text);
      const operation = document.definitions[0] as never;
      const run = directExecutor(schemaFor(['value']));
      const got = await run({ document, operation, request: { variables: { s: true } }, context: {} });
      const expected = await execute({ schema: schemaFor(['value']), document, variableValues: { s: true } });
      expect(asJson(got)).toBe(asJson(expected));
      expect({ text, counts: run.counts }).toEqual({ text, counts: { direct: 0, unplanned: 1 } });
    }
  });
});
