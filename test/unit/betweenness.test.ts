import fc from 'fast-check';
import {
  BETWEENNESS_CONFIDENCE,
  betweenness,
  sampleWithoutReplacement,
  toAdjacency,
} from '../../src/store/analytics/betweenness';
import { betweenness as referenceBetweenness, type RefEdge } from '../support/analytics-reference';

/** A random simple undirected graph: n nodes, edges as index pairs. */
const graphArb = fc.integer({ min: 2, max: 24 }).chain((n) =>
  fc
    .uniqueArray(
      fc
        .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }))
        .filter(([a, b]) => a < b),
      { selector: ([a, b]) => `${a}-${b}`, maxLength: 60 },
    )
    .map((edges) => ({ n, edges })),
);

const refOf = (edges: [number, number][]): RefEdge[] =>
  edges.map(([a, b]) => ({ a: `${a}`, b: `${b}`, type: 'L' }));

describe('betweenness (Brandes, exact or by sampled sources)', () => {
  it('exact scores equal the definition on any graph', () => {
    fc.assert(
      fc.property(graphArb, ({ n, edges }) => {
        const b = betweenness(toAdjacency(n, Int32Array.from(edges.flat())), { samples: 1e6, exactWork: 0 });
        expect(b.approximate).toBe(false);
        const ref = referenceBetweenness(refOf(edges));
        for (let v = 0; v < n; v++) expect(b.scores[v]).toBeCloseTo(ref.get(`${v}`) ?? 0, 9);
      }),
      { numRuns: 150 },
    );
  });

  it('a path of 5 nodes: the middle node lies on 4 of the 6 pairs of the others', () => {
    const b = betweenness(toAdjacency(5, Int32Array.from([0, 1, 1, 2, 2, 3, 3, 4])), {
      samples: 10,
      exactWork: 0,
    });
    expect([...b.scores]).toEqual([0, 3, 4, 3, 0]);
  });

  it('sampling all sources is exact; the estimate is unbiased (mean over seeds ≈ exact)', () => {
    // a random graph of 60 nodes and 120 links (fixed seed)
    const n = 60;
    const pairs: number[] = [];
    const seen = new Set<string>();
    const idx = sampleWithoutReplacement(n * n, n * n, 7);
    for (const x of idx) {
      const [a, b] = [Math.floor(x / n), x % n];
      if (a < b && !seen.has(`${a}-${b}`) && seen.size < 120) {
        seen.add(`${a}-${b}`);
        pairs.push(a, b);
      }
    }
    const g = toAdjacency(n, Int32Array.from(pairs));
    const exact = betweenness(g, { samples: n, exactWork: 0 }).scores;
    const runs = 400;
    const mean = new Float64Array(n);
    for (let seed = 1; seed <= runs; seed++) {
      const est = betweenness(g, { samples: 15, exactWork: 0, seed });
      expect(est).toMatchObject({ approximate: true, samples: 15, confidence: BETWEENNESS_CONFIDENCE });
      // the stated bound holds for every node
      for (let v = 0; v < n; v++)
        expect(Math.abs(est.scores[v] - exact[v])).toBeLessThanOrEqual(est.errorBound!);
      for (let v = 0; v < n; v++) mean[v] += est.scores[v] / runs;
    }
    const total = exact.reduce((s, x) => s + x, 0);
    const meanTotal = mean.reduce((s, x) => s + x, 0);
    expect(Math.abs(meanTotal - total) / total).toBeLessThan(0.02);
  });

  it('the error bound is the Hoeffding bound over all nodes, in score units', () => {
    const n = 100;
    const pairs = Int32Array.from(Array.from({ length: n - 1 }, (_, i) => [i, i + 1]).flat());
    const b = betweenness(toAdjacency(n, pairs), { samples: 10, exactWork: 0, seed: 3 });
    const eps = Math.sqrt(Math.log((2 * n) / 0.05) / 20);
    expect(b.errorBound).toBeCloseTo((n / (n - 1)) * eps * ((99 * 98) / 2), 6);
  });

  it('samples distinct sources, reproducibly for a seed', () => {
    const s = sampleWithoutReplacement(1000, 200, 42);
    expect(new Set(s).size).toBe(200);
    expect([...s]).toEqual([...sampleWithoutReplacement(1000, 200, 42)]);
    expect([...s]).not.toEqual([...sampleWithoutReplacement(1000, 200, 43)]);
  });
});
