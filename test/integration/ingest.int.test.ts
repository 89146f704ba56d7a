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
  }, 180_000);
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
    const r = await gql('analyst', ACCEPT, { key, fact: p.id });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain(`refers to proposed fact ${fact((f) => f.kind === 'ENTITY').id}`);
  });

  it('accepting writes the fact as REPORTED with its citation and audit entry; a replay writes nothing', async () => {
    const e = fact((f) => f.kind === 'ENTITY');
    const r = await gql<{
      acceptProposedFact: { writtenLabel: string; writtenKey: string; replayed: boolean };
    }>('analyst', ACCEPT, { key, fact: e.id, ik: 'ingest-accept-org-1' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.acceptProposedFact).toMatchObject({ writtenLabel: 'Organization', replayed: false });
    const again = await gql<{ acceptProposedFact: { writtenKey: string; replayed: boolean } }>(
      'analyst',
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
    const twice = await gql('analyst', ACCEPT, { key, fact: e.id });
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
    const p = await gql<{ acceptProposedFact: { writtenLabel: string } }>('analyst', ACCEPT, {
      key,
      fact: fact((f) => f.kind === 'PAIRING').id,
    });
    expect(p.errors).toBeUndefined();
    expect(p.data!.acceptProposedFact.writtenLabel).toBe('Pairing');
    const bad = await gql('analyst', ACCEPT, {
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
    const ids = reproduced.map((g) => g.id);
    // The pairing network (6 + 649 + 2015 and its helpers and villages) and the activity counts.
    expect(ids).toEqual(
      expect.arrayContaining([
        'obs:region-pairings',
        'obs:city-pairings',
        'obs:banner-pairings',
        'obs:region-helpers',
        'obs:city-helpers',
        'obs:city-beneficiary-villages',
        'obs:projects',
        'obs:funds',
        'obs:households-paired',
        'obs:visits',
      ]),
    );
    // 25 of the 53 stated figures (measured; docs/ingest.md lists them): keep at least that many.
    expect(ids.length).toBeGreaterThanOrEqual(25);
    const v = sink();
    await verifyCommand(db.gateway, v);
    process.exitCode = undefined; // verify marks the run failed when computed values differ; this store has no synthetic layer
    for (const g of reproduced) expect(v.text()).toMatch(new RegExp(`[=>] ${g.value} ${g.unit}`));
    expect(goldOfSeedReport(proposal.text).figures.length).toBe(gold.length);
  }, 120_000);
});

const sorted = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
