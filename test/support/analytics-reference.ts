/**
 * Small reference implementations the analytics tests compare the API with. They are written from
 * the definitions, not from the algorithms the service uses (Neo4j's allShortestPaths, graphology's
 * Brandes and power iteration), so that a shared mistake is unlikely.
 */

/** One undirected relationship between two node keys. */
export interface RefEdge {
  a: string;
  b: string;
  type: string;
}

function adjacency(edges: readonly RefEdge[]): Map<string, { to: string; type: string }[]> {
  const adj = new Map<string, { to: string; type: string }[]>();
  const add = (x: string, y: string, type: string) => adj.set(x, [...(adj.get(x) ?? []), { to: y, type }]);
  for (const e of edges) {
    add(e.a, e.b, e.type);
    add(e.b, e.a, e.type);
  }
  return adj;
}

/** Hop distances from `source` by plain breadth-first search. */
function bfs(adj: Map<string, { to: string }[]>, source: string): Map<string, number> {
  const dist = new Map([[source, 0]]);
  const queue = [source];
  for (let i = 0; i < queue.length; i++) {
    for (const { to } of adj.get(queue[i]) ?? []) {
      if (!dist.has(to)) {
        dist.set(to, dist.get(queue[i])! + 1);
        queue.push(to);
      }
    }
  }
  return dist;
}

/** Every shortest path from `from` to `to` of at most `maxLen` relationships (none when farther or unreachable). */
export function allShortestPaths(
  edges: readonly RefEdge[],
  from: string,
  to: string,
  maxLen: number,
): { nodes: string[]; types: string[] }[] {
  const adj = adjacency(edges);
  const dist = bfs(adj, from);
  const d = dist.get(to);
  if (d === undefined || d > maxLen || d === 0) return [];
  const out: { nodes: string[]; types: string[] }[] = [];
  // Walk back from `to` along relationships that bring us one hop closer to `from`.
  const walk = (node: string, nodes: string[], types: string[]) => {
    if (node === from) {
      out.push({ nodes: [...nodes].reverse(), types: [...types].reverse() });
      return;
    }
    for (const { to: prev, type } of adj.get(node) ?? []) {
      if (dist.get(prev) === dist.get(node)! - 1) walk(prev, [...nodes, prev], [...types, type]);
    }
  };
  walk(to, [to], []);
  return out;
}

/** Number of shortest paths from `source` to every node, with their distances. */
function pathCounts(adj: Map<string, { to: string }[]>, source: string) {
  const dist = bfs(adj, source);
  const order = [...dist.keys()].sort((x, y) => dist.get(x)! - dist.get(y)!);
  const sigma = new Map([[source, 1]]);
  for (const v of order) {
    if (v === source) continue;
    let n = 0;
    for (const { to: u } of adj.get(v) ?? []) if (dist.get(u) === dist.get(v)! - 1) n += sigma.get(u)!;
    sigma.set(v, n);
  }
  return { dist, sigma };
}

/**
 * Betweenness by definition: for every unordered pair {s, t} of other nodes, the share of the
 * shortest s–t paths that pass through v (σ_sv · σ_vt / σ_st when d(s,v) + d(v,t) = d(s,t)).
 * Pairs in different components contribute nothing.
 */
export function betweenness(edges: readonly RefEdge[]): Map<string, number> {
  const adj = adjacency(edges);
  const nodes = [...adj.keys()];
  const counts = new Map(nodes.map((n) => [n, pathCounts(adj, n)]));
  const score = new Map(nodes.map((n) => [n, 0]));
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [s, t] = [nodes[i], nodes[j]];
      const cs = counts.get(s)!;
      const dst = cs.dist.get(t);
      if (dst === undefined) continue;
      for (const v of nodes) {
        if (v === s || v === t) continue;
        const cv = counts.get(v)!;
        const dsv = cs.dist.get(v);
        const dvt = cv.dist.get(t);
        if (dsv === undefined || dvt === undefined || dsv + dvt !== dst) continue;
        score.set(v, score.get(v)! + (cs.sigma.get(v)! * cv.sigma.get(t)!) / cs.sigma.get(t)!);
      }
    }
  }
  return score;
}

/**
 * PageRank of the undirected weighted graph by its fixed-point definition, iterated to 1e-14:
 * PR(v) = (1 − α)/N + α · Σ_u PR(u) · w(u,v) / W(u) (every node here has a link, so none dangles).
 * `weights` maps `a|b` to the link's weight (default 1).
 */
export function pagerank(
  edges: readonly RefEdge[],
  weights: Map<string, number>,
  alpha = 0.85,
): Map<string, number> {
  const w = (e: RefEdge) => weights.get(`${e.a}|${e.b}`) ?? weights.get(`${e.b}|${e.a}`) ?? 1;
  const nodes = [...new Set(edges.flatMap((e) => [e.a, e.b]))];
  const total = new Map(nodes.map((n) => [n, 0]));
  for (const e of edges) {
    total.set(e.a, total.get(e.a)! + w(e));
    total.set(e.b, total.get(e.b)! + w(e));
  }
  let pr = new Map(nodes.map((n) => [n, 1 / nodes.length]));
  for (let it = 0; it < 10_000; it++) {
    const next = new Map(nodes.map((n) => [n, (1 - alpha) / nodes.length]));
    for (const e of edges) {
      next.set(e.b, next.get(e.b)! + (alpha * pr.get(e.a)! * w(e)) / total.get(e.a)!);
      next.set(e.a, next.get(e.a)! + (alpha * pr.get(e.b)! * w(e)) / total.get(e.b)!);
    }
    const delta = nodes.reduce((t, n) => t + Math.abs(next.get(n)! - pr.get(n)!), 0);
    pr = next;
    if (delta < 1e-14) break;
  }
  return pr;
}
