import { buildSchema, type GraphQLSchema, Kind, parse, validate } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { LIVE, PAIRING, SEARCH, VIEW } from '../../web/explorer/queries';
import { TIME } from '../../web/explorer/time-queries';
import { dayAtMonth, monthIndex, placeInData, stepDay } from '../../web/explorer/time-steps';
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
    ['time', TIME],
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
      hideOutOfNetwork: true,
      step: 'month' as const,
      colourBy: 'category' as const,
      maxNodes: 2000,
    };
    expect(readState(writeState(s))).toEqual(s);
  });

  it('falls back to defaults for malformed values', () => {
    expect(readState('?on=16.04.2013&depth=9&maxNodes=-1&colour=pink&step=week&others=maybe')).toEqual({
      roots: [],
      focus: null,
      activeOn: '',
      depth: 1,
      hideSynthetic: false,
      hideOutOfNetwork: false,
      step: 'year',
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
    expect(pairingFilter({ ...base, hideOutOfNetwork: true })).toEqual({ kind: ['ASSIST', 'STATIONED'] });
  });
});

describe('the time control steps through the calendar', () => {
  it('steps by year and by month, keeping or clamping the day of the month', () => {
    expect(stepDay('2013-04-16', 'year', 1)).toBe('2014-04-16');
    expect(stepDay('2013-04-16', 'year', -22)).toBe('1991-04-16');
    expect(stepDay('2013-04-16', 'month', -4)).toBe('2012-12-16');
    expect(stepDay('2013-01-31', 'month', 1)).toBe('2013-02-28');
    expect(stepDay('2012-02-29', 'year', 1)).toBe('2013-02-28');
    expect(stepDay('2012-12-31', 'month', 1)).toBe('2013-01-31');
  });

  it('maps slider positions (months) to days and back', () => {
    for (const day of ['1991-09-01', '2013-04-16', '2000-02-29', '2026-12-31'])
      expect(dayAtMonth(monthIndex(day), Number(day.slice(8)))).toBe(day);
    expect(monthIndex('2013-05-01') - monthIndex('2012-05-31')).toBe(12);
    expect(dayAtMonth(monthIndex('2013-02-01'), 31)).toBe('2013-02-28');
  });

  it('says whether a day lies before, within or after the data', () => {
    const range = { first: '1991-09-01', last: '2013-07-01' };
    expect(
      ['1991-08-31', '1991-09-01', '2013-04-16', '2013-07-01', '2013-07-02'].map((d) =>
        placeInData(d, range),
      ),
    ).toEqual(['before', 'within', 'within', 'within', 'after']);
    expect(placeInData('1900-01-01', null)).toBe('within');
  });
});
