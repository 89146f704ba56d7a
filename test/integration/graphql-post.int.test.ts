import fc from 'fast-check';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { takes } from '../../src/server/graphql-post';
import { bearer } from '../support/auth';
import { startTestServer, type TestServer } from '../support/harness';

/**
 * POST /graphql is served by graphqlPost (src/server/graphql-post.ts) without Express (its
 * router, body-parser, res.send and prototypes). Two services on the seed graph, one as deployed and one with every
 * request through Express, get the same generated requests — media types, charsets, encodings,
 * framing, bodies that are valid, empty, not JSON, not objects, batches over the limit, too
 * large, not UTF-8, with a byte-order mark — from the same callers and origins. Status, headers
 * and body must be the same, byte for byte.
 */
const RUNS = Number(process.env.POST_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20130416);
const MAX_BODY = 4_096;
const hardening = { maxBodyBytes: MAX_BODY, maxBatchOperations: 2, corsOrigins: ['https://app.example'] };

/** Headers that differ by design between two services or two moments. */
const VOLATILE = new Set(['date', 'connection', 'keep-alive']);

interface Req {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  chunked: boolean;
}

/** One request, sent as given (no header added but Host), and its whole answer. */
function send(base: string, r: Req): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const headers = r.chunked ? r.headers : { ...r.headers, 'content-length': String(r.body.length) };
    const req = http.request({ hostname, port, path: r.path, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const shown = Object.entries(res.headers)
          .filter(([k]) => !VOLATILE.has(k))
          .sort(([a], [b]) => a.localeCompare(b))
          // the seconds left in the rate-limit window depend on when each service started
          .map(([k, v]) => `${k}: ${String(v).replace(/\bt=\d+/, 't=*')}`);
        resolve([res.statusCode, ...shown, '', Buffer.concat(chunks).toString('utf8')].join('\n'));
      });
    });
    req.on('error', reject);
    if (r.chunked) req.write(r.body);
    req.end(r.chunked ? undefined : r.body);
  });
}

const DOCS = [
  '{ __typename }',
  'query Q($first: Int) { adminUnits(first: $first) { edges { node { name kind } } } }',
  '{ nodes(ids: []) { id } }',
  '{ __typename',
  'query A { __typename } query B { __typename }',
];
const op = fc.record(
  {
    query: fc.constantFrom(...DOCS),
    variables: fc.constantFrom({ first: 2 }, { first: 'two' }, null),
    operationName: fc.constantFrom('Q', 'A', 'Nope'),
  },
  { requiredKeys: ['query'] },
);
const text = fc.oneof(
  op.map((o) => JSON.stringify(o)),
  fc.array(op, { maxLength: 4 }).map((a) => JSON.stringify(a)),
  op.map((o) => `\uFEFF${JSON.stringify(o)}`),
  op.map((o) => ` \n\t${JSON.stringify(o)}\r\n`),
  fc.constantFrom(
    '',
    '  ',
    'null',
    '"{ __typename }"',
    '42',
    'true',
    '{',
    '[1,',
    '{"query": 1}',
    '{}',
    '[]',
    'x{}',
  ),
  fc.constant(JSON.stringify({ query: `{ __typename }${' '.repeat(MAX_BODY)}` })),
  fc.constant(JSON.stringify({ query: `# é ${'x'.repeat(MAX_BODY - 20)}\n{ __typename }` })),
);
const bytes = fc.oneof(
  { weight: 6, arbitrary: text.map((t) => Buffer.from(t, 'utf8')) },
  {
    weight: 1,
    arbitrary: text.map((t) =>
      Buffer.concat([Buffer.from(t.slice(0, 12)), Buffer.from([0xff, 0xfe]), Buffer.from(t.slice(12))]),
    ),
  },
);

/** `usual` six times in seven, else one of the others. */
const mostly = <T>(usual: T, ...others: T[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(usual) },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
  );

describe('POST /graphql answers the same with and without Express', () => {
  let lean: TestServer;
  let express: TestServer;
  let callers: Record<string, string>[];

  beforeAll(async () => {
    [lean, express] = await Promise.all([
      startTestServer({ hardening }),
      startTestServer({ hardening, expressOnly: true }),
    ]);
    callers = [{}, await bearer('analyst'), await bearer('admin'), { authorization: 'Bearer not.a.token' }];
  });
  afterAll(() => Promise.all([lean?.close(), express?.close()]));

  /** The law over `runs` generated requests to `a` and `b`: how many graphqlPost took, the statuses. */
  async function sameAnswers(a: TestServer, b: TestServer, runs: number, seed: number) {
    let taken = 0;
    const statuses = new Set<string>();
    const request = fc.record({
      path: mostly('/graphql', '/graphql?x=1', '/graphql/'),
      type: mostly<string | null>(
        'application/json',
        'application/json; charset=utf-8',
        'Application/JSON;charset="UTF-8"',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'text/plain',
        'application/graphql-response+json',
        null,
      ),
      encoding: mostly<string | null>(null, 'identity', 'gzip', 'br'),
      chunked: mostly(false, true),
      accept: fc.constantFrom(
        null,
        'application/json',
        'application/graphql-response+json',
        '*/*',
        'text/html',
      ),
      caller: fc.nat(3),
      origin: fc.constantFrom(null, 'https://app.example', 'https://evil.example'),
      preflight: fc.boolean(),
      forwardedFor: fc.constantFrom(null, '203.0.113.7', '198.51.100.1, 203.0.113.9'),
      body: bytes,
    });
    await fc.assert(
      fc.asyncProperty(request, async (g) => {
        const headers: Record<string, string> = { 'x-request-id': 'same-id', ...callers[g.caller] };
        if (g.type) headers['content-type'] = g.type;
        if (g.accept) headers.accept = g.accept;
        if (g.origin) headers.origin = g.origin;
        if (g.preflight) headers['apollo-require-preflight'] = 'true';
        if (g.forwardedFor) headers['x-forwarded-for'] = g.forwardedFor;
        let body = g.body;
        if (g.encoding) {
          headers['content-encoding'] = g.encoding;
          if (g.encoding === 'gzip') body = gzipSync(body);
        }
        const r: Req = { path: g.path, headers, body, chunked: g.chunked };
        if (
          !g.chunked &&
          takes(
            { method: 'POST', url: g.path, headers: { ...headers, 'content-length': String(body.length) } },
            MAX_BODY,
          )
        )
          taken++;
        const [x, y] = await Promise.all([send(a.url, r), send(b.url, r)]);
        expect(x).toBe(y);
        statuses.add(x.split('\n')[0]);
      }),
      { numRuns: runs, seed },
    );
    return { taken, statuses };
  }

  it(`gives ${RUNS} generated requests the same status, headers and body`, async () => {
    const { taken } = await sameAnswers(lean, express, RUNS, SEED);
    // the law covers graphqlPost's answers, not only what it leaves to Express
    expect(taken).toBeGreaterThan(RUNS / 4);
  });

  // behind one proxy, so the bucket of an anonymous caller is Express's req.ip from X-Forwarded-For
  it('rate-limits the same: the same requests are counted and refused, with the same headers', async () => {
    const limited = { ...hardening, rateLimitMax: 8, trustProxyHops: 1 };
    const [a, b] = await Promise.all([
      startTestServer({ hardening: limited }),
      startTestServer({ hardening: limited, expressOnly: true }),
    ]);
    try {
      const { taken, statuses } = await sameAnswers(a, b, 80, SEED + 1);
      expect(taken).toBeGreaterThan(20);
      // the limit was reached within the run, so refusals were compared too
      expect([...statuses]).toContain('429');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
