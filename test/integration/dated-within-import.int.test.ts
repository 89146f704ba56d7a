import fc from 'fast-check';
import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, type TestServer } from '../support/harness';
import { graphEnds, keyOf } from '../support/graph-ends';
import { importRecords } from '../support/import-run';
import { createLedger, type Ledger } from '../support/ledger';

/**
 * A graph import into a running graph holds a pairing's projects and visits to the pairing's
 * validity as recordProject and recordVisit do — whether the project, the pairing or only the
 * relationship between them is in the dump, the rest in the graph: a date the mutation refuses, the
 * import refuses on the record's line with the same words (naming the pairing), and writes nothing.
 */
describe('graph import: dates within a pairing, across the dump and the graph', () => {
  let s: TestServer;
  let l: Ledger;
  let n = 0;
  const key = (what: string) => `${l.prefix}:${what}-${++n}`;
  const imp = (rows: Record<string, unknown>[], o: { dryRun?: boolean } = {}) =>
    importRecords(s.gateway, `${l.prefix}-importer`, 'graph', rows, o);
  const exists = async (label: string, id: string) =>
    (await s.gateway.read('t.exists', `MATCH (n:${label} {id: $id}) RETURN n.id AS id`, { id })).length > 0;
  /** A closed pairing [2005-01-01, 2008-01-01) of the ledger's agency and village, by store key. */
  let closed: string;
  /** An open pairing from 2012-01-01 of the same two (graphEnds). */
  let open: string;

  const node = (label: string, id: string, props: Record<string, unknown>) => ({
    node: { label, id, provenance: 'REPORTED', props },
  });
  const rel = (type: string, from: [string, string], to: [string, string]) => ({
    rel: { type, from: { label: from[0], id: from[1] }, to: { label: to[0], id: to[1] } },
  });
  /** A project or visit of the graph pairing `pairing` as two dump records (node, relationship). */
  const dated = (label: 'Project' | 'Visit', id: string, pairing: string, date: string) => [
    node(label, id, label === 'Project' ? { name: '示例项目', date } : { date }),
    rel(label === 'Project' ? 'HAS_PROJECT' : 'HAS_VISIT', ['Pairing', pairing], [label, id]),
  ];
  const record = async (label: 'Project' | 'Visit', pairing: string, date: string) => {
    const op = label === 'Project' ? 'recordProject' : 'recordVisit';
    const input = label === 'Project' ? 'RecordProjectInput' : 'RecordVisitInput';
    const extra = label === 'Project' ? { name: '示例项目', amountYuan: 1 } : {};
    const r = await l.as(
      'editor',
      `mutation($i: ${input}!) { ${op}(input: $i) { ${label.toLowerCase()} { id } } }`,
      {
        i: { key: key(label.toLowerCase()), pairingId: toGlobalId('Pairing', pairing), date, ...extra },
      },
    );
    return r;
  };

  beforeAll(async () => {
    s = await startTestServer({ hardening: { requestTimeoutMs: 120_000, httpRequestTimeoutMs: 180_000 } });
    l = await createLedger(s, 'datedwithin');
    open = key('open');
    await graphEnds(l, open);
    closed = key('closed');
    const r = await l.as(
      'editor',
      'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }',
      {
        i: {
          key: closed,
          helperId: l.ids.agency,
          beneficiaryId: l.ids.village,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: '2005-01-01',
          validTo: '2008-01-01',
        },
      },
    );
    if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  it('a project of the dump on a pairing of the graph: refused on its line, nothing written', async () => {
    const id = key('project');
    const r = await imp(dated('Project', id, closed, '2008-01-01'));
    expect(r.issues).toEqual([
      {
        line: 1,
        field: 'node.props.date',
        problem: `must be before the pairing ${JSON.stringify(closed)} ended (2008-01-01), got 2008-01-01`,
      },
    ]);
    expect(await exists('Project', id)).toBe(false);
  });

  it("a pairing of the dump that would leave a project of the graph outside: refused on the pairing's line", async () => {
    const p = await record('Project', closed, '2006-06-01');
    expect(p.errors).toBeUndefined();
    const project = keyOf(
      (p.data as { recordProject: { project: { id: string } } }).recordProject.project.id,
    );
    const r = await imp([
      node('Pairing', closed, {
        kind: 'ASSIST',
        validFrom: '2005-01-01',
        validTo: '2006-01-01',
        level: 'BANNER',
        category: 'AGENCY',
      }),
    ]);
    expect(r.issues).toEqual([
      {
        line: 1,
        field: 'node.props.validTo',
        problem:
          'the pairing would be valid from 2005-01-01 to 2006-01-01, but these records dated within it ' +
          `would fall outside: Project ${project} (2006-06-01)`,
      },
    ]);
    const [row] = await s.gateway.read(
      't.validTo',
      'MATCH (p:Pairing {id: $id}) RETURN toString(p.validTo) AS v',
      {
        id: closed,
      },
    );
    expect(row.v).toBe('2008-01-01');
  });

  it('only the relationship in the dump, both ends in the graph: refused on its line', async () => {
    const p = await record('Visit', closed, '2007-01-01');
    expect(p.errors).toBeUndefined();
    const visit = keyOf((p.data as { recordVisit: { visit: { id: string } } }).recordVisit.visit.id);
    const r = await imp([rel('HAS_VISIT', ['Pairing', open], ['Visit', visit])]);
    expect(r.issues).toEqual([
      {
        line: 1,
        field: 'rel',
        problem: `must not be before the pairing ${JSON.stringify(open)} began (2012-01-01), got 2007-01-01`,
      },
    ]);
  });

  it('refuses exactly the dates recordProject and recordVisit refuse, with the same words (property)', async () => {
    const day = fc.oneof(
      fc.constantFrom('2004-12-31', '2005-01-01', '2007-12-31', '2008-01-01'),
      fc
        .integer({ min: Date.UTC(2003, 0, 1), max: Date.UTC(2010, 0, 1) })
        .map((t) => new Date(t).toISOString().slice(0, 10)),
    );
    const seen = { refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('Project' as const, 'Visit' as const), day, async (label, date) => {
        const viaImport = await imp(dated(label, key('law'), closed, date), { dryRun: true });
        const viaMutation = await record(label, closed, date);
        const words = (m: string | undefined) => m?.replace(`pairing ${JSON.stringify(closed)}`, 'pairing');
        seen[viaMutation.errors ? 'refused' : 'accepted'] += 1;
        expect({ label, date, refused: words(viaImport.issues[0]?.problem) }).toEqual({
          label,
          date,
          refused: words(viaMutation.errors?.[0]?.message.replace(/^input\.date: /, '')),
        });
      }),
      { numRuns: 24 },
    );
    // both verdicts were tried (the boundary days are drawn often)
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.accepted).toBeGreaterThan(0);
  });
});
