import { buildSchema, type GraphQLSchema, Kind, parse, validate } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { LIVE, PAIRING, SEARCH, VIEW } from '../../web/explorer/queries';
import { pairingFilter, readState, writeState } from '../../web/explorer/view-state';
import { AUDIENCES, EXAMPLES } from '../../web/playground/examples';

/** The service's schema, from the same SDL files the server loads. */
const schema: GraphQLSchema = buildSchema(loadTypeDefs().join('\n'));

/** Validation errors of `query` against the schema, as messages (empty when valid). */
const problems = (query: string) => validate(schema, parse(query)).map((e) => e.message);

describe('playground examples', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s is a valid operation of the schema', (_id, ex) => {
    expect(problems(ex.query)).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    '%s supplies every required variable and no unknown one',
    (_id, ex) => {
      const op = parse(ex.query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      const defs = op && op.kind === Kind.OPERATION_DEFINITION ? (op.variableDefinitions ?? []) : [];
      const declared = defs.map((d) => d.variable.name.value);
      const required = defs
        .filter((d) => d.type.kind === Kind.NON_NULL_TYPE && !d.defaultValue)
        .map((d) => d.variable.name.value);
      const given = Object.keys(ex.variables ?? {});
      expect(given.filter((v) => !declared.includes(v))).toEqual([]);
      expect(required.filter((v) => !given.includes(v))).toEqual([]);
    },
  );

  it('has labels in Chinese and English, unique ids, and at least two examples per user group', () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/[A-Za-z]{3}/);
    }
    for (const a of AUDIENCES) {
      expect(EXAMPLES.filter((e) => e.audience === a.id).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('runs the first example (the one open on arrival) without any variables', () => {
    const op = parse(EXAMPLES[0].query).definitions[0];
    const defs = op.kind === Kind.OPERATION_DEFINITION ? (op.variableDefinitions ?? []) : [];
    expect(defs.every((d) => d.type.kind !== Kind.NON_NULL_TYPE || d.defaultValue)).toBe(true);
  });
});

describe('explorer operations', () => {
  it.each([
    ['search', SEARCH],
    ['view', VIEW],
    ['pairing', PAIRING],
    ['live', LIVE],
  ])('the %s operation is valid against the schema', (_name, query) => {
    expect(problems(query.toString())).toEqual([]);
  });
});

describe('explorer view state in the URL', () => {
  it('round-trips a view through the query string', () => {
    const s = {
      roots: ['QWRtaW5Vbml0OmF1OmNoZW5naGFv', 'T3JnYW5pemF0aW9uOm9yZzp4aW5odWEtbm1n'],
      focus: 'T3JnYW5pemF0aW9uOm9yZzp4aW5odWEtbm1n',
      activeOn: '2013-04-16',
      depth: 2,
      hideSynthetic: true,
      colourBy: 'category' as const,
      maxNodes: 2000,
    };
    expect(readState(writeState(s))).toEqual(s);
  });

  it('falls back to defaults for malformed values', () => {
    expect(readState('?on=16.04.2013&depth=9&maxNodes=-1&colour=pink')).toEqual({
      roots: [],
      focus: null,
      activeOn: '',
      depth: 1,
      hideSynthetic: false,
      colourBy: 'level',
      maxNodes: 500,
    });
  });

  it('filters pairings by the date and, when asked, by layer', () => {
    const base = readState('');
    expect(pairingFilter(base)).toEqual({});
    expect(pairingFilter({ ...base, activeOn: '2013-04-16', hideSynthetic: true })).toEqual({
      activeOn: '2013-04-16',
      provenance: ['REPORTED', 'DERIVED'],
    });
  });
});
