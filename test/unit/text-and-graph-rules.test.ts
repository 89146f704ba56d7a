import fc from 'fast-check';
import { buildSchema, getNamedType, isEnumType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import { GRAPH_RULES } from '../../src/domain/validation/graph-rules';
import { Issues } from '../../src/domain/validation/issues';
import { checkText, MAX_TEXT } from '../../src/domain/validation/text';
import { loadTypeDefs } from '../../src/graphql/schema';
import type { Label } from '../../src/domain/model';

const check = (v: string, max?: number) => {
  const is = new Issues('input');
  const out = checkText(is, 'name', v, max);
  return { ok: is.ok, out, problem: is.list[0]?.problem };
};

describe('checkText: the one rule for human-written text', () => {
  it.each([
    ['NUL', 'a\u0000b', /control characters, got U\+0000/],
    ['ESC', '\u001b[31mred', /control characters, got U\+001B/],
    ['BEL', 'ring\u0007', /control characters, got U\+0007/],
    [
      'U+202E right-to-left override',
      '示例\u202etxt.exe',
      /bidirectional formatting characters, got U\+202E/,
    ],
    ['U+2066 isolate', 'a\u2066b', /bidirectional/],
    ['a lone high surrogate', 'a\ud800', /lone surrogate/],
    ['a lone low surrogate', '\udc00b', /lone surrogate/],
    ['two zero-width spaces', '\u200b\u200b', /must not be empty/],
    ['ideographic spaces and a zero-width joiner', '\u3000\u200d\u3000', /must not be empty/],
    ['a Hangul filler', '\u3164', /must not be empty/],
  ])('refuses a name with %s', (_what, v, problem) => {
    const r = check(v);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(problem);
  });

  it('normalises to NFC and trims', () => {
    expect(check(' Jose\u0301 ')).toEqual({ ok: true, out: 'José', problem: undefined });
    expect(check('e\u0301').out).toBe(check('\u00e9').out);
  });

  it('keeps tabs and line breaks in free text, not in names', () => {
    expect(check('第一行\n第二行', MAX_TEXT).ok).toBe(true);
    expect(check('第一行\n第二行').ok).toBe(false);
  });

  it('accepts only NFC text without controls, bidi formatting or lone surrogates that shows something (property)', () => {
    const chars = fc.oneof(
      fc.constantFrom(
        '\u0000',
        '\u001b',
        '\u0007',
        '\u202e',
        '\u200b',
        '\u200f',
        '\ud800',
        '\udc00',
        ' ',
        '\t',
        '\n',
        'e\u0301',
        '名',
        'a',
      ),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 8 }), fc.boolean(), (parts, long) => {
        const r = check(parts.join(''), long ? MAX_TEXT : undefined);
        if (!r.ok) return;
        expect(r.out).toBe(r.out.normalize('NFC'));
        expect(r.out).not.toMatch(/\p{Cs}|\p{Bidi_Control}/u);
        expect(r.out).not.toMatch(long ? /[^\P{Cc}\t\n\r]/u : /\p{Cc}/u);
        expect(r.out.replace(/[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu, '')).not.toBe('');
        // Checking the result again changes nothing: mutation and import store the same text.
        expect(check(r.out, long ? MAX_TEXT : undefined)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('GRAPH_RULES against the GraphQL schema', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  /**
   * Fields whose resolvers do not read a property of their own name as is (ids, defaults for a
   * missing list or rank, memberCount reading `members`, which is ruled under that name).
   */
  const COMPUTED = new Set([
    'memberCount',
    'id',
    'key',
    'provenance',
    'version',
    'aliases',
    'citations',
    'designations',
    'roles',
    'rank',
  ]);

  it('requires every property a non-null field of an exposed type reads, and declares the enum values the schema has', () => {
    const problems: string[] = [];
    for (const [label, rules] of Object.entries(GRAPH_RULES)) {
      const type = schema.getType(label);
      if (!isObjectType(type)) {
        problems.push(`${label}: no such type`);
        continue;
      }
      for (const f of Object.values(type.getFields())) {
        const named = getNamedType(f.type);
        if (f.args.length || COMPUTED.has(f.name) || !(isScalarType(named) || isEnumType(named))) continue;
        const rule = rules!.props[f.name];
        if (isNonNullType(f.type) && !rule?.required)
          problems.push(`${label}.${f.name} is non-null but not required`);
        if (isEnumType(named) && rule) {
          const values = rule.type.t === 'enum' ? [...rule.type.values].sort() : [];
          const schemaValues = named
            .getValues()
            .map((v) => v.name)
            .sort();
          if (!values.every((v) => schemaValues.includes(v)))
            problems.push(`${label}.${f.name}: ${values.join(',')} not all in ${named.name}`);
        }
        if (
          !rule &&
          ['Date', 'NonNegativeInt', 'Int', 'Float', 'Boolean'].includes(named.name) &&
          !isEnumType(named)
        )
          problems.push(`${label}.${f.name} (${named.name}) has no type rule`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers every label the API exposes as a Node type', () => {
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
      .map((t) => t.name)
      .sort();
    expect(Object.keys(GRAPH_RULES).sort()).toEqual(nodeTypes as Label[]);
  });
});
