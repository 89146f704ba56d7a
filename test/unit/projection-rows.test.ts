import fc from 'fast-check';
import { AppError } from '../../src/domain/errors';
import { ProjectionRows } from '../../src/store/analytics/projection.store';

/** The reader's rows (one per pairing) become weighted links: checked against a plain count. */
const row = fc.tuple(
  fc.constantFrom('Organization:a', 'Person:b', 'Enterprise:c:1'),
  fc.constantFrom('Household:x', 'AdminUnit:y', 'Student:z', 'Household:x:2'),
);

describe('projection rows → weighted links', () => {
  it('one link per distinct (helper, beneficiary), weighted by its rows, in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const p = new ProjectionRows(1_000);
        for (const [h, b] of rows) p.add(h, b);
        const expected = new Map<string, number>();
        for (const [h, b] of rows) expected.set(`${h}|${b}`, (expected.get(`${h}|${b}`) ?? 0) + 1);
        const got = p.edges.helpers.map((h, i) => [`${h}|${p.edges.beneficiaries[i]}`, p.edges.weights[i]]);
        expect(got).toEqual([...expected]);
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('refuses the first link past the cap, not another pairing of a link it holds', () => {
    const p = new ProjectionRows(2);
    p.add('Organization:a', 'Household:x');
    p.add('Organization:a', 'Household:y');
    p.add('Organization:a', 'Household:x');
    expect(p.edges.weights).toEqual([2, 1]);
    let refused: unknown;
    try {
      p.add('Person:b', 'Household:x');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      details: { argument: 'areaId', maxEdges: 2 },
    });
  });
});
