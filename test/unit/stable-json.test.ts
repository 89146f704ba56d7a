import fc from 'fast-check';
import { stableJson } from '../../src/domain/stable-json';

/** The same object with its keys, at every depth, in the reverse insertion order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reversed(x)]),
    );
  return v;
}

describe('stableJson', () => {
  it('writes object keys in sorted order at every depth, arrays in their order', () => {
    expect(stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order', () => {
    expect(stableJson({ filter: { level: ['CITY'], kind: 'ASSIST' }, order: 'KEY' })).toBe(
      stableJson({ order: 'KEY', filter: { kind: 'ASSIST', level: ['CITY'] } }),
    );
  });

  it('keeps array order significant', () => {
    expect(stableJson([1, 2])).not.toBe(stableJson([2, 1]));
  });

  it('leaves out undefined properties and writes undefined elements and values as null, like JSON', () => {
    expect(stableJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(stableJson([undefined, 1])).toBe('[null,1]');
    expect(stableJson(undefined)).toBe('null');
  });

  it('honours toJSON, so two different dates never give the same text', () => {
    const a = new Date('2013-04-16T00:00:00Z');
    const b = new Date('2012-01-01T00:00:00Z');
    expect(stableJson({ on: a })).toBe('{"on":"2013-04-16T00:00:00.000Z"}');
    expect(stableJson(a)).not.toBe(stableJson(b));
  });

  it('escapes keys and strings as JSON does', () => {
    expect(stableJson({ 'a"b': '帮扶\n"x"' })).toBe('{"a\\"b":"帮扶\\n\\"x\\""}');
  });

  it('property: parses back to what JSON.stringify gives, and key order never changes the text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = stableJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(stableJson(reversed(v))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('property: equal text exactly when the values are equal as JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const sameJson = (() => {
          try {
            expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
            return true;
          } catch {
            return false;
          }
        })();
        expect(stableJson(a) === stableJson(b)).toBe(sameJson);
      }),
      { numRuns: 500 },
    );
  });
});
