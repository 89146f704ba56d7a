import type { Fetch, ItemSpec, RelSpec } from '../../src/store/reads/reads';
import { fetchedOf, projection, rowOf } from '../../src/store/reads/row-shape';

const rel: RelSpec = { pattern: '(p)<-[:HELPER]-(n:Pairing)', parents: ['Organization'] };
const item: ItemSpec = { label: 'Pairing', filter: {}, orders: {} };
const page = (props: string[] | null, nested: Fetch[] = []): Fetch => ({
  kind: 'page',
  rel,
  item,
  filter: null,
  order: 'ID',
  page: { limit: 2, after: null, before: null, last: false } as never,
  props,
  nested,
});
const count: Fetch = { kind: 'count', rel, item, filter: null };
const projects: Fetch = { kind: 'all', rel, cap: 10, props: ['name', 'amountYuan'] };

describe('rows sent as lists', () => {
  it('projects known properties as a list, in order, and unknown ones as a map', () => {
    expect(projection([count, projects], 'n.id', ['id', 'name'])).toBe(
      '[n.id, n.name, labels(n)[0], n.id, [pre0, pre1]]',
    );
    expect(projection([], 'null', ['id'])).toBe('[n.id, labels(n)[0], null]');
    expect(projection([count], 'null', null)).toBe(
      'n {.*, __label: labels(n)[0], __sort: null, __pre: [pre0]}',
    );
    expect(() => projection([], 'null', ['id} RETURN 1 //'])).toThrow('not a property name');
  });

  it('reads every level back as the map the resolvers read, nulls and counts included', () => {
    const nested = [page(['id', 'level'], [projects, count]), count];
    const sent = [
      'org:1',
      null,
      'Organization',
      null,
      [
        [
          ['pr:1', 'BANNER', 'Pairing', 'pr:1', [[['学校', 5000, 'Project', null]], 3]],
          ['pr:2', null, 'Pairing', 'pr:2', [[], 0]],
        ],
        7,
      ],
    ];
    expect(rowOf(sent, nested, ['id', 'name'])).toEqual({
      id: 'org:1',
      name: null,
      __label: 'Organization',
      __sort: null,
      __pre: [
        [
          {
            id: 'pr:1',
            level: 'BANNER',
            __label: 'Pairing',
            __sort: 'pr:1',
            __pre: [[{ name: '学校', amountYuan: 5000, __label: 'Project', __sort: null }], 3],
          },
          { id: 'pr:2', level: null, __label: 'Pairing', __sort: 'pr:2', __pre: [[], 0] },
        ],
        7,
      ],
    });
  });

  it('a map row (all properties) still has its fetched items read back', () => {
    const sent = {
      id: 'org:1',
      name: '新华社',
      __label: 'Organization',
      __sort: null,
      __pre: [[['pr:1', 'Pairing', 'pr:1']]],
    };
    expect(rowOf(sent, [page(['id'])], null)).toEqual({
      id: 'org:1',
      name: '新华社',
      __label: 'Organization',
      __sort: null,
      __pre: [[{ id: 'pr:1', __label: 'Pairing', __sort: 'pr:1' }]],
    });
    expect(fetchedOf([4, [['a', 1, 'Project', null]]], [count, projects])).toEqual([
      4,
      [{ name: 'a', amountYuan: 1, __label: 'Project', __sort: null }],
    ]);
  });
});
