import type { Keyset } from '../../src/domain/page';
import { toConnection } from '../../src/graphql/connections';
import { CursorCodec, type CursorScope } from '../../src/graphql/cursors';

/** A page's cursors are sealed only when read, and are then exactly the cursors of its positions. */
describe('connection cursors', () => {
  const scope = new CursorCodec('a-test-secret-of-at-least-32-characters!').scope('list Household', {
    filter: null,
    order: 'KEY',
  });
  const rows = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  const keyOf = (r: { id: string }): Keyset => [r.id, r.id];

  function counted(): { scope: CursorScope; sealed: () => number } {
    let n = 0;
    return {
      scope: { encode: (k) => (n++, scope.encode(k)), decode: scope.decode },
      sealed: () => n,
    };
  }

  it('seals no cursor for a page read without cursors, and each read cursor once', async () => {
    const c = counted();
    const conn = toConnection(
      rows,
      { direction: 'forward', limit: 3, from: null },
      keyOf,
      () => Promise.resolve(4),
      c.scope,
    );
    expect(conn.edges.map((e) => e.node.id)).toEqual(['a', 'b', 'c']);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(c.sealed()).toBe(0);
    expect(conn.edges[1].cursor).toBe(scope.encode(['b', 'b']));
    expect(conn.edges[1].cursor).toBe(scope.encode(['b', 'b']));
    expect(c.sealed()).toBe(1);
    expect([conn.pageInfo.startCursor, conn.pageInfo.endCursor]).toEqual([
      scope.encode(['a', 'a']),
      scope.encode(['c', 'c']),
    ]);
    expect(c.sealed()).toBe(3);
    expect(scope.decode(conn.pageInfo.endCursor!, 'after')).toEqual(['c', 'c']);
  });

  it('gives a backward page its cursors in page order, and an empty page none', () => {
    const back = toConnection(
      [...rows].reverse().slice(0, 3),
      { direction: 'backward', limit: 2, from: ['e', 'e'] },
      keyOf,
      () => Promise.resolve(4),
      scope,
    );
    expect(back.edges.map((e) => [e.node.id, e.cursor])).toEqual([
      ['c', scope.encode(['c', 'c'])],
      ['d', scope.encode(['d', 'd'])],
    ]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(back.pageInfo.startCursor).toBe(scope.encode(['c', 'c']));
    const empty = toConnection(
      [],
      { direction: 'forward', limit: 2, from: null },
      keyOf,
      () => Promise.resolve(0),
      scope,
    );
    expect([empty.pageInfo.startCursor, empty.pageInfo.endCursor, empty.pageInfo.hasNextPage]).toEqual([
      null,
      null,
      false,
    ]);
  });
});
