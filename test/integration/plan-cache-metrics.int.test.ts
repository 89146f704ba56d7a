import { startTestServer, type TestServer } from '../support/harness';

/** The plan cache's counters as /metrics shows them. */
async function planCache(s: TestServer) {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
  return {
    hits: value('bangfu_plan_cache_hits'),
    misses: value('bangfu_plan_cache_misses'),
    size: value('bangfu_plan_cache_size'),
  };
}

describe('plan cache on /metrics', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('counts the first request of a document as a miss and the identical second as a hit', async () => {
    const q = `query PlanCacheProbe { adminUnits(first: 2) { edges { node { name parent { name } } } } }`;
    expect(await planCache(s)).toEqual({ hits: 0, misses: 0, size: 0 });
    const first = await s.gql(q);
    expect(first.body.errors).toBeUndefined();
    expect(await planCache(s)).toEqual({ hits: 0, misses: 1, size: 1 });
    const second = await s.gql(q);
    expect(second.body).toEqual(first.body);
    expect(await planCache(s)).toEqual({ hits: 1, misses: 1, size: 1 });
  });
});
