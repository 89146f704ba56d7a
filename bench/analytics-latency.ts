/**
 * p50 latency of every analytics field against a running service (docs/analytics.md, "Latency").
 *
 *   BANGFU_DATA_DIR=/tmp/bangfu-s100 NEO4J_EMBEDDED_PORT=17777 npx bangfu seed --scale 100
 *   BANGFU_DATA_DIR=/tmp/bangfu-s100 NEO4J_EMBEDDED_PORT=17777 PORT=14002 REQUEST_TIMEOUT_MS=120000 npx tsx src/main.ts
 *   npx tsx bench/analytics-latency.ts http://127.0.0.1:14002 [runs=7]
 *
 * Each operation runs once to warm Neo4j's plan cache, then `runs` times in sequence; the table
 * gives the median and the slowest of those, in milliseconds.
 *
 *   npx tsx bench/analytics-latency.ts http://127.0.0.1:14002 3 --whole
 *
 * (start the service with RATE_LIMIT_MAX=0 for `--whole`: its probes send ~1,400 requests a minute
 * from one address, past the default limit, and a 429 would be timed as a fast answer)
 *
 * `--whole` instead times the whole-graph measures (PageRank, communities, approximate
 * betweenness), each computed afresh (a new `activeOn` day per run, so the analytics cache cannot
 * answer), then the light requests while 10 whole-graph betweenness/communities computations run
 * at once: `/healthz` and a nodeById read, each sent every 50 ms, with p50/p99/max
 * (docs/analytics.md, "Whole-graph analytics at scale 100").
 */
import { toGlobalId } from '../src/graphql/ids';

const [url = 'http://127.0.0.1:14002', runsArg = '7', mode = ''] = process.argv.slice(2);
const runs = Number(runsArg);

const ZHUNGEER = toGlobalId('AdminUnit', 'au:zhungeer');
const CHENGHAO = toGlobalId('AdminUnit', 'au:chenghao');
const XINHUA = toGlobalId('Organization', 'org:xinhua-nmg');
const CITY_AGENCY = toGlobalId('Organization', 'syn:city-agency:01');
const HOUSEHOLD = toGlobalId('Household', 'syn:b001:household:00001');
const FAR_HOUSEHOLD = toGlobalId('Household', 'syn:b050:household:00001');
const SOURCE = toGlobalId('Source', 'src:ordos-daily-2013-04-16');
const DAY = '2013-04-16';

const OPS: [name: string, query: string][] = [
  [
    'pairingGraph 城壕村 depth 2',
    `{ pairingGraph(rootIds: ["${CHENGHAO}"], depth: 2) { truncated nodes { id name } edges { id source target } } }`,
  ],
  [
    'pairingGraph city agency depth 2 (cap 500)',
    `{ pairingGraph(rootIds: ["${CITY_AGENCY}"], depth: 2) { truncated nodes { id } edges { id } } }`,
  ],
  [
    'pairingGraph city agency depth 2 (cap 2000)',
    `{ pairingGraph(rootIds: ["${CITY_AGENCY}"], depth: 2, maxNodes: 2000) { truncated nodes { id } edges { id } } }`,
  ],
  ['egoNetwork 新华社 hops 2', `{ egoNetwork(id: "${XINHUA}", hops: 2) { nodes { id } edges { id } } }`],
  [
    'paths 新华社 → household',
    `{ paths(fromId: "${XINHUA}", toId: "${HOUSEHOLD}") { length nodes { id } relationships { type pairing { id } } } }`,
  ],
  [
    'paths household → household of another banner',
    `{ paths(fromId: "${HOUSEHOLD}", toId: "${FAR_HOUSEHOLD}", first: 10) { length } }`,
  ],
  [
    'pairingMatrix 准格尔旗 (cells, levels, total)',
    `{ pairingMatrix(areaId: "${ZHUNGEER}", activeOn: "${DAY}") { cells { pairs helpers beneficiaries } levels { pairs } total { pairs } } }`,
  ],
  [
    'pairingMatrix whole graph (cells)',
    `{ pairingMatrix(activeOn: "${DAY}") { cells { pairs helpers beneficiaries } } }`,
  ],
  [
    'matrix drill-down 准格尔旗, 20 cells × first 10',
    `{ pairingMatrix(areaId: "${ZHUNGEER}", activeOn: "${DAY}") { cells { pairings(first: 10) { totalCount edges { node { id } } } } } }`,
  ],
  [
    'coverage 准格尔旗 + children',
    `{ coverage(areaId: "${ZHUNGEER}", activeOn: "${DAY}") { villages { assisted } households { assisted unassistedList(first: 10) { totalCount } } helpersPerVillage { helpers villages } children { households { registered assisted } } } }`,
  ],
  [
    'coverage whole graph',
    `{ coverage(activeOn: "${DAY}") { villages { assisted } households { registered assisted } students { assisted } } }`,
  ],
  [
    'quotaCompliance 准格尔旗 (+ totalCount, summary)',
    `{ quotaCompliance(areaId: "${ZHUNGEER}", activeOn: "${DAY}") { totalCount summary { subjects violating } edges { cursor } } }`,
  ],
  [
    'quotaCompliance whole graph (first page)',
    `{ quotaCompliance(activeOn: "${DAY}") { edges { cursor } } }`,
  ],
  ['indicators (54 figures)', `{ indicators(sourceId: "${SOURCE}") { status } }`],
  [
    'centrality DEGREE 准格尔旗',
    `{ centrality(areaId: "${ZHUNGEER}", measure: DEGREE, activeOn: "${DAY}") { nodeCount scores { score id } } }`,
  ],
  [
    'centrality BETWEENNESS 准格尔旗',
    `{ centrality(areaId: "${ZHUNGEER}", measure: BETWEENNESS, activeOn: "${DAY}") { nodeCount scores { score id } } }`,
  ],
  [
    'centrality PAGERANK 准格尔旗',
    `{ centrality(areaId: "${ZHUNGEER}", measure: PAGERANK, activeOn: "${DAY}") { nodeCount scores { score id } } }`,
  ],
  [
    'communities 准格尔旗',
    `{ communities(areaId: "${ZHUNGEER}", activeOn: "${DAY}") { count modularity communities(first: 5) { size } } }`,
  ],
  [
    'exemplars first 20 + networks',
    '{ exemplars(first: 20) { totalCount edges { node { entity { id } network { nodes { id } edges { id } } } } } }',
  ],
];

async function once(query: string): Promise<{ ms: number; error: string | null }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  const ms = performance.now() - t0;
  return { ms, error: body.errors ? `${body.errors[0].extensions?.code}: ${body.errors[0].message}` : null };
}

async function main() {
  console.log(`| field | p50 ms | max ms |\n|---|---:|---:|`);
  for (const [name, query] of OPS) {
    const warm = await once(query);
    if (warm.error) {
      console.log(`| ${name} | — | ${warm.error} |`);
      continue;
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await once(query)).ms);
    times.sort((a, b) => a - b);
    console.log(
      `| ${name} | ${Math.round(times[Math.floor(times.length / 2)])} | ${Math.round(times.at(-1)!)} |`,
    );
  }
}

/** A distinct day per computation: the analytics cache keys on it, so every run computes afresh. */
let dayOffset = 0;
const freshDay = () => new Date(Date.UTC(2013, 3, 16) - ++dayOffset * 86_400_000).toISOString().slice(0, 10);

const WHOLE: [name: string, query: (day: string) => string][] = [
  [
    'centrality PAGERANK whole graph',
    (d) =>
      `{ centrality(measure: PAGERANK, activeOn: "${d}") { nodeCount approximate scores { score id } } }`,
  ],
  [
    'communities whole graph',
    (d) => `{ communities(activeOn: "${d}") { count modularity communities(first: 5) { size } } }`,
  ],
  [
    'centrality BETWEENNESS whole graph (sampled)',
    (d) =>
      `{ centrality(measure: BETWEENNESS, activeOn: "${d}") { nodeCount approximate samples errorBound confidence scores { score id } } }`,
  ],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function wholeGraph() {
  console.log(`| whole-graph field | p50 ms | max ms | answer |\n|---|---:|---:|---|`);
  for (const [name, query] of WHOLE) {
    const times: number[] = [];
    let answer = '';
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: query(freshDay()) }),
      });
      const body = (await res.json()) as {
        data?: Record<string, Record<string, unknown>>;
        errors?: unknown[];
      };
      times.push(performance.now() - t0);
      const d = body.data ? Object.values(body.data)[0] : null;
      answer = body.errors
        ? JSON.stringify(body.errors[0]).slice(0, 160)
        : JSON.stringify({ ...d, scores: undefined, communities: undefined });
    }
    console.log(
      `| ${name} | ${Math.round(pct(times, 50))} | ${Math.round(Math.max(...times))} | ${answer} |`,
    );
  }

  // 10 whole-graph computations at once, and the light requests meanwhile
  const heavy = Array.from({ length: 10 }, (_, i) => {
    const [, query] = WHOLE[i % 2 === 0 ? 2 : 1];
    return fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: query(freshDay()) }),
    }).then(async (r) => {
      const b = (await r.json()) as { errors?: { extensions?: { code?: string } }[] };
      return b.errors ? String(b.errors[0].extensions?.code) : 'ok';
    });
  });
  let running = true;
  const outcomes = Promise.all(heavy).finally(() => (running = false));
  const probe = async (name: string, send: () => Promise<Response>) => {
    const ms: number[] = [];
    let failed = 0;
    while (running) {
      const t0 = performance.now();
      const r = await send();
      await r.arrayBuffer();
      if (!r.ok) failed++;
      ms.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { name, ms, failed };
  };
  const t0 = performance.now();
  const probes = await Promise.all([
    probe('/healthz', () => fetch(`${url}/healthz`)),
    probe('nodeById (AdminUnit 准格尔旗)', () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ node(id: "${ZHUNGEER}") { id ... on AdminUnit { name } } }` }),
      }),
    ),
  ]);
  const done = await outcomes;
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const tally = Object.entries(
    done.reduce<Record<string, number>>((m, o) => ({ ...m, [o]: (m[o] ?? 0) + 1 }), {}),
  )
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(`\nWhile 10 whole-graph computations ran (${seconds} s; outcomes: ${tally}):\n`);
  console.log('| probe | requests | p50 ms | p99 ms | max ms | failed |\n|---|---:|---:|---:|---:|---:|');
  for (const p of probes)
    console.log(
      `| ${p.name} | ${p.ms.length} | ${pct(p.ms, 50).toFixed(1)} | ${pct(p.ms, 99).toFixed(1)} | ${Math.max(...p.ms).toFixed(1)} | ${p.failed} |`,
    );
}

void (mode === '--whole' ? wholeGraph() : main());
