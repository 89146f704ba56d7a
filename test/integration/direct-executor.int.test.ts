import fc from 'fast-check';
import { bearer } from '../support/auth';
import { fuzzRequest, fuzzSchema } from '../support/fuzz-documents';
import { startTestServer, type TestServer } from '../support/harness';
import { readmeExamples } from '../support/readme-examples';

/**
 * The direct executor (src/graphql/execution/direct-executor.ts) answers exactly as graphql-js:
 * two services on the seed graph, one with EXECUTOR=direct (the default) and one with
 * EXECUTOR=graphql-js, get the same requests from the same callers, and every answer (HTTP
 * status and body, byte for byte: data, errors, messages, paths, locations) must be the same.
 * /metrics shows which path answered, so the law is seen to cover the walk (answers with and
 * without errors) and what it leaves to graphql-js.
 */
const RUNS = Number(process.env.DIRECT_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20130416);

type Counts = { direct: number; unplanned: number };

async function counts(s: TestServer): Promise<Counts> {
  const text = await fetch(`${s.url}/metrics`).then((r) => r.text());
  const read = (path: string) =>
    Number(new RegExp(`^bangfu_executions\\{path="${path}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { direct: read('direct'), unplanned: read('unplanned') };
}

const minus = (a: Counts, b: Counts): Counts => ({
  direct: a.direct - b.direct,
  unplanned: a.unplanned - b.unplanned,
});

describe('the direct executor answers as graphql-js', () => {
  let direct: TestServer;
  let graphqlJs: TestServer;
  const callers: Record<string, Record<string, string>> = { anonymous: {} };

  beforeAll(async () => {
    // a short deadline keeps the analytics fields of random documents from taking seconds
    const hardening = { maxCost: 2_000, requestTimeoutMs: 5_000 };
    [direct, graphqlJs] = await Promise.all([
      startTestServer({ hardening, execution: { executor: 'direct' } }),
      startTestServer({ hardening, execution: { executor: 'graphql-js' } }),
    ]);
    callers.analyst = await bearer('analyst');
    callers.admin = await bearer('admin');
  });
  afterAll(() => Promise.all([direct?.close(), graphqlJs?.close()]));

  /** Both services' answers to one request, as sent. */
  async function both(query: string, variables: unknown, headers: Record<string, string>) {
    const send = (s: TestServer) =>
      fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'same-id', ...headers },
        body: JSON.stringify({ query, variables }),
      }).then(async (r) => `${r.status} ${await r.text()}`);
    return Promise.all([send(direct), send(graphqlJs)]);
  }

  it('only graphql-js executes on the EXECUTOR=graphql-js service', async () => {
    expect(await counts(graphqlJs)).toEqual({ direct: NaN, unplanned: NaN });
  });

  it.each(readmeExamples().map((e) => [e.name, e] as const))(
    'README example %s: the same answer for every caller, walked directly',
    async (_name, ex) => {
      for (const [who, headers] of Object.entries(callers)) {
        const before = await counts(direct);
        const [a, b] = await both(ex.query, ex.variables, headers);
        expect({ who, answer: a }).toEqual({ who, answer: b });
        expect(minus(await counts(direct), before)).toEqual({ direct: 1, unplanned: 0 });
      }
    },
  );

  it('walks a query that fails as graphql-js would: same errors, paths and partial data', async () => {
    // the second page's arguments are refused while the first list resolves
    const query = `{ a: adminUnits(first: 2) { edges { node { key } } }
      b: adminUnits(first: 2, last: 2) { totalCount } }`;
    const before = await counts(direct);
    const [a, b] = await both(query, {}, callers.analyst);
    expect(a).toBe(b);
    expect(JSON.parse(a.slice(4))).toMatchObject({ errors: [{ path: ['b'] }] });
    expect(minus(await counts(direct), before)).toEqual({ direct: 1, unplanned: 0 });
  });

  it('leaves introspection to graphql-js', async () => {
    const before = await counts(direct);
    const [a, b] = await both('{ __schema { queryType { name } } }', {}, callers.analyst);
    expect(a).toBe(b);
    expect(minus(await counts(direct), before)).toEqual({ direct: 0, unplanned: 1 });
  });

  it(`answers ${RUNS} generated documents (seed ${SEED}) as graphql-js does, for three callers`, async () => {
    const requests = fc.sample(fuzzRequest(fuzzSchema()), { numRuns: RUNS, seed: SEED });
    const before = await counts(direct);
    const differ: unknown[] = [];
    const who = Object.keys(callers);
    for (const [i, r] of requests.entries()) {
      const [a, b] = await both(r.query, r.variables, callers[who[i % who.length]]);
      if (a !== b) differ.push({ query: r.query, variables: r.variables, direct: a, graphqlJs: b });
    }
    expect(differ.slice(0, 3)).toEqual([]);
    const paths = minus(await counts(direct), before);
    // the law covers the walk: over a quarter of the documents (valid ones) are walked
    expect(paths.direct).toBeGreaterThan(RUNS / 4);
  }, 300_000);
});
