import fc from 'fast-check';
import { fetchLimit, probedIf, type Keyset, type Page } from '../../src/domain/page';
import { toConnection } from '../../src/graphql/connections';
import { CursorCodec } from '../../src/graphql/cursors';

/**
 * A page fetches one row beyond its items only when someone asks whether another page exists
 * (its pageInfo is selected). Fetched exactly, its edges are the same, and its pageInfo refuses
 * to answer rather than answer wrong.
 */
describe('pages fetched with or without the row beyond them', () => {
  const scope = new CursorCodec('a-test-secret-of-at-least-32-characters!').scope('list Household');
  const keyOf = (r: { id: string }): Keyset => [r.id, r.id];
  const stored = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `k${String(i).padStart(3, '0')}` }));
  /** What a statement returns for `page` over `total` stored rows (the first page). */
  const fetched = (page: Page, total: number) => stored(total).slice(0, fetchLimit(page));

  it('fetches limit + 1 rows when asked whether another page exists, else exactly limit', () => {
    const page: Page = { direction: 'forward', limit: 7, from: null };
    expect([fetchLimit(probedIf(page, true)), fetchLimit(probedIf(page, false))]).toEqual([8, 7]);
    expect(probedIf(page, true)).toBe(page);
  });

  it('answers the same edges either way, and the probed page knows whether another exists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom<Page['direction']>('forward', 'backward'),
        (limit, total, direction) => {
          const page: Page = { direction, limit, from: null };
          const [probed, exact] = [probedIf(page, true), probedIf(page, false)].map((p) =>
            toConnection(fetched(p, total), p, keyOf, () => total, scope),
          );
          const ids = (c: typeof probed) => c.edges.map((e) => e.node.id);
          expect(ids(exact)).toEqual(ids(probed));
          expect(ids(probed)).toHaveLength(Math.min(limit, total));
          const forward = direction === 'forward';
          expect(probed.pageInfo.hasNextPage).toBe(forward && total > limit);
          expect(probed.pageInfo.hasPreviousPage).toBe(!forward && total > limit);
        },
      ),
    );
  });

  it('refuses to tell whether another page exists when the page was fetched exactly', () => {
    for (const direction of ['forward', 'backward'] as const) {
      const page: Page = { direction, limit: 2, from: null, exact: true };
      const c = toConnection(stored(2), page, keyOf, () => 5, scope);
      const [probe, known] =
        direction === 'forward' ? ['hasNextPage', 'hasPreviousPage'] : ['hasPreviousPage', 'hasNextPage'];
      expect(() => c.pageInfo[probe as 'hasNextPage']).toThrow(
        'pageInfo read on a page fetched without the row beyond it',
      );
      // the other side does not depend on the extra row: no cursor came in, so it is false
      expect(c.pageInfo[known as 'hasNextPage']).toBe(false);
      expect(c.pageInfo.endCursor).toBe(c.edges[1].cursor);
    }
  });
});
