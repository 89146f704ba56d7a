import { startTestServer, type TestServer } from '../support/harness';
import { graphEnds, keyOf } from '../support/graph-ends';
import { importRecords } from '../support/import-run';
import { createLedger, type Ledger } from '../support/ledger';
import { overlapLaw } from '../support/verdict-law';

/**
 * No two pairings of one helper, beneficiary, kind and programme overlap in time: createPairing
 * refuses the second, and so does a ledger import of pairings — against the graph's pairings, the
 * file's other rows and the record a row updates — with the same words, writing nothing.
 */
describe('pairing import: no two pairings of the same four overlap', () => {
  let s: TestServer;
  let l: Ledger;
  let n = 0;
  const key = (what: string) => `${l.prefix}:${what}-${++n}`;
  const imp = (rows: Record<string, unknown>[], o: { dryRun?: boolean } = {}) =>
    importRecords(s.gateway, `${l.prefix}-importer`, 'pairing', rows, o);
  const exists = async (id: string) =>
    (await s.gateway.read('t.exists', 'MATCH (n:Pairing {id: $id}) RETURN n.id AS id', { id })).length > 0;
  /** [2005-01-01, 2008-01-01) and [2012-01-01, open) of the ledger's agency and village, ASSIST. */
  let closed: string;
  let open: string;

  /** A pairing row of the agency and `beneficiary` (the village unless told). */
  const row = (
    k: string,
    validFrom: string,
    validTo: string | null,
    beneficiary = 'village' as 'village' | 'community',
  ) => ({
    key: k,
    helperKey: keyOf(l.ids.agency),
    beneficiaryKey: keyOf(l.ids[beneficiary]),
    level: 'BANNER',
    category: 'AGENCY',
    kind: 'ASSIST',
    validFrom,
    ...(validTo ? { validTo } : {}),
  });
  const words = (other: string) =>
    `pairing ${other} already pairs this helper and beneficiary (ASSIST, same programme) in an overlapping period`;

  beforeAll(async () => {
    s = await startTestServer({ hardening: { requestTimeoutMs: 120_000, httpRequestTimeoutMs: 180_000 } });
    l = await createLedger(s, 'overlap');
    open = key('open');
    await graphEnds(l, open);
    closed = key('closed');
    const r = await imp([row(closed, '2005-01-01', '2008-01-01')]);
    if (r.issues.length) throw new Error(`fixture: ${JSON.stringify(r.issues)}`);
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  it("a row overlapping a pairing of the graph: refused with createPairing's words, nothing written", async () => {
    const k = key('late');
    const r = await imp([row(k, '2007-06-01', '2009-01-01')]);
    expect(r.issues).toEqual([{ line: 1, field: 'validFrom', problem: words(closed) }]);
    expect(await exists(k)).toBe(false);
  });

  it('two rows of the file that overlap: the later is refused, naming the earlier', async () => {
    const [a, b] = [key('a'), key('b')];
    const r = await imp([row(a, '1990-01-01', '1995-01-01'), row(b, '1994-12-31', '1996-01-01')], {
      dryRun: true,
    });
    expect(r.issues).toEqual([{ line: 2, field: 'validFrom', problem: words(a) }]);
  });

  it('pairings that meet without overlapping, or pair another beneficiary, are accepted', async () => {
    const r = await imp(
      [
        row(key('c'), '1980-01-01', '1985-01-01'),
        row(key('d'), '1985-01-01', '1990-01-01'),
        row(key('e'), '1980-01-01', '1990-01-01', 'community'),
      ],
      { dryRun: true },
    );
    expect({ issues: r.issues, counts: r.counts }).toEqual({
      issues: [],
      counts: { created: 3, updated: 0, unchanged: 0 },
    });
  });

  it('a row that moves a pairing of the graph onto another: refused', async () => {
    const r = await imp([row(closed, '2005-01-01', '2012-06-01')]);
    expect(r.issues).toEqual([{ line: 1, field: 'validFrom', problem: words(open) }]);
    const [p] = await s.gateway.read(
      't.validTo',
      'MATCH (p:Pairing {id: $id}) RETURN toString(p.validTo) AS v',
      {
        id: closed,
      },
    );
    expect(p.v).toBe('2008-01-01');
  });

  it('refuses exactly the pairings createPairing refuses for overlapping, with the same words (property)', () =>
    overlapLaw(
      l,
      () => key('law'),
      1996,
      async (id, from, to) => (await imp([row(id, from, to)], { dryRun: true })).issues.map((i) => i.problem),
    ));
});
