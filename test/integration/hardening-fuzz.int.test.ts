import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { ERROR_CODES } from '../../src/domain/errors';
import { startTestServer, type TestServer } from '../support/harness';
import { fuzzRequest, fuzzSchema, malformedRequest, type RawRequest } from '../support/fuzz-documents';

/**
 * Thousands of schema-generated documents (valid, broken, with wrongly typed variables) and
 * malformed HTTP requests against the real service and seed graph. Every answer: no 5xx but a
 * 503 SERVICE_UNAVAILABLE, a JSON body in which every error has a code from the list, and no
 * INTERNAL_SERVER_ERROR (a masked bug). FUZZ_RUNS and FUZZ_SEED make larger or other runs,
 * e.g. `FUZZ_RUNS=30000 npx jest --selectProjects integration test/integration/hardening-fuzz`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_500);
const SEED = Number(process.env.FUZZ_SEED ?? 20130416);
const CONCURRENCY = 8;

type Answer = { status: number; text: string };
type Finding = { request: unknown; status: number; text: string; why: string; logged?: string[] };

function judge(a: Answer): string | undefined {
  let body: { errors?: { extensions?: { code?: unknown } }[] } | unknown[];
  try {
    body = JSON.parse(a.text);
  } catch {
    return 'the body is not JSON';
  }
  const results = Array.isArray(body) ? body : [body];
  const codes = results.flatMap((r) =>
    ((r as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? []).map((e) => e.extensions?.code),
  );
  if (codes.some((c) => !(ERROR_CODES as readonly unknown[]).includes(c)))
    return `an error without a listed code: ${codes}`;
  if (codes.includes('INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  if (a.status >= 500 && !(a.status === 503 && codes.every((c) => c === 'SERVICE_UNAVAILABLE')))
    return `HTTP ${a.status}`;
  return undefined;
}

async function pool<T>(items: T[], n: number, work: (t: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe(`fuzzing (${RUNS} documents, seed ${SEED})`, () => {
  let s: TestServer;
  /** What the service logged at error level, so a finding shows the error it masked. */
  const errorLogs: string[] = [];
  const logged = (id: string) => errorLogs.filter((l) => l.includes(`"${id}"`)).map((l) => l.slice(0, 2000));
  beforeAll(async () => {
    // A lower cost ceiling and deadline keep the run short (some analytics fields take seconds);
    // costlier or slower documents exercise the refusal and TIMEOUT paths instead.
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        errorLogs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    s = await startTestServer({
      hardening: { maxCost: 2_000, requestTimeoutMs: 1_500 },
      log: pino({ level: 'error' }, sink),
    });
  });
  afterAll(() => s.close());

  it('answers every generated document with coded errors and no 5xx', async () => {
    const requests = fc.sample(fuzzRequest(fuzzSchema()), { numRuns: RUNS, seed: SEED });
    const findings: Finding[] = [];
    const kinds: Record<string, number> = {};
    let n = 0;
    await pool(requests, CONCURRENCY, async (r) => {
      const id = `fuzz-${n++}`;
      const res = await fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({ query: r.query, variables: r.variables }),
      });
      const a = { status: res.status, text: await res.text() };
      kinds[`${r.kind} ${a.status}`] = (kinds[`${r.kind} ${a.status}`] ?? 0) + 1;
      const why = judge(a);
      if (why) findings.push({ request: r, ...a, why, logged: logged(id) });
    });
    process.stderr.write(`fuzz outcomes by kind and status: ${JSON.stringify(kinds)}\n`);
    expect(findings.slice(0, 5)).toEqual([]);
    // The generator reaches every kind, and valid documents mostly run (not all refused).
    expect(kinds[`valid 200`]).toBeGreaterThan(RUNS / 4);
    expect(Object.keys(kinds).some((k) => k.startsWith('broken-text 400'))).toBe(true);
    expect(Object.keys(kinds).some((k) => k.startsWith('wrong-variables 400'))).toBe(true);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  }, 600_000);

  it('answers malformed HTTP requests with coded errors and no 5xx', async () => {
    const requests = fc.sample(malformedRequest(), { numRuns: Math.ceil(RUNS / 6), seed: SEED });
    const findings: Finding[] = [];
    await pool(requests, CONCURRENCY, async (r: RawRequest) => {
      const res = await fetch(`${s.url}/graphql${r.search ?? ''}`, {
        method: r.method,
        headers: r.headers,
        body: r.body,
      });
      const a = { status: res.status, text: await res.text() };
      const why = judge(a);
      if (why) findings.push({ request: { ...r, body: r.body?.slice(0, 200) }, ...a, why });
    });
    expect(findings.slice(0, 5)).toEqual([]);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  }, 600_000);
});
