import fc from 'fast-check';
import { PERSONAL_FIELDS } from '../../src/domain/access-policy';
import type { Span } from '../../src/ingest/spans';
import type { TxRunner } from '../../src/store/gateway';
import {
  maskPersonal,
  maskPersonalEach,
  personalSpansIn,
  personalSpansInEach,
} from '../../src/store/writes/personal-text';
import { startTestServer, type TestServer } from '../support/harness';

const bySpan = (spans: readonly Span[]) =>
  [...spans].sort((a, b) => a.start - b.start || a.end - b.end).map((s) => `${s.start}-${s.end}`);

/** Masking several texts at once answers as masking each alone, on the seeded graph's households and students. */
describe('personal values in several texts at once', () => {
  let s: TestServer;
  let statements = 0;
  let run: TxRunner;
  let personal: string[];
  beforeAll(async () => {
    s = await startTestServer();
    run = (name, cypher, params) => {
      statements++;
      return s.gateway.read(name, cypher, params);
    };
    const rows = await s.gateway.read(
      't.personal',
      `MATCH (n) WHERE n:Household OR n:Student
       RETURN n.name AS name, n.phone AS phone ORDER BY n.id LIMIT 12`,
      {},
    );
    personal = rows.flatMap((r) => [r.name, r.phone].filter((v): v is string => typeof v === 'string'));
  });
  afterAll(() => s.close());

  // texts made of the graph's personal values, split and written as a report might, and other words
  const piece = () =>
    fc.oneof(
      fc.constantFrom(...personal),
      fc.constantFrom(...personal).map((v) => [...v].join(' ')),
      fc.constantFrom('城壕村', '贫困户', '电话', '，', '。', '帮扶', '一家5口人', '138-1234', 'x'),
    );
  const texts = () =>
    fc.array(
      fc.array(piece(), { maxLength: 6 }).map((p) => p.join('')),
      { maxLength: 4 },
    );

  it('has personal values to find', () => {
    expect(personal.length).toBeGreaterThanOrEqual(4);
  });

  it('finds the same spans and masks the same way as one text at a time, in one statement per personal label', async () => {
    await fc.assert(
      fc.asyncProperty(
        texts(),
        fc.array(fc.constantFrom('刘明华', '王小'), { maxLength: 1 }),
        async (ts, known) => {
          const alone = [];
          for (const t of ts) alone.push(bySpan(await personalSpansIn(run, t, known)));
          statements = 0;
          const together = (await personalSpansInEach(run, ts, known)).map(bySpan);
          expect({ ts, spans: together }).toEqual({ ts, spans: alone });
          expect(statements).toBe(ts.some((t) => t.length >= 2) ? Object.keys(PERSONAL_FIELDS).length : 0);

          const withNull = [...ts, null];
          const masked = await maskPersonalEach(run, withNull, known);
          const each = [];
          for (const t of ts) each.push(await maskPersonal(run, t, known));
          expect(masked).toEqual([...each, null]);
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});
