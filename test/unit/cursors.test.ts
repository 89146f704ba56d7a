import fc from 'fast-check';
import { AppError } from '../../src/domain/errors';
import type { Keyset } from '../../src/domain/page';
import { CursorCodec } from '../../src/graphql/cursors';

const codec = new CursorCodec('a-test-secret-of-at-least-32-characters!');
const households = codec.scope('list Household', { filter: null, order: 'NAME' });

const keyset = fc.tuple(
  fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
    fc.constant(null),
  ),
  fc.string(),
) as fc.Arbitrary<Keyset>;

/** The error a refused cursor raises, or null when it decodes. */
function refusal(decode: () => unknown): { code: string; argument: unknown } | null {
  try {
    decode();
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, argument: e.details.argument };
  }
}

describe('page cursors: sealed, bound to their list', () => {
  it('gives back exactly the position it sealed', () => {
    fc.assert(
      fc.property(keyset, (k) => {
        expect(households.decode(households.encode(k), 'after')).toEqual(k);
      }),
    );
  });

  it('shows nothing of the position: no sort value, key or JSON in the decoded bytes', () => {
    const cursor = households.encode(['刘显明', 'hh:1']);
    const bytes = Buffer.from(cursor, 'base64url');
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')]) {
      expect(text).not.toContain('刘');
      expect(text).not.toContain('hh:1');
      expect(text).not.toContain('["');
    }
  });

  it('is the same for the same position of the same list, and different for another position', () => {
    expect(households.encode(['刘显明', 'hh:1'])).toBe(households.encode(['刘显明', 'hh:1']));
    expect(households.encode(['刘显明', 'hh:1'])).not.toBe(households.encode(['刘显明', 'hh:2']));
  });

  it('refuses any altered cursor with BAD_USER_INPUT naming the argument', () => {
    fc.assert(
      fc.property(keyset, fc.nat(), fc.integer({ min: 1, max: 255 }), (k, at, flip) => {
        const raw = Buffer.from(households.encode(k), 'base64url');
        raw[at % raw.length] ^= flip;
        expect(refusal(() => households.decode(raw.toString('base64url'), 'before'))).toEqual({
          code: 'BAD_USER_INPUT',
          argument: 'before',
        });
      }),
    );
  });

  it('refuses a cursor of another list, order, filter, parent or secret', () => {
    const cursor = households.encode(['刘显明', 'hh:1']);
    const others = [
      codec.scope('list Student', { filter: null, order: 'NAME' }),
      codec.scope('list Household', { filter: null, order: 'KEY' }),
      codec.scope('list Household', { filter: { areaId: 'x' }, order: 'NAME' }),
      codec.scope('households of AdminUnit:b', { filter: null, order: 'NAME' }),
      new CursorCodec('another-secret-of-at-least-32-characters').scope('list Household', {
        filter: null,
        order: 'NAME',
      }),
    ];
    for (const other of others) {
      expect(refusal(() => other.decode(cursor, 'after'))).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'after',
      });
    }
  });

  it('ignores the paging arguments and the order of keys when it names the list', () => {
    const a = codec.scope('list Household', { first: 3, after: 'x', filter: { b: 1, a: 2 }, order: 'NAME' });
    const b = codec.scope('list Household', { last: 9, order: 'NAME', filter: { a: 2, b: 1 } });
    expect(b.decode(a.encode(['x', 'y']), 'after')).toEqual(['x', 'y']);
  });

  it('refuses hand-made cursors: plain base64url JSON, empty, junk', () => {
    const handMade = Buffer.from(JSON.stringify(['刘显', ''])).toString('base64url');
    for (const c of [handMade, '', 'not a cursor!', 'AAAA', '='.repeat(8)]) {
      expect(refusal(() => households.decode(c, 'after'))).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'after',
      });
    }
  });
});
