import fs from 'node:fs';
import { REPORT_DATE } from '../../src/domain/model';
import { AppError } from '../../src/domain/errors';
import { betweenness, toAdjacency } from '../../src/store/analytics/betweenness';
import { closeProjectionDrivers, readProjection } from '../../src/store/analytics/projection-reader';
import { projectionStatement } from '../../src/store/analytics/projection.store';
import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';
import { SLOW_TASK } from '../support/synthetic-network';
import { toGlobalId } from '../../src/graphql/ids';

/**
 * Network measures off the event loop, bounded, cached per scope and graph version, and
 * approximate betweenness within its stated bound — on the real service over the seeded Neo4j.
 */

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : String(e)),
  );

const WHOLE_BETWEENNESS = `query($on: Date) { centrality(measure: BETWEENNESS, top: 5, activeOn: $on) {
  nodeCount approximate samples errorBound confidence scores { id score rank } } }`;

/** A small scope (one village with pairings), so the projection read is quick even on a loaded machine. */
const VILLAGE_BETWEENNESS = `query($a: ID, $on: Date) { centrality(areaId: $a, measure: BETWEENNESS, activeOn: $on) {
  nodeCount } }`;

async function aVillage(s: TestServer): Promise<string> {
  const [row] = await s.gateway.read(
    'test.analytics.village',
    `MATCH (u:AdminUnit {kind: 'GACHA_VILLAGE'})<-[:BENEFICIARY]-(:Pairing) RETURN u.id AS id ORDER BY id LIMIT 1`,
  );
  return toGlobalId('AdminUnit', String(row.id));
}

jest.setTimeout(240_000);

describe('analytics worker pool behind the API', () => {
  let s: TestServer;
  afterEach(() => s?.close());

  it('a computation still waiting at the deadline answers TIMEOUT, and /healthz answers meanwhile', async () => {
    s = await startTestServer({
      // long enough for the projection (one read) on a loaded machine; the computation waits
      hardening: { requestTimeoutMs: 20_000 },
      analytics: { threads: 1, queue: 1 },
    });
    // the only worker is busy for minutes with a whole-network betweenness of 80,000 nodes
    const village = await aVillage(s);
    // the same question on another day first: Neo4j plans the projection once (planning on a
    // loaded machine can take seconds), and that answer is cached under its own key
    const warm = await s.gql(VILLAGE_BETWEENNESS, { a: village, on: '2013-04-17' });
    expect(warm.body.errors).toBeUndefined();
    const blocker = codeOf(s.analytics.pool.run(SLOW_TASK, Date.now() + 35_000));
    const t0 = Date.now();
    const r = await s.gql(VILLAGE_BETWEENNESS, { a: village, on: REPORT_DATE });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.status).toBe(200);
    expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['TIMEOUT']);
    expect(r.body.errors?.[0].message).toBe("the computation did not finish within the request's time limit");
    expect(s.analytics.pool.stats().cancelled).toBe(1);
    // the event loop was free all along: health answers at once while the worker computes
    const h0 = performance.now();
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - h0).toBeLessThan(500);
    expect(await blocker).toBe('TIMEOUT');
    // the blocker's thread was stopped at its deadline: the next request computes at once
    const after = await s.gql(WHOLE_BETWEENNESS, { on: REPORT_DATE });
    expect(after.body.errors).toBeUndefined();
    expect((after.body.data as { centrality: { nodeCount: number } }).centrality.nodeCount).toBeGreaterThan(
      100,
    );
  });

  it('a full queue answers ANALYTICS_BUSY: HTTP 503 with Retry-After, as the other retryable errors', async () => {
    s = await startTestServer({ analytics: { threads: 1, queue: 0, retryAfterSeconds: 7 } });
    const village = await aVillage(s);
    const blocker = codeOf(s.analytics.pool.run(SLOW_TASK, Date.now() + 20_000));
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: VILLAGE_BETWEENNESS, variables: { a: village, on: REPORT_DATE } }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'ANALYTICS_BUSY', retryAfterSeconds: 7 });
    expect(body.errors[0].message).toMatch(/busy.*retry after 7 s/);
    expect(await blocker).toBe('TIMEOUT');
  });
});

describe('the projection, read by the worker thread that computes on it', () => {
  let s: TestServer;
  afterEach(() => s?.close());

  /** Nice values of this process's threads, from /proc (Linux keeps one per thread). */
  const niceOfThreads = () =>
    fs.readdirSync('/proc/self/task').map((tid) => ({
      tid: Number(tid),
      nice: Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]),
    }));

  it('counts as one statement of its request, and a cached answer reads only the graph version', async () => {
    s = await startTestServer();
    const ask = async () => {
      const before = await s.cypherCount();
      const r = await s.gql(
        'query($on: Date) { centrality(measure: DEGREE, top: 1, activeOn: $on) { nodeCount edgeCount } }',
        { on: '2013-04-18' },
      );
      expect(r.body.errors).toBeUndefined();
      return { answer: r.body.data, statements: (await s.cypherCount()) - before };
    };
    const first = await ask();
    expect(first.statements).toBe(2); // the graph version, then the worker's projection
    const again = await ask();
    expect(again).toEqual({ answer: first.answer, statements: 1 });
  });

  it('a network over ANALYTICS_MAX_LINKS is refused with its code and details intact across the thread', async () => {
    s = await startTestServer({ analytics: { maxLinks: 5 } });
    const before = await s.cypherCount();
    const r = await s.gql('{ communities(activeOn: "2013-04-16") { count } }');
    // the graph version, and the worker's projection (ended at the sixth link), counted though it failed
    expect((await s.cypherCount()) - before).toBe(2);
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0].message).toBe(
      'the pairing network in scope has more than 5 helper–beneficiary links; narrow it with areaId or filter',
    );
    expect(r.body.errors![0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      argument: 'areaId',
      maxEdges: 5,
    });
  });

  it('computes at a lower CPU priority than the service (ANALYTICS_WORKER_NICE)', async () => {
    const before = new Set(niceOfThreads().map((t) => t.tid));
    s = await startTestServer({ analytics: { workerNice: 7 } });
    const r = await s.gql('{ centrality(measure: PAGERANK, top: 1, activeOn: "2013-04-19") { nodeCount } }');
    expect(r.body.errors).toBeUndefined();
    const threads = niceOfThreads();
    const service = threads.find((t) => t.tid === process.pid)!.nice;
    // the pool's thread is new, and the only new one 7 steps below the service (19 is the floor)
    const lower = Math.min(19, service + 7);
    expect(threads.filter((t) => !before.has(t.tid) && t.nice === lower)).toHaveLength(1);
  });
});

describe('cached measures and the scope of writes', () => {
  let s: TestServer;
  let l: Ledger;
  beforeAll(async () => {
    s = await startTestServer();
    l = await createLedger(s, 'analytics-cache');
  });
  afterAll(async () => {
    // the server closes (and its worker threads end) even when the fixture could not be made
    try {
      await l?.cleanup();
    } finally {
      await s?.close();
    }
  });

  const pair = (key: string, helperId: string, beneficiaryId: string) =>
    l.as('editor', 'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }', {
      i: {
        key: `${l.prefix}:${key}`,
        helperId,
        beneficiaryId,
        programmeId: l.ids.programme,
        level: 'BANNER',
        category: 'AGENCY',
        kind: 'ASSIST',
        mode: 'ONE_TO_ONE',
        validFrom: '2012-03-01',
      },
    });
  const degreeOf = async (areaId: string) => {
    const r = await l.as<{ centrality: { nodeCount: number; edgeCount: number } }>(
      'anonymous',
      'query($a: ID) { centrality(areaId: $a, measure: DEGREE, activeOn: "2013-04-16") { nodeCount edgeCount } }',
      { a: areaId },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.centrality;
  };

  it('a write in the scope invalidates its cached result, a write elsewhere does not', async () => {
    expect((await pair('p1', l.ids.agency, l.ids.household)).errors).toBeUndefined();
    const computed = () => s.analytics.pool.stats().completed;
    const c0 = computed();
    expect(await degreeOf(l.ids.township)).toEqual({ nodeCount: 2, edgeCount: 1 });
    expect(computed()).toBe(c0 + 1);
    // the same question again: from the cache
    expect(await degreeOf(l.ids.township)).toEqual({ nodeCount: 2, edgeCount: 1 });
    expect(computed()).toBe(c0 + 1);
    // a pairing of a community under the street (another township-level unit): still cached
    expect((await pair('p2', l.ids.agency, l.ids.community)).errors).toBeUndefined();
    expect(await degreeOf(l.ids.township)).toEqual({ nodeCount: 2, edgeCount: 1 });
    expect(computed()).toBe(c0 + 1);
    // ... while the banner above both has changed
    expect(await degreeOf(l.ids.banner)).toEqual({ nodeCount: 3, edgeCount: 2 });
    expect(computed()).toBe(c0 + 2);
    // a pairing of the village under the township: recomputed, with the new link
    expect((await pair('p3', l.ids.agency, l.ids.village)).errors).toBeUndefined();
    expect(await degreeOf(l.ids.township)).toEqual({ nodeCount: 3, edgeCount: 2 });
    expect(computed()).toBe(c0 + 3);
    // and the banner's cached answer was dropped too (the village lies under it)
    expect(await degreeOf(l.ids.banner)).toEqual({ nodeCount: 4, edgeCount: 3 });
    expect(computed()).toBe(c0 + 4);
  });
});

describe('approximate betweenness on the seed graph', () => {
  const SAMPLES = 64;
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ analytics: { betweennessSamples: SAMPLES, betweennessExactWork: 0 } });
  });
  afterAll(async () => {
    await closeProjectionDrivers();
    await s.close();
  });

  it('every sampled score is within the stated bound of the exact score (seeded, reproducible)', async () => {
    const scope = { areaId: null, on: REPORT_DATE, filter: null };
    const e = await readProjection({
      connection: s.gateway.connection,
      statement: projectionStatement(scope, 2_000_000),
    });
    const keys = [...new Set([...e.helpers, ...e.beneficiaries])].sort();
    const index = new Map(keys.map((k, i) => [k, i]));
    const pairs = Int32Array.from(
      e.helpers.flatMap((h, i) => [index.get(h)!, index.get(e.beneficiaries[i])!]),
    );
    const g = toAdjacency(keys.length, pairs);
    expect(keys.length).toBeGreaterThan(SAMPLES);
    const exact = betweenness(g, { samples: keys.length, exactWork: 0 }).scores;
    const est = betweenness(g, { samples: SAMPLES, exactWork: 0, seed: 1 });
    expect(est.approximate).toBe(true);
    let worst = 0;
    for (let v = 0; v < keys.length; v++) worst = Math.max(worst, Math.abs(est.scores[v] - exact[v]));
    expect(worst).toBeLessThanOrEqual(est.errorBound!);
    // reproducible: the same seed, the same estimate
    expect([...betweenness(g, { samples: SAMPLES, exactWork: 0, seed: 1 }).scores]).toEqual([...est.scores]);
  });

  it('the API says the answer is approximate, with its samples, bound and confidence', async () => {
    const r = await s.gql(WHOLE_BETWEENNESS, { on: REPORT_DATE });
    expect(r.body.errors).toBeUndefined();
    const c = (r.body.data as { centrality: Record<string, number & boolean> }).centrality;
    const n = c.nodeCount;
    const bound =
      (n / (n - 1)) * Math.sqrt(Math.log((2 * n) / 0.05) / (2 * SAMPLES)) * (((n - 1) * (n - 2)) / 2);
    expect(c).toMatchObject({ approximate: true, samples: SAMPLES, confidence: 0.95 });
    expect(c.errorBound).toBeCloseTo(bound, 3);
    // DEGREE and PAGERANK stay exact
    const d = await s.gql(
      `{ centrality(measure: PAGERANK, top: 1, activeOn: "${REPORT_DATE}") { approximate samples errorBound } }`,
    );
    expect(d.body.data).toEqual({ centrality: { approximate: false, samples: null, errorBound: null } });
  });
});
