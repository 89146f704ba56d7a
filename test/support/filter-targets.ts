import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';

/**
 * Derives from the schema every field that takes a filter (or an "as of" date), how to reach it
 * in a query and what to measure, so that a field added later is covered by the law tests
 * automatically — or makes them fail until it is given a parent/arguments here.
 */

export const schema: GraphQLSchema = buildSchema(loadTypeDefs().join('\n'));

/** A filter input type: an input object with the AND/OR/NOT combinators. */
export const isFilterInput = (t: unknown): t is GraphQLInputObjectType =>
  isInputObjectType(t) && ['AND', 'OR', 'NOT'].every((k) => k in t.getFields());

export interface FieldRef {
  /** `Type.field`. */
  name: string;
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}

/** Every output field (any type, Query included) with a `filter` argument of a filter input type. */
export function filterFields(): FieldRef[] {
  const out: FieldRef[] = [];
  for (const t of Object.values(schema.getTypeMap())) {
    if (!isObjectType(t) || t.name.startsWith('__') || t.name === 'Mutation') continue;
    for (const f of Object.values(t.getFields()))
      if (f.args.some((a) => a.name === 'filter' && isFilterInput(getNamedType(a.type))))
        out.push({ name: `${t.name}.${f.name}`, parent: t, field: f });
  }
  return out;
}

/** What a field's result is compared by: a selection, and how to read a number from it. */
export interface Measure {
  selection: string;
  /** A count that adds up over disjoint filters (totalCount, matrix pairs), or null. */
  additive: ((r: unknown) => number) | null;
  /** Whether the result shows nothing selected. */
  empty: (r: unknown) => boolean;
}

/** Every value under key `k` anywhere in `r`. */
export function deepValues(r: unknown, k: string): unknown[] {
  if (Array.isArray(r)) return r.flatMap((x) => deepValues(x, k));
  if (r && typeof r === 'object')
    return Object.entries(r).flatMap(([key, v]) => (key === k ? [v] : deepValues(v, k)));
  return [];
}
const sum = (xs: unknown[]) => xs.reduce<number>((s, x) => s + Number(x), 0);

/** The measure of a field by its return type; a return type not listed here fails the test. */
export function measureOf(f: GraphQLField<unknown, unknown>): Measure {
  const named = getNamedType(f.type).name;
  if (named.endsWith('Connection'))
    return {
      selection: '{ totalCount }',
      additive: (r) => sum(deepValues(r, 'totalCount')),
      empty: (r) => sum(deepValues(r, 'totalCount')) === 0,
    };
  switch (named) {
    case 'PairingMatrix':
      return {
        selection:
          '{ total { pairs helpers beneficiaries } cells { level category pairs helpers beneficiaries } }',
        additive: (r) => sum(deepValues(deepValues(r, 'total'), 'pairs')),
        empty: (r) => sum(deepValues(deepValues(r, 'total'), 'pairs')) === 0,
      };
    case 'PairingGraph':
      return {
        selection: '{ nodes { id depth } edges { id } truncated }',
        additive: null,
        empty: (r) => deepValues(r, 'edges').every((e) => Array.isArray(e) && e.length === 0),
      };
    case 'Centrality':
      return {
        selection: '{ nodeCount edgeCount scores { rank score id } }',
        additive: null,
        empty: (r) => sum(deepValues(r, 'nodeCount')) === 0,
      };
    case 'Communities':
      return {
        selection: '{ nodeCount edgeCount count communities { size helpers beneficiaries } }',
        additive: null,
        empty: (r) => sum(deepValues(r, 'nodeCount')) === 0,
      };
    case 'Coverage':
      return {
        selection:
          '{ villages { registered assisted } households { registered assisted } students { registered assisted } helpersPerVillage { helpers villages } }',
        additive: null,
        empty: () => false,
      };
    case 'Timeline':
      // pairing counts (active at each start, started, ended) add up over disjoint filters
      return {
        selection: '{ periods { start active started ended beneficiaries } }',
        additive: (r) =>
          sum(deepValues(r, 'active')) + sum(deepValues(r, 'started')) + sum(deepValues(r, 'ended')),
        empty: (r) =>
          sum(deepValues(r, 'active')) + sum(deepValues(r, 'started')) + sum(deepValues(r, 'ended')) === 0,
      };
    case 'Path':
      return { selection: '{ length nodes { id } }', additive: null, empty: (r) => !r };
    case 'Boolean':
      return { selection: '', additive: null, empty: (r) => r === false };
    default:
      throw new Error(`no measure for ${named}: add one to test/support/filter-targets.ts`);
  }
}

/**
 * How a field is reached: the text of one aliased selection given the text of its own arguments.
 * Query fields are asked directly, fields of Node types through `node(id:)` with a parent id,
 * others through a wrapper. `parents` maps `Type.field` to a global id; `extraArgs` gives
 * required (or useful) arguments by `Type.field`.
 */
export function reach(
  ref: FieldRef,
  parents: Readonly<Record<string, string>>,
  extraArgs: Readonly<Record<string, string>>,
): (alias: string, args: string, selection: string) => string {
  const extra = extraArgs[ref.name] ?? '';
  const missing = ref.field.args.filter(
    (a) => isNonNullType(a.type) && a.defaultValue === undefined && !new RegExp(`\\b${a.name}:`).test(extra),
  );
  if (missing.length)
    throw new Error(`${ref.name} needs ${missing.map((a) => a.name).join(', ')}: add them to its extraArgs`);
  const call = (args: string) => `${ref.field.name}(${[args, extra].filter(Boolean).join(', ')})`;
  const p = ref.parent.name;
  if (p === 'Query') return (alias, args, sel) => `${alias}: ${call(args)} ${sel}`;
  if (ref.parent.getInterfaces().some((i) => i.name === 'Node')) {
    const id = parents[ref.name];
    if (!id) throw new Error(`${ref.name}: add a parent ${p} id to the test's parents`);
    return (alias, args, sel) =>
      `${alias}: node(id: ${JSON.stringify(id)}) { ... on ${p} { ${call(args)} ${sel} } }`;
  }
  const wrap = WRAPPERS[p];
  if (!wrap) throw new Error(`${ref.name}: add a wrapper reaching ${p} to test/support/filter-targets.ts`);
  return (alias, args, sel) => `${alias}: ${wrap(`${call(args)} ${sel}`)}`;
}

/** Non-Node types that hold filterable fields, and a root selection reaching all their instances. */
const WRAPPERS: Record<string, (inner: string) => string> = {
  PairingMatrixCell: (inner) =>
    `pairingMatrix(activeOn: "2013-04-16") { total { ${inner} } levels { ${inner} } }`,
  Exemplar: (inner) => `exemplars(first: 100) { edges { node { ${inner} } } }`,
};

export interface ValuePools {
  adminUnitIds: string[];
  programmeIds: string[];
  designations: string[];
  texts: string[];
  dates: string[];
  ints: number[];
}

/** Random filters of input type `t`, at most `depth` AND/OR/NOT levels deep, from `pools`. */
export function filterArbitrary(
  t: GraphQLInputObjectType,
  pools: ValuePools,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(t.getFields()).filter((f) => !['AND', 'OR', 'NOT'].includes(f.name));
  const leaf = fc.oneof(
    ...fields.map((f) => valueArbitrary(t.name, f.name, f.type, pools).map((v) => ({ [f.name]: v }))),
  );
  const tree = (d: number): fc.Arbitrary<Record<string, unknown>> =>
    d === 0
      ? leaf
      : fc.oneof(
          { weight: 2, arbitrary: leaf },
          { weight: 1, arbitrary: fc.array(tree(d - 1), { maxLength: 2 }).map((xs) => ({ AND: xs })) },
          { weight: 1, arbitrary: fc.array(tree(d - 1), { maxLength: 2 }).map((xs) => ({ OR: xs })) },
          { weight: 1, arbitrary: tree(d - 1).map((x) => ({ NOT: x })) },
          {
            weight: 1,
            arbitrary: fc.tuple(leaf, tree(d - 1)).map(([a, b]) => ({ ...a, ...b })),
          },
        );
  return tree(depth);
}

function valueArbitrary(
  typeName: string,
  field: string,
  type: GraphQLInputType,
  pools: ValuePools,
): fc.Arbitrary<unknown> {
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const named = getNamedType(inner);
    if (!isEnumType(named)) throw new Error(`${typeName}.${field}: no generator for lists of ${named.name}`);
    return fc.subarray(named.getValues().map((v) => v.name));
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.name));
  if (!isScalarType(named)) throw new Error(`${typeName}.${field}: no generator for ${named.name}`);
  if (named.name === 'ID') {
    if (field === 'areaId') return fc.constantFrom(...pools.adminUnitIds);
    if (field === 'programmeId') return fc.constantFrom(...pools.programmeIds);
  }
  if (named.name === 'String' && field === 'designation') return fc.constantFrom(...pools.designations);
  if (named.name === 'String') return fc.constantFrom(...pools.texts);
  if (named.name === 'Date') return fc.constantFrom(...pools.dates);
  if (named.name === 'NonNegativeInt' || named.name === 'Int') return fc.constantFrom(...pools.ints);
  throw new Error(`${typeName}.${field}: no generator for ${named.name} — add one to filter-targets.ts`);
}
