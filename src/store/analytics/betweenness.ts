import { xoroshiro128plus } from 'pure-rand';

/**
 * Shortest-path betweenness over hops (Brandes 2001) on an undirected graph in compressed
 * adjacency form, exact or estimated from sampled sources (Brandes & Pich 2007).
 *
 * Exact: BC(v) = ½ Σ_s δ_s(v) over every source s, where δ_s(v) is the dependency of s on v
 * (each unordered pair of other nodes counted once, as graphology's unnormalised measure).
 *
 * Sampled: k distinct sources drawn uniformly (seeded, so an answer is reproducible), and
 * BĈ(v) = (n / k) · ½ Σ_{sampled s} δ_s(v), an unbiased estimate. Since 0 ≤ δ_s(v) ≤ n − 2, the
 * normalised score b(v) = BC(v) / C(n−1, 2) is n/(n−1) times the mean over all sources of
 * Y_s = δ_s(v)/(n−2) ∈ [0, 1]; Hoeffding's inequality (which holds for sampling without
 * replacement too, Hoeffding 1963 §6) bounds one node's error by (n/(n−1))·ε with probability
 * ≥ 1 − 2·exp(−2kε²), and a union bound over the n nodes gives, for every node at once with
 * confidence 1 − δ: ε = √(ln(2n/δ) / (2k)). `errorBound` is that bound in score units.
 */

/** An undirected graph: the neighbours of node i are targets[offsets[i] .. offsets[i+1]). */
export interface Adjacency {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
}

/** Compressed adjacency from undirected edges given as node-index pairs (a0, b0, a1, b1, …). */
export function toAdjacency(n: number, pairs: Int32Array): Adjacency {
  const degree = new Int32Array(n + 1);
  for (let i = 0; i < pairs.length; i++) degree[pairs[i] + 1]++;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i + 1];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i];
    const b = pairs[i + 1];
    targets[fill[a]++] = b;
    targets[fill[b]++] = a;
  }
  return { n, offsets, targets };
}

/** Σ over `sources` of the dependencies δ_s(v), for every node v. */
export function dependencySums(g: Adjacency, sources: Iterable<number>): Float64Array {
  const { n, offsets, targets } = g;
  const sum = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    // breadth-first: `order` is the queue, and afterwards the nodes by distance
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++];
      for (let j = offsets[v]; j < offsets[v + 1]; j++) {
        const w = targets[j];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      for (let j = offsets[w]; j < offsets[w + 1]; j++) {
        const v = targets[j];
        if (dist[v] === dist[w] - 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      sum[w] += delta[w];
    }
  }
  return sum;
}

export interface Betweenness {
  scores: Float64Array;
  approximate: boolean;
  /** Sources sampled (null when exact). */
  samples: number | null;
  /** Largest error of any score at `confidence` (null when exact). */
  errorBound: number | null;
  confidence: number | null;
}

/** Confidence of the stated error bound of sampled betweenness. */
export const BETWEENNESS_CONFIDENCE = 0.95;

/**
 * Exact betweenness when n ≤ samples or n × links ≤ exactWork, else estimated from `samples`
 * sources drawn with `seed`.
 */
export function betweenness(
  g: Adjacency,
  o: { samples: number; exactWork: number; seed?: number },
): Betweenness {
  const { n } = g;
  const links = g.targets.length / 2;
  if (n <= o.samples || n * links <= o.exactWork) {
    const sum = dependencySums(g, range(n));
    return {
      scores: sum.map((x) => x / 2),
      approximate: false,
      samples: null,
      errorBound: null,
      confidence: null,
    };
  }
  const k = o.samples;
  const sum = dependencySums(g, sampleWithoutReplacement(n, k, o.seed ?? 1));
  const scale = n / k / 2;
  const eps = Math.sqrt(Math.log((2 * n) / (1 - BETWEENNESS_CONFIDENCE)) / (2 * k));
  // normalised bound (n/(n−1))·ε, in score units: × C(n−1, 2)
  const errorBound = (n / (n - 1)) * eps * (((n - 1) * (n - 2)) / 2);
  return {
    scores: sum.map((x) => x * scale),
    approximate: true,
    samples: k,
    errorBound,
    confidence: BETWEENNESS_CONFIDENCE,
  };
}

function* range(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

/** k distinct indices of 0..n−1, uniformly, by a partial Fisher–Yates shuffle (k ≤ n). */
export function sampleWithoutReplacement(n: number, k: number, seed: number): Int32Array {
  const gen = xoroshiro128plus(seed);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(((gen.unsafeNext() >>> 0) / 2 ** 32) * (n - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k);
}
