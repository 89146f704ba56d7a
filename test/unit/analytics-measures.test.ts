import {
  communities,
  graphOfEdges,
  rankTop,
  scores,
  type NetworkEdges,
} from '../../src/store/analytics/measures';
import { pathsCypher } from '../../src/store/analytics/paths.store';
import { pairingGraphCypher } from '../../src/store/analytics/graph.cypher';
import { betweenness, pagerank, type RefEdge } from '../support/analytics-reference';

/** Two components: a path h1–v1–h2–v2 plus a star h3 – {v3, v4, v5}, and a lone pair h4–v6. */
const LINKS: [string, string, number][] = [
  ['h1', 'v1', 1],
  ['h2', 'v1', 2],
  ['h2', 'v2', 1],
  ['h3', 'v3', 1],
  ['h3', 'v4', 1],
  ['h3', 'v5', 3],
  ['h4', 'v6', 1],
];
const projection: NetworkEdges = {
  helpers: LINKS.map(([h]) => `Organization:${h}`),
  beneficiaries: LINKS.map(([, b]) => `AdminUnit:${b}`),
  weights: LINKS.map(([, , w]) => w),
};
const refEdges: RefEdge[] = LINKS.map(([h, b]) => ({
  a: `Organization:${h}`,
  b: `AdminUnit:${b}`,
  type: 'PAIRED',
}));
const weights = new Map(LINKS.map(([h, b, w]) => [`Organization:${h}|AdminUnit:${b}`, w]));

describe('network measures (graphology)', () => {
  const g = graphOfEdges(projection);

  it('degree counts distinct partners', () => {
    expect(Object.fromEntries(scores(g, 'DEGREE'))).toMatchObject({
      'Organization:h3': 3,
      'AdminUnit:v1': 2,
      'AdminUnit:v6': 1,
    });
  });

  it('betweenness equals the definition over unordered pairs, disconnected pairs contributing nothing', () => {
    const ref = betweenness(refEdges);
    for (const [k, v] of scores(g, 'BETWEENNESS')) expect(v).toBeCloseTo(ref.get(k)!, 9);
    expect(ref.get('Organization:h3')).toBe(3); // C(3, 2)
    expect(ref.get('AdminUnit:v1')).toBe(2); // h1–h2 and h1–v2
  });

  it('pagerank equals the weighted fixed point', () => {
    const ref = pagerank(refEdges, weights);
    for (const [k, v] of scores(g, 'PAGERANK')) expect(v).toBeCloseTo(ref.get(k)!, 4);
  });

  it('ranks ties together (competition ranking) and breaks them by key', () => {
    const s = new Map([
      ['b', 2],
      ['a', 2],
      ['c', 5],
      ['d', 1],
    ]);
    expect(rankTop(s, 3)).toEqual([
      { key: 'c', score: 5, rank: 1 },
      { key: 'a', score: 2, rank: 2 },
      { key: 'b', score: 2, rank: 2 },
    ]);
    expect(rankTop(new Map(), 5)).toEqual([]);
  });

  it('finds the same communities every time, never across components', () => {
    const p = communities(g);
    expect(communities(graphOfEdges(projection))).toEqual(p);
    const comp = (k: string) =>
      ['h1', 'h2', 'v1', 'v2'].some((x) => k.endsWith(`:${x}`)) ? 0 : k.match(/:(h3|v3|v4|v5)$/) ? 1 : 2;
    for (const c of p.communities) expect(new Set(c.members.map(comp)).size).toBe(1);
    expect(p.communities.flatMap((c) => c.members)).toHaveLength(10);
    expect(communities(graphOfEdges({ helpers: [], beneficiaries: [], weights: [] }))).toEqual({
      communities: [],
      modularity: 0,
    });
  });
});

describe('traversal statements', () => {
  it('bound the depth of pairingGraph and the hops of paths', () => {
    expect(() => pairingGraphCypher(7, 'BOTH', 'true', true)).toThrow('depth must be an integer in 0..6');
    expect(pairingGraphCypher(2, 'OUT', 'true', true).match(/CALL \(seen, frontier\)/g)).toHaveLength(2);
    expect(pairingGraphCypher(1, 'IN', 'true', true)).not.toContain(
      '[:BENEFICIARY]->(y) WHERE true RETURN y',
    );
    const ends = {
      from: { label: 'Organization' as const, id: 'x' },
      to: { label: 'Household' as const, id: 'y' },
    };
    expect(() => pathsCypher({ ...ends, maxHops: 11, on: null, via: ['PAIRING'] })).toThrow('maxHops');
    expect(() => pathsCypher({ ...ends, maxHops: 3, on: null, via: [] })).toThrow('via');
    const c = pathsCypher({ ...ends, maxHops: 4, on: '2013-04-16', via: ['PAIRING', 'LOCATED_IN'] });
    expect(c).toContain('[:HELPER|BENEFICIARY|LOCATED_IN*..4]');
    expect(c).not.toContain('2013-04-16');
    expect(c).not.toContain("'x'");
  });

  it('expand pairingGraph edges from the beneficiary end, and compute categories only when asked', () => {
    const withCats = pairingGraphCypher(2, 'BOTH', 'p.level IS NOT NULL', true);
    const without = pairingGraphCypher(2, 'BOTH', 'p.level IS NOT NULL', false);
    for (const c of [withCats, without]) {
      expect(c).toMatch(
        /UNWIND seen AS y\s+MATCH \(y\)<-\[:BENEFICIARY\]-\(p:Pairing\)-\[:HELPER\]->\(x\)\s+WHERE x IN seen AND p\.level IS NOT NULL/,
      );
      expect(c).not.toContain('UNWIND seen AS x');
    }
    expect(withCats).toContain(
      '__cats: COLLECT { MATCH (n)<-[:HELPER]-(p:Pairing) WHERE p.level IS NOT NULL RETURN DISTINCT p.category }',
    );
    expect(without).not.toContain('__cats');
    expect(without).not.toContain('(n)<-[:HELPER]');
  });
});
