import fc from 'fast-check';
import {
  astFromValue,
  buildASTSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  print,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLScalarType,
} from 'graphql';
import { loadTypeDefs, resolvers } from '../../src/graphql/schema';
import { fromGlobalId } from '../../src/graphql/ids';
import { startTestServer, type GqlError, type TestServer } from '../support/harness';
import { createLedger, type Answer, type Ledger } from '../support/ledger';
import { caseOf, created } from '../support/mutation-cases';
import { numericInputSites, siteName, type NumericSite } from '../support/numeric-sites';
import { EXAMPLES, READ_EXAMPLES, numericValue, rawLiteral, scalarRefuses } from '../support/numeric-values';

/**
 * Every numeric input of the API — found by walking the schema, so a field added later is covered
 * without editing this file — takes the same values inline and as a variable: for random values
 * (integers in and out of range, fractions, 1e21, -0, numeric strings, booleans, null) both
 * forms give the same decision; non-integers, strings and out-of-range values are refused with
 * BAD_USER_INPUT naming the variable path; and a mutation stores exactly the number sent, as a
 * Neo4j INTEGER. NUMERIC_RUNS random values per site (besides the fixed examples), NUMERIC_SEED.
 */
const RUNS = Number(process.env.NUMERIC_RUNS ?? 4);
const SEED = Number(process.env.NUMERIC_SEED ?? 20131218);
const CONCURRENCY = 4;

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
/** The scalars the service runs (the SDL alone has no implementations). */
const implementations = new Map<string, GraphQLScalarType>(
  Object.entries(resolvers()).filter(
    (e): e is [string, GraphQLScalarType] => e[1] instanceof Object && 'parseValue' in e[1],
  ),
);
const SITES = numericInputSites(schema, implementations);

const AT = Symbol('the site');
/** `base` with `value` at `path` (a copy). */
function placed(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const o = { ...((base ?? {}) as Record<string, unknown>) };
  o[path[0]] = placed(o[path[0]], path.slice(1), value);
  return o;
}
/** A value as GraphQL text through its type; the site marker is written raw as `raw`. */
function typedLiteral(v: unknown, type: GraphQLInputType, raw: unknown): string {
  if (v === AT) return rawLiteral(raw);
  const t = getNullableType(type);
  if (isInputObjectType(t) && v && typeof v === 'object') {
    const fields = t.getFields();
    return `{ ${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}: ${typedLiteral(x, fields[k].type, raw)}`)
      .join(', ')} }`;
  }
  if (isListType(t) && Array.isArray(v))
    return `[${v.map((x) => typedLiteral(x, t.ofType, raw)).join(', ')}]`;
  const ast = astFromValue(v, type);
  if (!ast) throw new Error(`cannot write ${JSON.stringify(v)} as ${String(type)}`);
  return print(ast);
}

/** Whether an error names the site's path: `$first`, `at "input.amountYuan"`, or `argument`. */
function namesPath(e: GqlError, site: NumericSite): boolean {
  const p = [site.argument, ...site.path].join('.');
  return e.extensions?.argument === p || e.message.includes(`"$${p}"`) || e.message.includes(`at "${p}"`);
}

/** What a client sees of an answer: the data, or the error codes. */
const outcome = (a: Answer) =>
  a.errors ? { refused: [...new Set(a.errors.map((e) => e.extensions?.code))].sort() } : { data: a.data };

describe('numeric inputs: the same values inline and as variables, stored exactly', () => {
  let s: TestServer;
  let l: Ledger;
  let pairing: string;
  beforeAll(async () => {
    // A generous deadline: a TIMEOUT on one form and not the other (a loaded machine) is no finding here.
    s = await startTestServer({ hardening: { requestTimeoutMs: 60_000 } });
    l = await createLedger(s, 'num');
    pairing = (
      await created(l, caseOf('createPairing'), {
        key: `${l.prefix}:pair:base`,
        helperId: l.ids.agency,
        beneficiaryId: l.ids.household,
        level: 'BANNER',
        category: 'AGENCY',
        kind: 'ASSIST',
        validFrom: '2012-01-01',
      })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  /** Required and scoping arguments of the fields a site is reached through (all in this test's region). */
  const baseArgs = (owner: string, field: string): Record<string, unknown> =>
    (
      ({
        'Query.pairingGraph': { rootIds: [l.ids.agency] },
        'Query.paths': { fromId: l.ids.agency, toId: l.ids.household },
        'Query.egoNetwork': { id: l.ids.agency },
        'Query.history': { id: l.ids.village },
        'Query.search': { query: '测试' },
        'Query.pairingMatrix': { areaId: l.ids.region },
        'Query.coverage': { areaId: l.ids.region },
        'Query.quotaCompliance': { areaId: l.ids.region },
        'Query.centrality': { areaId: l.ids.region },
        'Query.communities': { areaId: l.ids.region },
        'Query.exemplars': { areaId: l.ids.region },
      }) as Record<string, Record<string, unknown>>
    )[`${owner}.${field}`] ?? {};

  /** Arguments of a field as text (the site marker written as `raw`), or null when a required one has no value. */
  function argsText(
    owner: string,
    f: GraphQLField<unknown, unknown>,
    given: Record<string, unknown>,
    raw?: unknown,
  ) {
    const args = { ...baseArgs(owner, f.name), ...given };
    // One item per page along the way keeps the fan-out small (not when the site pages backward).
    if (f.args.some((a) => a.name === 'first') && !('first' in args) && !('last' in args)) args.first = 1;
    for (const a of f.args)
      if (isNonNullType(a.type) && a.defaultValue === undefined && !(a.name in args)) return null;
    const text = Object.entries(args)
      .map(([k, v]) => {
        const type = f.args.find((a) => a.name === k)!.type;
        return `${k}: ${typeof v === 'string' && v.startsWith('$') ? v : typedLiteral(v, type, raw)}`;
      })
      .join(', ');
    return text ? `(${text})` : '';
  }

  /** The entities this test owns, by type: a type with an id here is reached through `node(id:)`. */
  const nodeIds = (): Record<string, string> => ({
    AdminUnit: l.ids.village,
    Organization: l.ids.agency,
    Helper: l.ids.agency,
    Person: l.ids.cadre,
    Enterprise: l.ids.enterprise,
    Household: l.ids.household,
    Beneficiary: l.ids.household,
    Student: l.ids.student,
    Programme: l.ids.programme,
    Pairing: pairing,
    Source: l.ids.source,
  });

  /** Wraps a selection on `owner` into a query from the root: node(id:), else the shortest field path. */
  function reach(owner: string): ((inner: string) => string) | null {
    if (owner === 'Query') return (x) => x;
    const id = nodeIds()[owner];
    if (id) return (x) => `node(id: ${JSON.stringify(id)}) { ... on ${owner} { ${x} } }`;
    const queue: { type: GraphQLNamedType; wrap: (x: string) => string }[] = [
      { type: schema.getQueryType()!, wrap: (x) => x },
    ];
    const seen = new Set<string>(['Query']);
    while (queue.length) {
      const { type, wrap } = queue.shift()!;
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const f of Object.values(type.getFields())) {
        const r = getNamedType(f.type);
        if (isLeafType(r)) continue;
        const args = argsText(type.name, f, {});
        if (args === null) continue;
        const step = (x: string) => wrap(`${f.name}${args} { ${x} }`);
        if (r.name === owner) return step;
        const next = isAbstractType(r)
          ? schema
              .getPossibleTypes(r)
              .map((p) => ({ p: p as GraphQLNamedType, w: (x: string) => step(`... on ${p.name} { ${x} }`) }))
          : [{ p: r, w: step }];
        for (const { p, w } of next) {
          if (p.name === owner) return w;
          if (seen.has(p.name)) continue;
          seen.add(p.name);
          queue.push({ type: p, wrap: w });
        }
      }
    }
    return null;
  }

  /** One call of a read site, inline or with the site's argument as a variable. */
  async function readSite(site: NumericSite, value: unknown, asVariable: boolean): Promise<Answer> {
    const owner = schema.getType(site.owner);
    if (!isObjectType(owner) && !isInterfaceType(owner)) throw new Error(`${site.owner} has no fields`);
    const f = owner.getFields()[site.field];
    const arg = f.args.find((a) => a.name === site.argument)!;
    const base = baseArgs(site.owner, site.field)[site.argument];
    const args = argsText(
      site.owner,
      f,
      { [site.argument]: asVariable ? `$${site.argument}` : placed(base, site.path, AT) },
      value,
    );
    const wrap = reach(site.owner);
    if (!wrap || args === null)
      throw new Error(`no way to reach ${siteName(site)}: give its arguments in baseArgs`);
    const selection = isLeafType(getNamedType(f.type)) ? '' : '{ __typename }';
    const body = wrap(`${site.field}${args} ${selection}`);
    return asVariable
      ? l.as('viewer', `query($${site.argument}: ${String(arg.type)}) { ${body} }`, {
          [site.argument]: placed(base, site.path, value),
        })
      : l.as('viewer', `query { ${body} }`);
  }

  let attempt = 0;
  /** One call of a mutation site on a fresh valid input; also returns the written record's numbers. */
  async function writeSite(site: NumericSite, value: unknown, asVariable: boolean) {
    const c = caseOf(site.field);
    if (!c || site.argument !== 'input')
      throw new Error(`no MutationCase for ${siteName(site)}: add one to test/support/mutation-cases.ts`);
    const input = await c.valid(l, `num${++attempt}`);
    const payload = schema.getMutationType()!.getFields()[site.field];
    const recordType = getNamedType(
      (getNamedType(payload.type) as ReturnType<typeof schema.getMutationType> & object).getFields()[c.field]
        .type,
    );
    const leaf = site.path[site.path.length - 1];
    const echoed = isObjectType(recordType) && leaf in recordType.getFields() ? leaf : '';
    const selection = `{ ${c.field} { id ${echoed} } }`;
    const inputType = schema.getType(c.input) as GraphQLInputType;
    const a = asVariable
      ? await l.as(c.role, `mutation($input: ${c.input}!) { ${site.field}(input: $input) ${selection} }`, {
          input: placed(input, site.path, value),
        })
      : await l.as(
          c.role,
          `mutation { ${site.field}(input: ${typedLiteral(placed(input, site.path, AT), inputType, value)}) ${selection} }`,
        );
    if (a.errors) return { answer: a, stored: null, echoed: undefined };
    const record = (a.data as Record<string, Record<string, Record<string, unknown>>>)[site.field][c.field];
    const { label, id } = fromGlobalId(record.id as string);
    // The label comes from the closed list fromGlobalId checks, never from the client.
    const [row] = await s.gateway.read(
      'test.numeric.stored',
      `MATCH (n:${label} {id: $id}) RETURN [k IN keys(n) WHERE valueType(n[k]) STARTS WITH 'INTEGER' OR valueType(n[k]) STARTS WITH 'FLOAT' | [k, n[k], valueType(n[k])]] AS numbers`,
      { id },
    );
    return {
      answer: a,
      stored: row.numbers as [string, number, string][],
      echoed: echoed ? record[echoed] : undefined,
    };
  }

  /** Both forms refuse, with BAD_USER_INPUT; the variable's errors name the variable path. */
  function expectRefused(site: NumericSite, inline: Answer, variable: Answer) {
    expect(outcome(inline)).toEqual({ refused: ['BAD_USER_INPUT'] });
    expect(outcome(variable)).toEqual({ refused: ['BAD_USER_INPUT'] });
    expectNamed(site, variable);
  }

  /** Every BAD_USER_INPUT of a variable names the variable path. */
  function expectNamed(site: NumericSite, variable: Answer) {
    for (const e of variable.errors ?? [])
      if (e.extensions?.code === 'BAD_USER_INPUT')
        expect({ error: e, namesPath: namesPath(e, site) }).toEqual({ error: e, namesPath: true });
  }

  const readSites = SITES.filter((x) => x.owner !== 'Mutation');
  const writeSites = SITES.filter((x) => x.owner === 'Mutation');
  /**
   * The values tried at a site: the fixed examples, then RUNS random ones (a fixed seed per site,
   * so a failure reproduces). Every value is tried, 4 at a time, and every failing value is
   * reported with its first failed expectation.
   */
  async function tryAll(site: NumericSite, check: (v: unknown) => Promise<void>) {
    const seed = SEED + siteName(site).length;
    const examples = site.owner === 'Mutation' ? EXAMPLES : READ_EXAMPLES;
    const values = [...examples, ...fc.sample(numericValue, { numRuns: RUNS, seed })];
    const failures: { value: string; why: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < values.length) {
          const v = values[next++];
          await check(v).catch((e: Error) =>
            failures.push({ value: rawLiteral(v), why: e.message.split('\n').slice(0, 12).join('\n') }),
          );
        }
      }),
    );
    expect(failures).toEqual([]);
  }

  it.each(readSites.map((x) => [siteName(x), x] as const))('%s: inline = variable', (_name, site) =>
    tryAll(site, async (v) => {
      const [inline, variable] = await Promise.all([readSite(site, v, false), readSite(site, v, true)]);
      if (scalarRefuses(site.scalar, v)) return expectRefused(site, inline, variable);
      expect(outcome(inline)).toEqual(outcome(variable));
      expectNamed(site, variable);
    }),
  );

  it.each(writeSites.map((x) => [siteName(x), x] as const))(
    '%s: inline = variable, stored exactly',
    (_name, site) =>
      tryAll(site, async (v) => {
        const [inline, variable] = await Promise.all([writeSite(site, v, false), writeSite(site, v, true)]);
        if (scalarRefuses(site.scalar, v)) return expectRefused(site, inline.answer, variable.answer);
        expect(outcome(inline.answer).refused).toEqual(outcome(variable.answer).refused);
        expectNamed(site, variable.answer);
        if (!inline.stored || !variable.stored) return;
        // The same numbers stored either way, every one a Neo4j INTEGER, and the sent one read back exactly.
        expect(inline.stored).toEqual(variable.stored);
        expect(variable.stored.filter(([, , t]) => !t.startsWith('INTEGER'))).toEqual([]);
        if (v !== null && inline.echoed !== undefined) {
          expect(inline.echoed).toBe((v as number) + 0);
          expect(variable.echoed).toBe((v as number) + 0);
        }
      }),
  );

  it('finds the numeric inputs in the schema, the known ones among them', () => {
    const names = SITES.map(siteName);
    expect(SITES.length).toBeGreaterThan(20);
    expect(names).toEqual(
      expect.arrayContaining([
        'Mutation.recordProject(input.amountYuan): NonNegativeInt!',
        'Mutation.createHousehold(input.memberCount): PositiveInt',
        'Mutation.updateHousehold(input.memberCount): PositiveInt',
        'Mutation.endPairing(input.expectedVersion): NonNegativeInt!',
        'Mutation.addCitation(input.charOffset): NonNegativeInt',
        'Query.projects(filter.minAmountYuan): NonNegativeInt',
        'Query.pairingGraph(depth): Int',
        'Query.adminUnits(first): Int',
        'Query.adminUnits(last): Int',
        'AdminUnit.children(first): Int',
        'Query.history(first): Int',
      ]),
    );
  });
});
