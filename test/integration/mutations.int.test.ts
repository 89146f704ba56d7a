import { createLedger, type Ledger } from '../support/ledger';
import { startTestServer, type TestServer } from '../support/harness';

/** Every mutation succeeds with valid input, writes what it says, and leaves an audit entry. */
describe('mutations: success and audit history', () => {
  let s: TestServer;
  let l: Ledger;

  beforeAll(async () => {
    s = await startTestServer();
    l = await createLedger(s, 'ok');
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  const history = async (id: string, role: 'viewer' | 'analyst' = 'analyst') => {
    const r = await l.as<{ history: { edges: { node: Record<string, unknown> }[] } }>(
      role,
      'query($id: ID!) { history(id: $id, first: 100) { edges { node { operation actor role version before after requestId } } } }',
      { id },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.history.edges.map((e) => e.node);
  };

  it('creates the units of every kind, each at version 1 with a createAdminUnit audit entry by the admin', async () => {
    const r = await l.as<{ node: { kind: string; version: number; parent: { key: string } } }>(
      'viewer',
      'query($id: ID!) { node(id: $id) { ... on AdminUnit { kind version parent { key } } } }',
      { id: l.ids.village },
    );
    expect(r.data!.node).toEqual({
      kind: 'GACHA_VILLAGE',
      version: 1,
      parent: { key: `${l.prefix}:township` },
    });
    const h = await history(l.ids.village);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({
      operation: 'createAdminUnit',
      actor: `${l.prefix}-admin`,
      role: 'admin',
      version: 1,
      before: null,
      after: {
        kind: 'GACHA_VILLAGE',
        name: `测试GACHA_VILLAGE${l.prefix}`,
        parentKey: `${l.prefix}:township`,
        version: 1,
      },
    });
  });

  it('updates an organization: new values, version 2, before and after in the history', async () => {
    const r = await l.as<{
      updateOrganization: { organization: { name: string; level: string; version: number } };
    }>(
      'editor',
      'mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { organization { name level version } } }',
      { i: { id: l.ids.agency, expectedVersion: 1, name: '测试机关（更名）', aliases: ['测试简称'] } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateOrganization.organization).toEqual({
      name: '测试机关（更名）',
      level: 'BANNER',
      version: 2,
    });
    const h = await history(l.ids.agency);
    expect(h.map((e) => e.operation)).toEqual(['createOrganization', 'updateOrganization']);
    expect(h[1].before).toMatchObject({
      name: `测试机关${l.prefix}`,
      version: 1,
      unitKey: `${l.prefix}:banner`,
    });
    expect(h[1].after).toMatchObject({
      name: '测试机关（更名）',
      aliases: ['测试简称'],
      version: 2,
      unitKey: `${l.prefix}:banner`,
    });
  });

  it('moves a person to another unit and removes the organization they belonged to', async () => {
    const r = await l.as<{
      updatePerson: { person: { unit: { key: string }; memberOf: null; version: number } };
    }>(
      'editor',
      'mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { person { unit { key } memberOf { key } version } } }',
      { i: { id: l.ids.cadre, expectedVersion: 1, unitId: l.ids.township, memberOfId: null } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updatePerson.person).toEqual({
      unit: { key: `${l.prefix}:township` },
      memberOf: null,
      version: 2,
    });
  });

  it('updates an enterprise, a programme and an admin unit', async () => {
    const e = await l.as(
      'editor',
      'mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { enterprise { name version } } }',
      {
        i: { id: l.ids.enterprise, expectedVersion: 1, name: '测试企业（新）' },
      },
    );
    expect(e.data).toEqual({ updateEnterprise: { enterprise: { name: '测试企业（新）', version: 2 } } });
    const p = await l.as(
      'editor',
      'mutation($i: UpdateProgrammeInput!) { updateProgramme(input: $i) { programme { scope version } } }',
      {
        i: { id: l.ids.programme, expectedVersion: 1, scope: 'CITY', validTo: '2016-01-01' },
      },
    );
    expect(p.data).toEqual({ updateProgramme: { programme: { scope: 'CITY', version: 2 } } });
    const u = await l.as(
      'editor',
      'mutation($i: UpdateAdminUnitInput!) { updateAdminUnit(input: $i) { adminUnit { designations version } } }',
      {
        i: { id: l.ids.village, expectedVersion: 1, designations: ['BACKWARD'] },
      },
    );
    expect(u.data).toEqual({ updateAdminUnit: { adminUnit: { designations: ['BACKWARD'], version: 2 } } });
  });

  it('registers a household without storing its ID number; analysts see the last 4 characters, viewers nothing', async () => {
    const stored = await s.gateway.read(
      'test.household',
      'MATCH (h:Household {id: $id}) RETURN h {.*} AS h',
      {
        id: `${l.prefix}:household`,
      },
    );
    const h = stored[0].h as Record<string, unknown>;
    expect(h.idNumberLast4).toBe('002X');
    expect(String(h.idNumberHash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(h)).not.toContain('11010519491231002X');
    const q = 'query($id: ID!) { node(id: $id) { ... on Household { name idNumber phone memberCount } } }';
    expect((await l.as('analyst', q, { id: l.ids.household })).data).toEqual({
      node: { name: '刘显明', idNumber: '**************002X', phone: '+8613812345678', memberCount: 4 },
    });
    expect((await l.as('viewer', q, { id: l.ids.household })).data).toEqual({
      node: { name: '刘**', idNumber: null, phone: null, memberCount: 4 },
    });
  });

  it('updates a household: a new phone, the ID number removed; history masks personal fields for viewers', async () => {
    const r = await l.as(
      'editor',
      'mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { phone idNumber version } } }',
      {
        i: { id: l.ids.household, expectedVersion: 1, phone: '+8613900001111', idNumber: null },
      },
    );
    expect(r.data).toEqual({
      updateHousehold: { household: { phone: '+8613900001111', idNumber: null, version: 2 } },
    });
    const forAnalyst = await history(l.ids.household, 'analyst');
    expect(forAnalyst[1].before).toMatchObject({
      name: '刘显明',
      phone: '+8613812345678',
      idNumberLast4: '002X',
    });
    expect(forAnalyst[1].after).toMatchObject({ name: '刘显明', phone: '+8613900001111' });
    expect(forAnalyst[1].after).not.toHaveProperty('idNumberLast4');
    const forViewer = await history(l.ids.household, 'viewer');
    // aliases are personal: hidden below analyst, even when empty
    expect(forViewer[1].before).toEqual({
      name: '刘**',
      members: 4,
      registeredPoor: true,
      provenance: 'REPORTED',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      id: `${l.prefix}:household`,
      unitKey: `${l.prefix}:village`,
    });
    for (const e of [...forAnalyst, ...forViewer])
      expect(JSON.stringify(e)).not.toMatch(/idNumberHash|[0-9a-f]{64}/);
  });

  it('creates a pairing, records a project and a visit on it, cites it, and ends it — still queryable with activeOn', async () => {
    const c = await l.as<{
      createPairing: {
        pairing: {
          id: string;
          version: number;
          validTo: null;
          helper: { key: string };
          beneficiary: { key: string };
          programme: { key: string };
        };
      };
    }>(
      'editor',
      `mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing {
        id version validTo helper { key } beneficiary { key } programme { key } } } }`,
      {
        i: {
          key: `${l.prefix}:pairing`,
          helperId: l.ids.agency,
          beneficiaryId: l.ids.household,
          programmeId: l.ids.programme,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          mode: 'ONE_TO_ONE',
          validFrom: '2012-03-01',
        },
      },
    );
    expect(c.errors).toBeUndefined();
    const p = c.data!.createPairing.pairing;
    expect(p).toMatchObject({
      version: 1,
      validTo: null,
      helper: { key: `${l.prefix}:agency` },
      beneficiary: { key: `${l.prefix}:household` },
      programme: { key: `${l.prefix}:programme` },
    });

    const proj = await l.as(
      'editor',
      'mutation($i: RecordProjectInput!) { recordProject(input: $i) { project { name amountYuan date pairing { key } } } }',
      {
        i: { pairingId: p.id, name: '测试项目', amountYuan: 120000, date: '2012-06-01', sector: 'ROADS' },
      },
    );
    expect(proj.data).toEqual({
      recordProject: {
        project: {
          name: '测试项目',
          amountYuan: 120000,
          date: '2012-06-01',
          pairing: { key: `${l.prefix}:pairing` },
        },
      },
    });
    const visit = await l.as(
      'editor',
      'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { visit { date pairing { key } } } }',
      {
        i: { key: `${l.prefix}:visit`, pairingId: p.id, date: '2012-07-01', note: '入户调研' },
      },
    );
    expect(visit.data).toEqual({
      recordVisit: { visit: { date: '2012-07-01', pairing: { key: `${l.prefix}:pairing` } } },
    });
    const cite = await l.as(
      'editor',
      'mutation($i: AddCitationInput!) { addCitation(input: $i) { citation { quote source { id } } } }',
      {
        i: { factId: p.id, sourceId: l.ids.source, quote: '结对帮扶贫困户' },
      },
    );
    expect(cite.data).toEqual({
      addCitation: { citation: { quote: '结对帮扶贫困户', source: { id: l.ids.source } } },
    });

    const end = await l.as<{ endPairing: { pairing: Record<string, unknown> } }>(
      'editor',
      `mutation($i: EndPairingInput!) { endPairing(input: $i) { pairing {
        validTo endReason version before: activeOn(date: "2013-12-31") after: activeOn(date: "2014-01-01") citations { quote } } } }`,
      { i: { id: p.id, expectedVersion: 1, validTo: '2014-01-01', reason: '已脱贫' } },
    );
    expect(end.data!.endPairing.pairing).toEqual({
      validTo: '2014-01-01',
      endReason: '已脱贫',
      version: 2,
      before: true,
      after: false,
      citations: [{ quote: '结对帮扶贫困户' }],
    });
    const listed = await l.as<{ pairings: { totalCount: number } }>(
      'viewer',
      'query($a: ID!) { pairings(filter: { areaId: $a, activeOn: "2013-06-01" }) { totalCount } }',
      { a: l.ids.region },
    );
    expect(listed.data!.pairings.totalCount).toBe(1);
    const h = await history(p.id);
    expect(h.map((e) => e.operation)).toEqual(['createPairing', 'addCitation', 'endPairing']);
    expect(h[2].before).toMatchObject({ validTo: '9999-12-31', version: 1 });
    expect(h[2].after).toMatchObject({ validTo: '2014-01-01', endReason: '已脱贫', version: 2 });
  });

  it('records a dispute and its resolution', async () => {
    const d = await l.as<{
      recordDispute: { dispute: { id: string; resolvedOn: null; version: number; unit: { key: string } } };
    }>(
      'editor',
      'mutation($i: RecordDisputeInput!) { recordDispute(input: $i) { dispute { id resolvedOn version unit { key } } } }',
      { i: { unitId: l.ids.village, name: '草场边界纠纷', foundOn: '2012-05-01' } },
    );
    expect(d.data!.recordDispute.dispute).toMatchObject({
      resolvedOn: null,
      version: 1,
      unit: { key: `${l.prefix}:village` },
    });
    const r = await l.as(
      'editor',
      'mutation($i: ResolveDisputeInput!) { resolveDispute(input: $i) { dispute { resolvedOn resolution version } } }',
      {
        i: {
          id: d.data!.recordDispute.dispute.id,
          expectedVersion: 1,
          resolvedOn: '2012-05-20',
          resolution: '调解达成协议',
        },
      },
    );
    expect(r.data).toEqual({
      resolveDispute: { dispute: { resolvedOn: '2012-05-20', resolution: '调解达成协议', version: 2 } },
    });
  });

  it('records a two-committee tenure', async () => {
    const t = await l.as(
      'editor',
      'mutation($i: RecordTenureInput!) { recordTenure(input: $i) { tenure { post validFrom validTo holder { key } version } } }',
      {
        i: {
          personId: l.ids.cadre,
          unitId: l.ids.village,
          post: 'VILLAGE_SECRETARY',
          validFrom: '2011-06-01',
        },
      },
    );
    expect(t.errors).toBeUndefined();
    expect(t.data).toEqual({
      recordTenure: {
        tenure: {
          post: 'VILLAGE_SECRETARY',
          validFrom: '2011-06-01',
          validTo: null,
          holder: { key: `${l.prefix}:cadre` },
          version: 1,
        },
      },
    });
  });

  it('answers the fields that wrote when a later field of the same document fails', async () => {
    const r = await l.as<{ a: { pairing: { key: string } } | null; b: unknown }>(
      'editor',
      `mutation($p: CreatePairingInput!, $v: RecordVisitInput!) {
        a: createPairing(input: $p) { pairing { key } }
        b: recordVisit(input: $v) { visit { id } }
      }`,
      {
        p: {
          key: `${l.prefix}:pairing:partial`,
          helperId: l.ids.enterprise,
          beneficiaryId: l.ids.village,
          level: 'BANNER',
          category: 'ENTERPRISE',
          kind: 'ASSIST',
          mode: 'ONE_TO_ONE',
          validFrom: '2012-03-01',
        },
        v: { pairingId: l.ids.village, date: '2012-07-01' },
      },
    );
    expect(r.data).toEqual({ a: { pairing: { key: `${l.prefix}:pairing:partial` } }, b: null });
    expect(r.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['b'], 'BAD_USER_INPUT']]);
    const stored = await s.gateway.read('t.partial', 'MATCH (p:Pairing {id: $key}) RETURN count(p) AS n', {
      key: `${l.prefix}:pairing:partial`,
    });
    expect(Number(stored[0].n)).toBe(1);
  });

  it('refuses, before writing, a mutation whose payload selection asks for a page out of range', async () => {
    const key = `${l.prefix}:hh:page-out-of-range`;
    const r = await l.as<{ a: unknown }>(
      'editor',
      `mutation($i: CreateHouseholdInput!, $n: Int) {
        a: createHousehold(input: $i) { household { key assistedBy(first: $n) { totalCount } } } }`,
      { i: { key, name: '选择错误户', unitId: l.ids.village }, n: 1000 },
    );
    expect(r.data).toBeUndefined();
    expect(r.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'first must be between 0 and 100, got 1000'],
    ]);
    const stored = await s.gateway.read('t.hh', 'MATCH (h:Household {id: $key}) RETURN count(h) AS n', {
      key,
    });
    expect(Number(stored[0].n)).toBe(0);
  });

  it('tells the caller who they are', async () => {
    const r = await l.as('editor', '{ viewer { anonymous subject role seesPersonalData operations } }');
    expect(r.data).toEqual({
      viewer: {
        anonymous: false,
        subject: `${l.prefix}-editor`,
        role: 'editor',
        seesPersonalData: true,
        operations: expect.arrayContaining(['createPairing', 'endPairing', 'updateAdminUnit']),
      },
    });
    expect((r.data as { viewer: { operations: string[] } }).viewer.operations).not.toContain(
      'createAdminUnit',
    );
  });
});
