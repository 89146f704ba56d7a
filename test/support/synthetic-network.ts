import type { AnalyticsTask } from '../../src/store/analytics/analytics-task';
import type { NetworkEdges } from '../../src/store/analytics/measures';

/** A ring of `n` helpers and `n` beneficiaries, each helper paired with two (i and i + 7). */
export function ringNetwork(n: number): NetworkEdges {
  const e: NetworkEdges = { helpers: [], beneficiaries: [], weights: [] };
  for (let i = 0; i < n; i++) {
    for (const d of [0, 7]) {
      e.helpers.push(`Organization:h${i}`);
      e.beneficiaries.push(`Household:b${(i + d) % n}`);
      e.weights.push(1);
    }
  }
  return e;
}

/** Exact betweenness of an 80,000-node ring: minutes of work (n × links steps), for deadline and queue tests. */
export const SLOW_TASK = {
  kind: 'centrality',
  measure: 'BETWEENNESS',
  network: { edges: ringNetwork(40_000) },
  samples: 1e6,
  exactWork: Number.MAX_SAFE_INTEGER,
} as const satisfies AnalyticsTask;

/** Degree of a 20-node ring: done in a millisecond. */
export const QUICK_TASK = {
  kind: 'centrality',
  measure: 'DEGREE',
  network: { edges: ringNetwork(10) },
  samples: 1,
  exactWork: 0,
} as const satisfies AnalyticsTask;
