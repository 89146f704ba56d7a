import neo4j from 'neo4j-driver';
import { toPlain } from '../../src/store/values';

/**
 * toPlain turns every value the driver can hand back into plain JSON-friendly JavaScript. Each
 * kind is pinned here, so the order of its checks (primitives first, for speed) can change
 * without changing an answer.
 */
const { Date: Neo4jDate, DateTime, LocalDateTime, Duration, Node, Relationship } = neo4j.types;

describe('toPlain', () => {
  it.each([
    ['a string', '帮扶', '帮扶'],
    ['an empty string', '', ''],
    ['a float', 2.5, 2.5],
    ['zero as a float', 0, 0],
    ['true', true, true],
    ['false', false, false],
    ['null', null, null],
    ['undefined', undefined, null],
    ['an integer', neo4j.int(38), 38],
    ['the largest exact integer', neo4j.int(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
    ['a negative integer', neo4j.int(-182), -182],
    ['a bigint', 22n, 22],
    ['a date', new Neo4jDate(2013, 4, 16), '2013-04-16'],
    ['a datetime', new DateTime(2013, 4, 16, 8, 30, 0, 0, 0), '2013-04-16T08:30:00Z'],
    ['a local datetime', new LocalDateTime(2013, 4, 16, 8, 30, 0, 0), '2013-04-16T08:30:00'],
    ['a duration', new Duration(0, 22, 0, 0), 'P22DT'],
  ])('keeps %s as its plain value', (_, v, plain) => {
    expect(toPlain(v)).toEqual(plain);
  });

  it('turns nodes and relationships into their property maps, converted in turn', () => {
    const node = new Node(neo4j.int(1), ['Person'], { name: '刘显亮', students: neo4j.int(38) }, 'e1');
    const rel = new Relationship(
      neo4j.int(2),
      neo4j.int(1),
      neo4j.int(3),
      'HELPER',
      { since: new Neo4jDate(1991, 1, 1) },
      'e2',
      'e1',
      'e3',
    );
    expect(toPlain(node)).toEqual({ name: '刘显亮', students: 38 });
    expect(toPlain(rel)).toEqual({ since: '1991-01-01' });
  });

  it('converts inside lists and maps, at any depth, keeping keys and order', () => {
    const v = {
      id: 'au:chenghao',
      n: neo4j.int(182),
      list: [neo4j.int(1), 'a', null, [2.5, { d: new Neo4jDate(2013, 4, 16) }]],
      nested: { a: { b: { c: neo4j.int(5) } }, empty: {}, none: [] },
    };
    const plain = toPlain(v);
    expect(plain).toEqual({
      id: 'au:chenghao',
      n: 182,
      list: [1, 'a', null, [2.5, { d: '2013-04-16' }]],
      nested: { a: { b: { c: 5 } }, empty: {}, none: [] },
    });
    expect(Object.keys(plain as object)).toEqual(['id', 'n', 'list', 'nested']);
  });

  it('refuses an integer beyond ±(2^53 − 1) rather than rounding it', () => {
    expect(() => toPlain(neo4j.int('9007199254740993'))).toThrow(/9007199254740993.*beyond/);
    expect(() => toPlain({ deep: [neo4j.int('-9007199254740993')] })).toThrow(/beyond/);
  });

  it('refuses a value no Neo4j result carries', () => {
    expect(() => toPlain(Symbol('x'))).toThrow(TypeError);
    expect(() => toPlain(() => 1)).toThrow(/unsupported Neo4j value of type function/);
  });
});
