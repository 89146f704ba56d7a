import type { Label } from '../../src/domain/model';
import { CITABLE_LABELS } from '../../src/store/writes/citations';
import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, type TestServer } from '../support/harness';
import { importRecords } from '../support/import-run';
import { createLedger, type Ledger } from '../support/ledger';

/**
 * Every fact that can be cited can be read back with its quotes: for each citable label, a fact of
 * the test's own (made through the mutations where one exists, written directly otherwise) is
 * cited through `addCitation` and `node(id) { citations }` returns exactly that quote.
 */
describe('citing every kind of fact', () => {
  let s: TestServer;
  let l: Ledger;
  const facts = new Map<Label, string>();

  beforeAll(async () => {
    s = await startTestServer();
    l = await createLedger(s, 'cite');
    const must = async <T>(query: string, i: Record<string, unknown>): Promise<T> => {
      const r = await l.as<T>('editor', query, { i });
      if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
      return r.data!;
    };
    facts.set('AdminUnit', l.ids.village);
    facts.set('Organization', l.ids.agency);
    facts.set('Person', l.ids.cadre);
    facts.set('Enterprise', l.ids.enterprise);
    facts.set('Household', l.ids.household);
    facts.set('Student', l.ids.student);
    facts.set('Programme', l.ids.programme);
    const pairing = (
      await must<{ createPairing: { pairing: { id: string } } }>(
        'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }',
        {
          key: `${l.prefix}:pairing`,
          helperId: l.ids.agency,
          beneficiaryId: l.ids.village,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          mode: 'ONE_TO_ONE',
          validFrom: '2012-03-01',
        },
      )
    ).createPairing.pairing.id;
    facts.set('Pairing', pairing);
    const project = await must<{ recordProject: { project: { id: string } } }>(
      'mutation($i: RecordProjectInput!) { recordProject(input: $i) { project { id } } }',
      { pairingId: pairing, name: '测试项目', amountYuan: 1000, date: '2012-06-01' },
    );
    facts.set('Project', project.recordProject.project.id);
    const visit = await must<{ recordVisit: { visit: { id: string } } }>(
      'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { visit { id } } }',
      { pairingId: pairing, date: '2012-07-01' },
    );
    facts.set('Visit', visit.recordVisit.visit.id);
    const dispute = await must<{ recordDispute: { dispute: { id: string } } }>(
      'mutation($i: RecordDisputeInput!) { recordDispute(input: $i) { dispute { id } } }',
      { unitId: l.ids.village, name: '草场边界纠纷', foundOn: '2012-05-01' },
    );
    facts.set('Dispute', dispute.recordDispute.dispute.id);
    const tenure = await must<{ recordTenure: { tenure: { id: string } } }>(
      'mutation($i: RecordTenureInput!) { recordTenure(input: $i) { tenure { id } } }',
      { personId: l.ids.cadre, unitId: l.ids.village, post: 'VILLAGE_SECRETARY', validFrom: '2011-06-01' },
    );
    facts.set('Tenure', tenure.recordTenure.tenure.id);
    // No mutation records these: the fixture writes one of each, in the test's own village.
    for (const label of CITABLE_LABELS.filter((x) => !facts.has(x))) {
      const id = `${l.prefix}:${label.toLowerCase()}`;
      await s.gateway.write(
        'test.fixture.fact',
        `CREATE (:${label} {id: $id, name: $name, provenance: 'REPORTED'})`,
        { id, name: `测试${label}${l.prefix}` },
      );
      facts.set(label, toGlobalId(label, id));
    }
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  it('has a fact of every citable label to cite', () => {
    expect([...facts.keys()].sort()).toEqual([...CITABLE_LABELS].sort());
  });

  it.each([...CITABLE_LABELS])('cites a %s and reads the quote back from its citations', async (label) => {
    const id = facts.get(label)!;
    const quote = `${label}的引文`;
    const cite = await l.as(
      'editor',
      'mutation($i: AddCitationInput!) { addCitation(input: $i) { citation { quote source { id } } } }',
      { i: { factId: id, sourceId: l.ids.source, quote } },
    );
    expect(cite.errors).toBeUndefined();
    expect(cite.data).toEqual({ addCitation: { citation: { quote, source: { id: l.ids.source } } } });
    const read = await l.as<{ node: { __typename: string; citations: unknown[] } }>(
      'editor',
      `query($id: ID!) { node(id: $id) { __typename ... on ${label} { citations { quote source { id } } } } }`,
      { id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.node).toEqual({
      __typename: label,
      citations: [{ quote, source: { id: l.ids.source } }],
    });
  });

  it("answers a fact's 500 citations, refuses a 501st, and names a longer list (written around the rule) instead of cutting it", async () => {
    const id = facts.get('Household')!;
    const key = Buffer.from(id, 'base64url').toString('utf8').slice('Household:'.length);
    const cite = (n: number) =>
      s.gateway.write(
        'test.fixture.citations',
        `MATCH (f:Household {id: $key}) UNWIND range(1, $n) AS i
         CREATE (f)-[:SUPPORTED_BY]->(:Citation {id: $key + ':cit:' + toString(i) + ':' + randomUUID(), quote: '引文', provenance: 'REPORTED'})`,
        { key, n },
      );
    const stored = async () =>
      Number(
        (
          await s.gateway.read(
            'test.count',
            'MATCH (:Household {id: $key})-[:SUPPORTED_BY]->(c:Citation) RETURN count(c) AS n',
            { key },
          )
        )[0].n,
      );
    // eight at once where five fit: the fact's lock makes them count one after the other
    await cite(495 - (await stored()));
    const add = (quote: string) =>
      l.as('editor', 'mutation($i: AddCitationInput!) { addCitation(input: $i) { citation { id } } }', {
        i: { factId: id, sourceId: l.ids.source, quote },
      });
    const racing = await Promise.all(Array.from({ length: 8 }, (_, i) => add(`同时${i}`)));
    expect(racing.filter((r) => !r.errors).length).toBe(5);
    expect(racing.filter((r) => r.errors?.[0].extensions?.code === 'BAD_USER_INPUT').length).toBe(3);
    expect(await stored()).toBe(500);
    const direct = `query($id: ID!) { node(id: $id) { ... on Household { key citations { id } } } }`;
    const nested = `query($id: ID!) { node(id: $id) { ... on Household { unit { ... on AdminUnit {
      households(first: 100) { edges { node { key citations { id } } } } } } } } }`;
    type Cited = { key: string; citations: unknown[] };
    type Nested = { node: { unit: { households: { edges: { node: Cited }[] } } } };
    const mine = (d: Nested) => d.node.unit.households.edges.find((e) => e.node.key === key)!.node;
    const atCap = await l.as<{ node: Cited }>('editor', direct, { id });
    expect(atCap.errors).toBeUndefined();
    expect(atCap.data!.node.citations).toHaveLength(500);
    const atCapNested = await l.as<Nested>('editor', nested, { id });
    expect(atCapNested.errors).toBeUndefined();
    expect(mine(atCapNested.data!).citations).toHaveLength(500);

    const refused = await l.as(
      'editor',
      'mutation($i: AddCitationInput!) { addCitation(input: $i) { citation { id } } }',
      { i: { factId: id, sourceId: l.ids.source, quote: '第五百零一条' } },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain(
      'input.factId: the fact already has 500 citations, the most one fact takes',
    );
    expect(await stored()).toBe(500);

    await cite(1);
    const longer = {
      message: `Household ${key} has more than 500 citations, more than a list without paging answers`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'listItems', max: 500 },
    };
    const over = await l.as<{ node: Cited }>('editor', direct, { id });
    expect(over.errors).toEqual([expect.objectContaining({ ...longer, path: ['node', 'citations'] })]);
    const overNested = await l.as<Nested>('editor', nested, { id });
    expect(overNested.errors).toEqual([expect.objectContaining(longer)]);
  });

  it('refuses a graph import that would take a fact past 500 citations with those it has, storing nothing', async () => {
    const id = facts.get('Project')!;
    const key = Buffer.from(id, 'base64url').toString('utf8').slice('Project:'.length);
    const cited = () =>
      s.gateway
        .read('test.cited', 'MATCH (:Project {id: $key})-[:SUPPORTED_BY]->(c:Citation) RETURN c.id AS id', {
          key,
        })
        .then((rows) => rows.map((r) => String(r.id)).sort());
    // 499 cited in the graph, and two citations in the graph that cite nothing yet
    await s.gateway.write(
      'test.fixture.citations',
      `MATCH (f:Project {id: $key}) WITH f, 499 - COUNT { (f)-[:SUPPORTED_BY]->(:Citation) } AS more
       UNWIND range(1, more) AS i
       CREATE (f)-[:SUPPORTED_BY]->(:Citation {id: $key + ':cit:' + toString(i), quote: '引文', provenance: 'REPORTED'})
       WITH DISTINCT f UNWIND [1, 2] AS i
       CREATE (:Citation {id: $key + ':new:' + toString(i), quote: '新引文', provenance: 'REPORTED'})`,
      { key },
    );
    const before = await cited();
    expect(before).toHaveLength(499);
    const supports = (citationIds: string[]) =>
      citationIds.map((c) => ({
        rel: { type: 'SUPPORTED_BY', from: { label: 'Project', id: key }, to: { label: 'Citation', id: c } },
      }));
    // one it already cites and two new ones: 501 together, refused, nothing stored
    const over = supports([before[0], `${key}:new:1`, `${key}:new:2`]);
    const refused = await importRecords(s.gateway, 'cite-test', 'graph', over);
    expect(refused.issues).toEqual([
      {
        line: 1,
        field: 'rel',
        problem: `Project ${JSON.stringify(key)} would cite 3 in the file and 499 in the graph, 501 together; a fact cites at most 500 (the most its citations list answers)`,
      },
    ]);
    expect(refused.written).toBe(false);
    expect(await cited()).toEqual(before);
    // one new one takes it to exactly 500: stored; importing it again changes nothing
    for (let run = 0; run < 2; run++) {
      const r = await importRecords(s.gateway, 'cite-test', 'graph', over.slice(0, 2));
      expect([r.issues, r.written]).toEqual([[], true]);
      expect(await cited()).toEqual([...before, `${key}:new:1`].sort());
    }
  });

  it('refuses to cite what is not a fact (a Source), naming the argument', async () => {
    const r = await l.as(
      'editor',
      'mutation($i: AddCitationInput!) { addCitation(input: $i) { citation { id } } }',
      { i: { factId: l.ids.source, sourceId: l.ids.source, quote: '来源本身' } },
    );
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain('input.factId');
  });
});
