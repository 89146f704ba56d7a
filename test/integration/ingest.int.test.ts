import pino from 'pino';
import { acceptFacts, ingestCommand } from '../../src/cli/ingest-command';
import { verifyCommand } from '../../src/cli/verify-command';
import type { Viewer } from '../../src/domain/access-policy';
import { prepareEntity } from '../../src/domain/validation/entity-fields';
import { Issues } from '../../src/domain/validation/issues';
import { defaultHardening } from '../../src/config/hardening-config';
import { createAuthenticator } from '../../src/server/auth';
import { createHttpService, type HttpService } from '../../src/server/http-service';
import { Metrics } from '../../src/server/metrics';
import { toGlobalId } from '../../src/graphql/ids';
import { checkObservations } from '../../src/store/indicators/indicators.store';
import { createEntity } from '../../src/store/writes/entities';
import { runMutation } from '../../src/store/writes/run-mutation';
import { TEST_AUTH, testToken } from '../support/auth';
import { goldOfSeedReport, SEED_ARTICLE, seedReport } from '../support/ingest-gold';
import { startSecondNeo4j, type SecondNeo4j } from '../support/second-neo4j';

const SALT = 'ingest-test-salt';
const analyst: Viewer & { anonymous: false } = {
  anonymous: false,
  subject: 'ingest-analyst',
  role: 'analyst',
};
const sink = () => {
  let text = '';
  return Object.assign(
    { write: (s: string) => ((text += s), true) },
    { text: () => text },
  ) as unknown as NodeJS.WritableStream & { text(): string };
};

/**
 * Report ingestion against an EMPTY store of its own (a second embedded Neo4j) holding only the
 * seed report's admin tree, loaded through the ledger's write path: propose, review over GraphQL
 * (accept, edit, reject, invisibility), then the seed article's round trip through `verify`.
 */
describe('report ingestion: proposals, review and the verify round trip', () => {
  let db: SecondNeo4j;
  let http: HttpService;
  let url: string;

  beforeAll(async () => {
    db = await startSecondNeo4j();
    for (const u of seedReport().adminUnits) {
      await runMutation(
        db.gateway,
        { actor: { subject: 'ingest-admin', role: 'admin' }, requestId: null, piiSalt: SALT },
        { operation: 'createAdminUnit', idempotencyKey: null, input: u },
        (w) => {
          const issues = new Issues('input');
          const e = prepareEntity(
            'AdminUnit',
            {
              key: u.id,
              fields: { name: u.name, kind: u.kind, aliases: u.aliases },
              refs: u.parentId ? { parentId: u.parentId } : {},
            },
            'create',
            SALT,
            issues,
          );
          issues.throwIfAny();
          return createEntity(w, 'AdminUnit', e);
        },
      );
    }
    http = await createHttpService({
      gateway: db.gateway,
      metrics: new Metrics({ defaultMetrics: false }),
      log: pino({ level: 'silent' }),
      service: { version: 'test', embedded: false },
      shutdownTimeoutMs: 1_000,
      // A generous request deadline: an accept is one transaction of some twenty statements, and CI
      // machines are shared.
      hardening: { ...defaultHardening('test'), rateLimitMax: 0, requestTimeoutMs: 60_000 },
      auth: createAuthenticator(TEST_AUTH),
      piiSalt: SALT,
    });
    const addr = await http.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${addr.port}/graphql`;
  }, 600_000);
  afterAll(async () => {
    await http?.close();
    await db?.stop();
  });

  const gql = async <T>(role: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(role ? { authorization: `Bearer ${await testToken(role)}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  };

  const TEXT =
    '2020年以来，鄂尔多斯市财政局定点帮扶准格尔旗城壕村，累计投入帮扶资金120万元，结对帮扶贫困户35户。';
  const SOURCE = {
    title: '测试报道：市财政局帮扶城壕村',
    publisher: '测试日报',
    published: '2021-06-30',
    url: null,
  };
  const PROPOSE = `mutation($text: String!, $source: ReportSourceInput!) { proposeReport(text: $text, source: $source) {
    key pendingCount facts { id kind status evidence fields quote { text start end } } } }`;
  type Fact = {
    id: string;
    kind: string;
    status: string;
    fields: Record<string, unknown>;
    quote: { text: string; start: number; end: number };
  };
  let key = '';
  let facts: Fact[] = [];
  const fact = (pred: (f: Fact) => boolean) => {
    const f = facts.find(pred);
    if (!f)
      throw new Error(
        `no such fact in ${JSON.stringify(facts.map((x) => [x.id, x.kind, x.fields.name ?? x.fields.value]))}`,
      );
    return f;
  };
  const orgCount = async (name: string) =>
    Number(
      (
        await db.gateway.read('t.org', 'MATCH (o:Organization {name: $name}) RETURN count(o) AS n', { name })
      )[0].n,
    );

  it('a viewer may not propose; an analyst gets the proposal with verbatim quotes', async () => {
    const denied = await gql('viewer', PROPOSE, { text: TEXT, source: SOURCE });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const r = await gql<{ proposeReport: { key: string; pendingCount: number; facts: Fact[] } }>(
      'analyst',
      PROPOSE,
      { text: TEXT, source: SOURCE },
    );
    expect(r.errors).toBeUndefined();
    key = r.data!.proposeReport.key;
    facts = r.data!.proposeReport.facts;
    expect(r.data!.proposeReport.pendingCount).toBe(facts.length);
    for (const f of facts) expect(TEXT.slice(f.quote.start, f.quote.end)).toBe(f.quote.text);
    expect(fact((f) => f.kind === 'ENTITY').fields).toMatchObject({
      label: 'Organization',
      name: '鄂尔多斯市财政局',
      level: 'CITY',
    });
    expect(fact((f) => f.kind === 'PAIRING').fields).toMatchObject({
      beneficiary: { key: 'au:chenghao' },
      level: 'CITY',
      category: 'AGENCY',
      validFrom: '2020-01-01',
    });
    expect(fact((f) => f.kind === 'OBSERVATION' && f.fields.value === 1200000).fields).toMatchObject({
      unit: 'yuan',
      computeKey: 'projects.amountYuan',
      area: { key: 'au:zhungeer' },
    });
    expect(fact((f) => f.kind === 'OBSERVATION' && f.fields.value === 35).fields).toMatchObject({
      unit: 'households',
      computeKey: 'households.paired',
    });
  });

  it('a numeral whose value cannot be held exactly is named on the proposal, and no fact is proposed from it', async () => {
    const text = '城壕村共投入帮扶资金9999999999999999元，其中9007199254740多万元用于修路，帮扶贫困户35户。';
    const r = await gql<{
      proposeReport: {
        key: string;
        inexactNumbers: { text: string; start: number; end: number }[];
        facts: Fact[];
      };
    }>(
      'analyst',
      `mutation($text: String!, $source: ReportSourceInput!) { proposeReport(text: $text, source: $source) {
        key inexactNumbers { text start end } facts { id kind status evidence fields quote { text start end } } } }`,
      { text, source: SOURCE },
    );
    expect(r.errors).toBeUndefined();
    const p = r.data!.proposeReport;
    expect(p.inexactNumbers).toEqual([
      { text: '9999999999999999', start: 10, end: 26 },
      { text: '9007199254740多万', start: 30, end: 45 },
    ]);
    for (const q of p.inexactNumbers) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(p.facts.filter((f) => f.kind === 'OBSERVATION').map((f) => f.fields.value)).toEqual([35]);
    // read back later, as stored
    const again = await gql<{ proposal: { inexactNumbers: unknown[] } }>(
      'analyst',
      `query($k: String!) { proposal(key: $k) { inexactNumbers { text start end } } }`,
      { k: p.key },
    );
    expect(again.data!.proposal.inexactNumbers).toEqual(p.inexactNumbers);
  });

  it('a proposal is invisible to normal reads until accepted', async () => {
    expect(await orgCount('鄂尔多斯市财政局')).toBe(0);
    const s = await gql<{ search: { edges: unknown[] } }>(
      'viewer',
      'query { search(query: "鄂尔多斯市财政局", kinds: [ORGANIZATION]) { edges { cursor } } }',
    );
    expect(s.errors).toBeUndefined();
    expect(s.data!.search.edges).toEqual([]);
    const obs = await db.gateway.read('t.obs', 'MATCH (o:Observation) RETURN count(o) AS n');
    expect(Number(obs[0].n)).toBe(0);
  });

  const ACCEPT = `mutation($key: String!, $fact: String!, $edits: JSONObject, $ik: String) { acceptProposedFact(proposalKey: $key, factId: $fact, edits: $edits, idempotencyKey: $ik) {
    writtenLabel writtenKey replayed proposal { pendingCount } } }`;

  it('a pairing that refers to a new entity cannot be accepted before it (BAD_USER_INPUT naming the fact)', async () => {
    const p = fact((f) => f.kind === 'PAIRING');
    const r = await gql('editor', ACCEPT, { key, fact: p.id });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain(`refers to proposed fact ${fact((f) => f.kind === 'ENTITY').id}`);
  });

  it('accepting writes the fact as REPORTED with its citation and audit entry; a replay writes nothing', async () => {
    const e = fact((f) => f.kind === 'ENTITY');
    // a review writes with the ledger's roles: a new organization needs an editor
    const refused = await gql('analyst', ACCEPT, { key, fact: e.id });
    expect(refused.errors?.map((x) => [x.extensions?.code, x.message])).toEqual([
      ['FORBIDDEN', 'createOrganization needs role editor or higher; the token has role analyst'],
    ]);
    expect(await orgCount('鄂尔多斯市财政局')).toBe(0);
    const r = await gql<{
      acceptProposedFact: { writtenLabel: string; writtenKey: string; replayed: boolean };
    }>('editor', ACCEPT, { key, fact: e.id, ik: 'ingest-accept-org-1' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.acceptProposedFact).toMatchObject({ writtenLabel: 'Organization', replayed: false });
    const again = await gql<{ acceptProposedFact: { writtenKey: string; replayed: boolean } }>(
      'editor',
      ACCEPT,
      { key, fact: e.id, ik: 'ingest-accept-org-1' },
    );
    expect(again.data!.acceptProposedFact).toMatchObject({
      writtenKey: r.data!.acceptProposedFact.writtenKey,
      replayed: true,
    });
    expect(await orgCount('鄂尔多斯市财政局')).toBe(1);
    const [row] = await db.gateway.read(
      't.cited',
      'MATCH (o:Organization {id: $id})-[:SUPPORTED_BY]->(c:Citation)-[:FROM]->(s:Source) RETURN o.provenance AS p, c.quote AS quote, c.charOffset AS at, s.text AS text, ' +
        'COUNT { MATCH (a:AuditEntry {targetId: $id}) } AS audits',
      { id: r.data!.acceptProposedFact.writtenKey },
    );
    expect(row).toMatchObject({
      p: 'REPORTED',
      quote: e.quote.text,
      at: e.quote.start,
      text: TEXT,
      audits: 2,
    });
    const s = await gql<{ search: { edges: unknown[] } }>(
      'viewer',
      'query { search(query: "鄂尔多斯市财政局", kinds: [ORGANIZATION]) { edges { cursor } } }',
    );
    expect(s.data!.search.edges).toHaveLength(1);
    const twice = await gql('editor', ACCEPT, { key, fact: e.id });
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('an edited fact is written as edited; the pairing goes through createPairing', async () => {
    const hh = fact((f) => f.kind === 'OBSERVATION' && f.fields.value === 35);
    const r = await gql<{ acceptProposedFact: { writtenKey: string } }>('analyst', ACCEPT, {
      key,
      fact: hh.id,
      edits: { value: 36 },
    });
    expect(r.errors).toBeUndefined();
    const [o] = await db.gateway.read(
      't.o',
      'MATCH (o:Observation {id: $id})-[:OF]->(i:Indicator) RETURN o.value AS v, o.unit AS u, o.computeKey AS k, i.id AS i',
      { id: r.data!.acceptProposedFact.writtenKey },
    );
    expect(o).toEqual({ v: 36, u: 'households', k: 'households.paired', i: 'ind:households-paired' });
    const p = await gql<{ acceptProposedFact: { writtenLabel: string } }>('editor', ACCEPT, {
      key,
      fact: fact((f) => f.kind === 'PAIRING').id,
    });
    expect(p.errors).toBeUndefined();
    expect(p.data!.acceptProposedFact.writtenLabel).toBe('Pairing');
    const bad = await gql('editor', ACCEPT, {
      key,
      fact: fact((f) => f.kind === 'OBSERVATION' && f.fields.value === 1200000).id,
      edits: { name: 'x' },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejecting loses nothing: the fact stays in the proposal, marked rejected, and the graph is unchanged', async () => {
    const funds = fact((f) => f.kind === 'OBSERVATION' && f.fields.value === 1200000);
    const r = await gql<{ rejectProposedFact: { facts: Fact[] & { review: unknown }[] } }>(
      'analyst',
      'mutation($key: String!, $fact: String!) { rejectProposedFact(proposalKey: $key, factId: $fact, reason: "amount is for two villages") { facts { id status fields review } } }',
      { key, fact: funds.id },
    );
    expect(r.errors).toBeUndefined();
    const after = (r.data!.rejectProposedFact.facts as (Fact & { review: Record<string, unknown> })[]).find(
      (f) => f.id === funds.id,
    )!;
    expect(after).toMatchObject({
      status: 'REJECTED',
      fields: funds.fields,
      review: { status: 'REJECTED', reason: 'amount is for two villages' },
    });
    const n = await db.gateway.read('t.funds', 'MATCH (o:Observation {value: 1200000}) RETURN count(o) AS n');
    expect(Number(n[0].n)).toBe(0);
  });

  it('a household named in a report: only analysts read the proposal; accepted, viewers see its name and quote masked', async () => {
    const text = '城壕村贫困户王建国一家5口人，2020年已脱贫。';
    const r = await gql<{ proposeReport: { key: string; facts: Fact[] } }>('analyst', PROPOSE, {
      text,
      source: { ...SOURCE, title: '测试：城壕村贫困户' },
    });
    expect(r.errors).toBeUndefined();
    const hhKey = r.data!.proposeReport.key;
    const hh = r.data!.proposeReport.facts.find((f) => f.kind === 'ENTITY' && f.fields.label === 'Household');
    expect(hh?.fields).toMatchObject({ name: '王建国', parent: { key: 'au:chenghao' } });
    expect(hh?.quote.text).toBe('城壕村贫困户王建国一家5口人');
    // The proposal (with the name verbatim) is denied below analyst, by key and in the list.
    for (const q of [
      `query { proposal(key: "${hhKey}") { text facts { fields quote { text } } } }`,
      'query { proposals(first: 5) { text } }',
    ]) {
      const denied = await gql('viewer', q);
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(denied.errors?.[0].message).toBe(
        'readProposals needs role analyst or higher; the token has role viewer',
      );
      expect(JSON.stringify(denied)).not.toContain('建国');
    }
    const a = await gql<{ acceptProposedFact: { writtenLabel: string; writtenKey: string } }>(
      'editor',
      ACCEPT,
      {
        key: hhKey,
        fact: hh!.id,
      },
    );
    expect(a.errors).toBeUndefined();
    expect(a.data!.acceptProposedFact.writtenLabel).toBe('Household');
    const read = `query { households(first: 100) { edges { node { key name citations { quote } } } } }`;
    type Households = {
      households: { edges: { node: { key: string; name: string; citations: { quote: string }[] } }[] };
    };
    const mine = (d: Households | undefined) =>
      d!.households.edges.map((e) => e.node).find((n) => n.key === a.data!.acceptProposedFact.writtenKey);
    const asViewer = await gql<Households>('viewer', read);
    expect(asViewer.errors).toBeUndefined();
    expect(mine(asViewer.data)).toEqual({
      key: a.data!.acceptProposedFact.writtenKey,
      name: '王**',
      citations: [{ quote: '城壕村贫困户王**一家5口人' }],
    });
    expect(JSON.stringify(asViewer)).not.toContain('建国');
    const asAnalyst = await gql<Households>('analyst', read);
    expect(mine(asAnalyst.data)?.name).toBe('王建国');
  });

  it('masks personal data wherever and however the published text reads it: twice, split, traditional, full-width, a phone, a later accept, the title', async () => {
    // a household already in the graph, whose name the pipeline does not know as a household's
    const made = await gql<{ createHousehold: { household: { id: string } } }>(
      'editor',
      'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id } } }',
      {
        i: {
          key: 'hh:test-gongxueying',
          name: '龚雪鹦',
          phone: '13812345678',
          unitId: toGlobalId('AdminUnit', 'au:chenghao'),
        },
      },
    );
    expect(made.errors).toBeUndefined();
    const title = '测试：贫困户龚雪鹦的脱贫路';
    const text =
      '城壕村贫困户刘明华一家5口人。驻村干部走访刘 明华家3次，还看望了龔雪鸚一家（电话１３８-1234-5678）。据刘德华介绍，城壕村共修路7公里。';
    const r = await gql<{ proposeReport: { key: string; facts: Fact[] } }>('analyst', PROPOSE, {
      text,
      source: { ...SOURCE, title, publisher: '龚雪鹦日报' },
    });
    expect(r.errors).toBeUndefined();
    const proposed = r.data!.proposeReport;
    const household = proposed.facts.find((f) => f.kind === 'ENTITY' && f.fields.label === 'Household')!;
    expect(household.fields.name).toBe('刘明华');
    // every fact, the household last and under the reviewer's name 刘德华: the Source, published at
    // the first accept, is masked again when the household is written
    let accepted = 0;
    for (const f of [...proposed.facts].reverse()) {
      const edits = f === household ? { name: '刘德华' } : undefined;
      const a = await gql('editor', ACCEPT, { key: proposed.key, fact: f.id, edits });
      if (!a.errors) accepted++;
    }
    expect(accepted).toBeGreaterThan(1);
    const [src] = await db.gateway.read(
      't.source',
      'MATCH (s:Source {title: $masked}) RETURN s.id AS id, s.text AS text, s.publisher AS publisher, [(s)<-[:FROM]-(c:Citation) | c.quote] AS quotes',
      { masked: '测试：贫困户龚**的脱贫路' },
    );
    expect([src.text, src.publisher]).toEqual([
      '城壕村贫困户刘**一家5口人。驻村干部走访刘***家3次，还看望了龔**一家（电话１************）。据刘**介绍，城壕村共修路7公里。',
      '龚**日报',
    ]);
    expect((src.quotes as string[]).length).toBe(accepted);
    // a quote an editor writes is masked as well
    const cite = await gql(
      'editor',
      'mutation($i: AddCitationInput!) { addCitation(input: $i) { citation { quote } } }',
      {
        i: {
          factId: made.data!.createHousehold.household.id,
          sourceId: toGlobalId('Source', String(src.id)),
          quote: '贫困户龚雪鹦电话13812345678',
        },
      },
    );
    expect(cite.data).toEqual({ addCitation: { citation: { quote: '贫困户龚**电话1**********' } } });
    const viewed = await gql(
      'viewer',
      `query($id: ID!, $hh: ID!) {
        source: node(id: $id) { ... on Source { title publisher citations(first: 50) { edges { node { quote } } } } }
        household: node(id: $hh) { ... on Household { citations { quote } } }
        history(id: $hh, first: 20) { edges { node { after } } } }`,
      { id: toGlobalId('Source', String(src.id)), hh: made.data!.createHousehold.household.id },
    );
    expect(viewed.errors).toBeUndefined();
    for (const seen of [JSON.stringify(src), JSON.stringify(viewed)])
      for (const personal of ['明华', '德华', '雪鹦', '雪鸚', '1234', '１３８'])
        expect([personal, seen.includes(personal)]).toEqual([personal, false]);
    // the proposal, read by analysts only, keeps the text verbatim
    const own = await gql<{ proposal: { text: string } }>(
      'analyst',
      `query { proposal(key: "${proposed.key}") { text } }`,
    );
    expect(own.data!.proposal.text).toBe(text);
  });

  it('the seed article, accepted into the store with only the admin tree, gives verify the report’s stated figures', async () => {
    const out = sink();
    const { proposal, key: seedKey } = await ingestCommand(
      db.gateway,
      analyst,
      SEED_ARTICLE,
      { format: 'auto', dryRun: false, json: false },
      SALT,
      out,
    );
    expect(out.text()).toContain(`proposal ${seedKey}`);
    expect(proposal.source.published).toBe('2013-04-16');
    await acceptFacts(db.gateway, analyst, String(seedKey), [], { all: true, edits: {} }, SALT, sink());
    const sourceKey = (
      await db.gateway.read('t.src', 'MATCH (p:Proposal {id: $id}) RETURN p.sourceKey AS s', { id: seedKey })
    )[0].s as string;
    const checks = await checkObservations(db.gateway, sourceKey);
    const stated = new Set(
      checks.map(
        (c) =>
          `${c.observation.computeKey}|${JSON.stringify(sorted(c.observation.dimensions))}|${c.observation.comparator}|${c.observation.value}|${c.observation.unit}|${c.observation.areaId}`,
      ),
    );
    const gold = seedReport().observations.filter((o) => o.provenance !== 'DERIVED');
    const reproduced = gold.filter(
      (g) =>
        stated.has(
          `${g.computeKey}|${JSON.stringify(sorted(g.dimensions))}|EXACT|${g.value}|${g.unit}|au:zhungeer`,
        ) ||
        stated.has(
          `${g.computeKey}|${JSON.stringify(sorted(g.dimensions))}|MORE_THAN|${g.value}|${g.unit}|au:zhungeer`,
        ),
    );
    const ids = reproduced.map((g) => g.id).sort();
    // Exactly these stated figures come back with the report's value, unit, comparator, computeKey,
    // dimensions and area (docs/ingest.md § Round trip publishes the count).
    expect(ids).toEqual(ROUND_TRIP_VERIFIED);
    // The rest stay manual: proposed with a generic indicator (or, for the one beneficiary village
    // of “与准格尔旗城壕村结成”, not proposed), for a reviewer to name — among them the
    // interpretations docs/model.md lists (the 23 社区 is DERIVED and not in the gold).
    expect(
      gold
        .map((g) => g.id)
        .filter((id) => !ids.includes(id))
        .sort(),
    ).toEqual(ROUND_TRIP_MANUAL);
    const v = sink();
    await verifyCommand(db.gateway, v);
    process.exitCode = undefined; // verify marks the run failed when computed values differ; this store has no synthetic layer
    for (const g of reproduced) expect(v.text()).toMatch(new RegExp(`[=>] ${g.value} ${g.unit}`));
    expect(goldOfSeedReport(proposal.text).figures.length).toBe(gold.length);
  }, 120_000);
});

/** The seed article's stated figures that the round trip reproduces, by observation key. */
const ROUND_TRIP_VERIFIED = [
  'obs:banner-beneficiary-villages',
  'obs:banner-helpers-agencies',
  'obs:banner-helpers-cadres',
  'obs:banner-helpers-enterprises',
  'obs:banner-helpers-seconded',
  'obs:banner-pairings',
  'obs:brochures',
  'obs:casework',
  'obs:city-beneficiary-villages',
  'obs:city-helpers',
  'obs:city-pairings',
  'obs:demonstration-villages',
  'obs:dispute-resolution-rate',
  'obs:disputes-found',
  'obs:disputes-resolved',
  'obs:events',
  'obs:funds',
  'obs:gacha-villages',
  'obs:goal-this-year',
  'obs:goal-three-years',
  'obs:households-paired',
  'obs:inspections',
  'obs:plans',
  'obs:projects',
  'obs:projects-city',
  'obs:projects-region',
  'obs:promotions',
  'obs:region-helpers',
  'obs:region-pairings',
  'obs:seconded-stationed',
  'obs:transferred-secretaries',
  'obs:village-officials',
  'obs:village-officials-community-deputy-director',
  'obs:village-officials-community-deputy-secretary',
  'obs:village-officials-community-director',
  'obs:village-officials-community-secretary',
  'obs:village-officials-village-deputy-director',
  'obs:village-officials-village-deputy-secretary',
  'obs:village-officials-village-director',
  'obs:village-officials-village-secretary',
  'obs:visits',
];
/** The stated figures that stay manual after accepting every proposal as it is. */
const ROUND_TRIP_MANUAL = [
  // Interpretations docs/model.md states figure by figure (五级, 四类, the one village of
  // “与准格尔旗城壕村结成”, 182 = all village-level units, 22 years as 2013 − first year …).
  'obs:network-categories',
  'obs:network-levels',
  'obs:region-beneficiary-villages',
  'obs:village-level-units',
  'obs:liu-xianliang-students',
  'obs:liu-xianliang-years',
  'obs:qiyue-organizations',
  'obs:qiyue-persons',
  'obs:wusong-themes',
  'obs:leading-group-units',
  // Stated amounts of the office's budget, but the year each stands for is an interpretation
  // (过去每年 read as 2011, 增加到 as 2012's base): proposed with a generic indicator for the
  // reviewer's computeKey and dimensions (edits on accept).
  'obs:budget-2011',
  'obs:budget-2012',
].sort();

const sorted = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
