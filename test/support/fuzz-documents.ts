import fc from 'fast-check';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';

/**
 * A schema-driven generator of GraphQL requests for fuzzing, on fast-check (seeded, so a failing
 * case is reproducible from its seed). It walks the real schema: root fields of Query, their
 * arguments with values of the declared types (inline or as variables), selections of the
 * returned types with aliases and inline fragments on interfaces; then, for a share of the
 * cases, breaks the result: edits the text, misspells names, gives variables the wrong type.
 * No ready-made generator fits: ibm-graphql-query-generator pins graphql 14 as a peer and makes
 * only valid queries. Mutations are left out: the fuzz runs against the shared seed graph.
 */
export interface FuzzRequest {
  kind: 'valid' | 'broken-text' | 'wrong-variables';
  query: string;
  variables: Record<string, unknown>;
}

type Gen = fc.GeneratorValue;

export function fuzzSchema(): GraphQLSchema {
  return buildASTSchema(parse(loadTypeDefs().join('\n')));
}

/** Arbitrary of a fuzz request over `schema`. */
export function fuzzRequest(schema: GraphQLSchema): fc.Arbitrary<FuzzRequest> {
  return fc.gen().map((g) => {
    const vars = new Vars();
    const query = selectRoot(g, schema, vars);
    const valid: FuzzRequest = { kind: 'valid', query, variables: vars.values };
    const roll = g(fc.integer, { min: 0, max: 9 });
    if (roll < 6) return valid;
    if (roll < 8 || vars.count === 0) return { ...valid, kind: 'broken-text', query: breakText(g, query) };
    return { ...valid, kind: 'wrong-variables', variables: wrongVariables(g, vars.values) };
  });
}

class Vars {
  readonly values: Record<string, unknown> = {};
  readonly decls: string[] = [];
  count = 0;
  add(type: GraphQLInputType, value: unknown): string {
    const name = `v${this.count++}`;
    this.values[name] = value;
    this.decls.push(`$${name}: ${String(type)}`);
    return `$${name}`;
  }
}

const MAX_DEPTH = 5;

function selectRoot(g: Gen, schema: GraphQLSchema, vars: Vars): string {
  const query = schema.getQueryType()!;
  const body = selection(g, query, vars, 0);
  const head = vars.decls.length ? `query Fuzz(${vars.decls.join(', ')})` : 'query Fuzz';
  return `${head} ${body}`;
}

function selection(g: Gen, type: GraphQLObjectType, vars: Vars, depth: number): string {
  const fields = Object.values(type.getFields());
  const n = g(fc.integer, { min: 1, max: depth === 0 ? 2 : 4 });
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const field = g(() => fc.constantFrom(...fields));
    const alias = g(fc.boolean) && g(fc.boolean) ? `a${i}_${depth}: ` : '';
    parts.push(
      `${alias}${field.name}${args(g, field, vars)}${subselection(g, getNamedType(field.type), vars, depth)}`,
    );
  }
  return `{ ${parts.join(' ')} }`;
}

function subselection(g: Gen, named: GraphQLNamedType, vars: Vars, depth: number): string {
  if (isLeafType(named)) return '';
  if (depth >= MAX_DEPTH) return ' { __typename }';
  if (isObjectType(named)) return ` ${selection(g, named, vars, depth + 1)}`;
  if (isAbstractType(named)) {
    const schema = fuzzSchemaCache ?? (fuzzSchemaCache = fuzzSchema());
    const possible = schema.getPossibleTypes(named);
    const on = g(() => fc.constantFrom(...possible));
    return ` { __typename ... on ${on.name} ${selection(g, on, vars, depth + 1)} }`;
  }
  return ' { __typename }';
}
let fuzzSchemaCache: GraphQLSchema | undefined;

function args(g: Gen, field: GraphQLField<unknown, unknown>, vars: Vars): string {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && g(fc.integer, { min: 0, max: 2 }) > 0) continue;
    const value = inputValue(g, arg.type, 0);
    parts.push(`${arg.name}: ${g(fc.boolean) ? vars.add(arg.type, value) : literal(value, arg.type)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** A JSON value of `type` (mostly valid, sometimes out of range for the service's own rules). */
function inputValue(g: Gen, type: GraphQLInputType, depth: number): unknown {
  if (!isNonNullType(type) && g(fc.integer, { min: 0, max: 9 }) === 0) return null;
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    const n = g(fc.integer, { min: 0, max: depth > 1 ? 1 : 3 });
    return Array.from({ length: n }, () => inputValue(g, t.ofType as GraphQLInputType, depth + 1));
  }
  if (isEnumType(t)) return g(() => fc.constantFrom(...t.getValues().map((v) => v.name)));
  if (isInputObjectType(t)) {
    const out: Record<string, unknown> = {};
    const fields = Object.values(t.getFields());
    for (const f of fields) {
      if (isNonNullType(f.type) || (depth < 3 && g(fc.integer, { min: 0, max: 3 }) === 0)) {
        out[f.name] = inputValue(g, f.type, depth + 1);
      }
    }
    // Deeper down one field at most (filters nest through AND/OR/NOT), so nesting can go past
    // the service's own filter-depth rule without the value growing exponentially.
    if (depth >= 3 && depth < 8 && g(fc.integer, { min: 0, max: 1 }) === 0) {
      const f = g(() => fc.constantFrom(...fields));
      out[f.name] = inputValue(g, f.type, depth + 1);
    }
    return out;
  }
  if (isScalarType(t)) return scalarValue(g, t.name);
  return null;
}

function scalarValue(g: Gen, name: string): unknown {
  switch (name) {
    case 'Int':
    case 'NonNegativeInt':
    case 'PositiveInt':
      return g(() =>
        fc.oneof(fc.integer({ min: -2, max: 120 }), fc.constantFrom(0, 1, 20, 100, 101, 2 ** 31 - 1)),
      );
    case 'Float':
      return g(fc.double, { noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return g(fc.boolean);
    case 'Date':
      return g(() => fc.constantFrom('2013-04-16', '2012-01-01', '1999-12-31', '2013-02-30', 'yesterday'));
    case 'DateTime':
      return g(() => fc.constantFrom('2013-04-16T08:00:00+08:00', 'not a time'));
    case 'ID':
      return g(() =>
        fc.oneof(
          fc.constantFrom(
            'QWRtaW5Vbml0OmF1OmNoZW5naGFv',
            'UGVyc29uOnBlcnNvbjpsaXUteGlhbmxpYW5n',
            'not-an-id!',
          ),
          fc.base64String({ maxLength: 40 }),
        ),
      );
    default:
      return g(() =>
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('城壕', '刘显亮', '示例', '"', '\\', '*', 'AND ('),
        ),
      );
  }
}

/** A GraphQL literal for a JSON value (enums unquoted where the type says so). */
function literal(value: unknown, type: GraphQLInputType): string {
  const t = getNullableType(type) as GraphQLInputType;
  if (value === null) return 'null';
  if (isListType(t) && Array.isArray(value))
    return `[${value.map((v) => literal(v, t.ofType as GraphQLInputType)).join(', ')}]`;
  if (isEnumType(t)) return String(value);
  if (isInputObjectType(t) && typeof value === 'object') {
    const fields = t.getFields();
    return `{ ${Object.entries(value as object)
      .map(([k, v]) => `${k}: ${literal(v, fields[k].type)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

const JUNK = ['{', '}', '(', ')', '...', '@skip', '$', '"', ':', '#', 'on', 'fragment', '\u0000', '𝔾', '\\u'];

/** Edits the document text so it is (most likely) no longer valid. */
function breakText(g: Gen, q: string): string {
  const at = g(fc.integer, { min: 0, max: Math.max(0, q.length - 1) });
  switch (g(fc.integer, { min: 0, max: 4 })) {
    case 0:
      return q.slice(0, at) + q.slice(at + 1);
    case 1:
      return q.slice(0, at) + g(() => fc.constantFrom(...JUNK)) + q.slice(at);
    case 2:
      return q.replace(/\b([a-z][A-Za-z]+)\b/, '$1x');
    case 3:
      return q.slice(0, at);
    default:
      return q + q.slice(at);
  }
}

/** Replaces one variable's value by a value of another JSON type. */
function wrongVariables(g: Gen, values: Record<string, unknown>): Record<string, unknown> {
  const names = Object.keys(values);
  const name = g(() => fc.constantFrom(...names));
  const wrong = g(() => fc.constantFrom('x', 3.5, -1, true, [], {}, [[1]], null, '9'.repeat(30)));
  return { ...values, [name]: wrong };
}

/** Malformed HTTP requests to /graphql: bodies, content types and methods a client gets wrong. */
export interface RawRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** A URL query string (with its `?`) for GET requests. */
  search?: string;
}

export function malformedRequest(): fc.Arbitrary<RawRequest> {
  const json = { 'content-type': 'application/json' };
  return fc.oneof(
    fc.string({ maxLength: 200 }).map((body) => ({ method: 'POST', headers: json, body })),
    fc
      .uint8Array({ maxLength: 200 })
      .map((b) => ({ method: 'POST', headers: json, body: Buffer.from(b).toString('latin1') })),
    fc.json({ maxDepth: 3 }).map((body) => ({ method: 'POST', headers: json, body })),
    fc
      .record(
        {
          query: fc.anything({ maxDepth: 2 }),
          variables: fc.anything({ maxDepth: 2 }),
          operationName: fc.anything({ maxDepth: 1 }),
          extensions: fc.anything({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      )
      .map((o) => ({ method: 'POST', headers: json, body: JSON.stringify(o) })),
    fc
      .integer({ min: 1, max: 20_000 })
      .map((n) => ({ method: 'POST', headers: json, body: `${'['.repeat(n)}${']'.repeat(n)}` })),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'application/graphql',
      )
      .map((ct) => ({
        method: 'POST',
        headers: { 'content-type': ct },
        body: '{"query":"{ __typename }"}',
      })),
    fc
      .constantFrom('PUT', 'DELETE', 'PATCH')
      .map((method) => ({ method, headers: json, body: '{"query":"{ __typename }"}' })),
    fc.string({ maxLength: 60 }).map((q) => ({
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true' },
      search: `?query=${encodeURIComponent(q)}&variables=${encodeURIComponent(q)}`,
    })),
  );
}
