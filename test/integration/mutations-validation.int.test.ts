import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';
import { caseOf, created, run } from '../support/mutation-cases';

/**
 * Each validation failure of each mutation: the error's code, the input path it names
 * (`extensions.argument`), and that nothing was written (a mutation is one transaction).
 */
describe('mutations: validation failures', () => {
  let s: TestServer;
  let l: Ledger;
  beforeAll(async () => {
    s = await startTestServer();
    l = await createLedger(s, 'val');
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  type Bad = [
    name: string,
    change: (
      l: Ledger,
      i: Record<string, unknown>,
    ) => Record<string, unknown> | Promise<Record<string, unknown>>,
    code: string,
    argument: string,
    message?: RegExp,
  ];
  const missing = (label: 'AdminUnit' | 'Pairing' | 'Person' | 'Dispute') =>
    toGlobalId(label, 'does-not-exist');

  const CASES: Record<string, Bad[]> = {
    createAdminUnit: [
      [
        'a CITY without a parent',
        (_l, i) => ({ ...i, kind: 'CITY', parentId: null }),
        'BAD_USER_INPUT',
        'input.parentId',
        /needs a parent unit/,
      ],
      [
        'a 嘎查村 directly in a banner',
        (l, i) => ({ ...i, parentId: l.ids.banner }),
        'BAD_USER_INPUT',
        'input.parentId',
        /cannot lie directly in a unit of kind BANNER/,
      ],
      [
        'a 嘎查村 in a 街道',
        (l, i) => ({ ...i, parentId: l.ids.street }),
        'BAD_USER_INPUT',
        'input.parentId',
        /lies in a 苏木乡镇/,
      ],
      [
        'designations on a township',
        (l, i) => ({ ...i, kind: 'TOWNSHIP', parentId: l.ids.banner, designations: ['BACKWARD'] }),
        'BAD_USER_INPUT',
        'input.designations',
      ],
      [
        'a blank name',
        (_l, i) => ({ ...i, name: '   ' }),
        'BAD_USER_INPUT',
        'input.name',
        /must not be empty/,
      ],
      ['a key with capitals', (_l, i) => ({ ...i, key: 'AU:Bad' }), 'BAD_USER_INPUT', 'input.key'],
      [
        'a parent that is a household',
        (l, i) => ({ ...i, parentId: l.ids.household }),
        'BAD_USER_INPUT',
        'input.parentId',
        /must be the id of a AdminUnit, got a Household/,
      ],
      [
        'a parent that does not exist',
        (_l, i) => ({ ...i, parentId: missing('AdminUnit') }),
        'NOT_FOUND',
        'input.parentId',
      ],
      ['a key that is taken', (l, i) => ({ ...i, key: `${l.prefix}:village` }), 'CONFLICT', 'input.key'],
    ],
    updateAdminUnit: [
      [
        'a parent below the unit (a cycle)',
        (l, i) => ({ ...i, parentId: i.id, designations: undefined }),
        'BAD_USER_INPUT',
        'input.parentId',
        /cycle/,
      ],
      [
        'a name of 101 characters',
        (_l, i) => ({ ...i, name: '村'.repeat(101) }),
        'BAD_USER_INPUT',
        'input.name',
        /at most 100 characters, got 101/,
      ],
    ],
    createOrganization: [
      [
        'a unit that is an organization',
        (l, i) => ({ ...i, unitId: l.ids.agency }),
        'BAD_USER_INPUT',
        'input.unitId',
      ],
      [
        'part of a missing organization',
        (_l, i) => ({ ...i, partOfId: toGlobalId('Organization', 'nope') }),
        'NOT_FOUND',
        'input.partOfId',
      ],
    ],
    updateOrganization: [
      [
        'removing the required unit',
        (_l, i) => ({ ...i, unitId: null }),
        'BAD_USER_INPUT',
        'input.unitId',
        /cannot be removed/,
      ],
    ],
    createPerson: [
      [
        'a repeated alias',
        (_l, i) => ({ ...i, aliases: ['老刘', '老刘'] }),
        'BAD_USER_INPUT',
        'input.aliases',
      ],
    ],
    updatePerson: [
      ['an empty alias', (_l, i) => ({ ...i, aliases: [''] }), 'BAD_USER_INPUT', 'input.aliases[0]'],
    ],
    createEnterprise: [
      [
        'a unit that does not exist',
        (_l, i) => ({ ...i, unitId: missing('AdminUnit') }),
        'NOT_FOUND',
        'input.unitId',
      ],
    ],
    updateEnterprise: [['a blank name', (_l, i) => ({ ...i, name: '' }), 'BAD_USER_INPUT', 'input.name']],
    createHousehold: [
      [
        'a township as its unit',
        (l, i) => ({ ...i, unitId: l.ids.township }),
        'BAD_USER_INPUT',
        'input.unitId',
        /嘎查村 or 社区/,
      ],
      [
        'an ID number with a wrong check digit',
        (_l, i) => ({ ...i, idNumber: '110105194912310021' }),
        'BAD_USER_INPUT',
        'input.idNumber',
        /check digit/,
      ],
      ['31 members', (_l, i) => ({ ...i, memberCount: 31 }), 'BAD_USER_INPUT', 'input.memberCount'],
      [
        'a phone outside mainland China',
        (_l, i) => ({ ...i, phone: '+14155550100' }),
        'BAD_USER_INPUT',
        'input.phone',
      ],
      [
        'text that is no phone number (graphql-scalars PhoneNumber)',
        (_l, i) => ({ ...i, phone: 'call me' }),
        'BAD_USER_INPUT',
        'i',
        /Invalid phone number/,
      ],
    ],
    updateHousehold: [
      [
        '0 members (PositiveInt)',
        (_l, i) => ({ ...i, memberCount: 0 }),
        'BAD_USER_INPUT',
        'i',
        /at "i\.memberCount"; PositiveInt must be a whole number from 1 to 9007199254740991, got 0$/,
      ],
    ],
    createProgramme: [
      [
        'an end before its start',
        (_l, i) => ({ ...i, validFrom: '2013-01-01', validTo: '2012-01-01' }),
        'BAD_USER_INPUT',
        'input.validTo',
      ],
    ],
    updateProgramme: [
      [
        'a date that does not exist (graphql-scalars Date)',
        (_l, i) => ({ ...i, validFrom: '2013-02-30' }),
        'BAD_USER_INPUT',
        'i',
      ],
    ],
    createPairing: [
      [
        'an enterprise assisting a household',
        (l, i) => ({ ...i, beneficiaryId: l.ids.household }),
        'BAD_USER_INPUT',
        'input.beneficiaryId',
        /ENTERPRISE ASSIST pairing may assist GACHA_VILLAGE, got a Household/,
      ],
      [
        'an enterprise assisting a 社区',
        (l, i) => ({ ...i, beneficiaryId: l.ids.community }),
        'BAD_USER_INPUT',
        'input.beneficiaryId',
        /GACHA_VILLAGE, got an AdminUnit of kind COMMUNITY/,
      ],
      [
        'a seconded cadre that is an organization',
        (l, i) => ({ ...i, helperId: l.ids.agency, category: 'SECONDED_CADRE', kind: 'STATIONED' }),
        'BAD_USER_INPUT',
        'input.helperId',
        /needs a Person as helper/,
      ],
      [
        'an enterprise stationed in a village',
        (_l, i) => ({ ...i, kind: 'STATIONED' }),
        'BAD_USER_INPUT',
        'input.kind',
      ],
      [
        'a banner agency helping at city level',
        (l, i) => ({ ...i, helperId: l.ids.agency, category: 'AGENCY', level: 'CITY' }),
        'BAD_USER_INPUT',
        'input.level',
        /at level BANNER/,
      ],
      [
        'an end on its start day',
        (_l, i) => ({ ...i, validTo: i.validFrom }),
        'BAD_USER_INPUT',
        'input.validTo',
        /must be after validFrom/,
      ],
      [
        'a household as helper',
        (l, i) => ({ ...i, helperId: l.ids.household }),
        'BAD_USER_INPUT',
        'input.helperId',
        /Organization or Person or Enterprise/,
      ],
      [
        'a programme that does not exist',
        (_l, i) => ({ ...i, programmeId: toGlobalId('Programme', 'nope') }),
        'NOT_FOUND',
        'input.programmeId',
      ],
      [
        'an overlapping pairing of the same helper and beneficiary',
        async (l, i) => {
          await created(l, caseOf('createPairing'), i);
          return { ...i, key: `${i.key}-again` };
        },
        'CONFLICT',
        'input',
      ],
    ],
    endPairing: [
      [
        'an end before the start',
        (_l, i) => ({ ...i, validTo: '2011-01-01' }),
        'BAD_USER_INPUT',
        'input.validTo',
        /must be after validFrom \(2012-01-01\)/,
      ],
      ['a blank reason', (_l, i) => ({ ...i, reason: ' ' }), 'BAD_USER_INPUT', 'input.reason'],
      [
        'a pairing that does not exist',
        (_l, i) => ({ ...i, id: missing('Pairing') }),
        'NOT_FOUND',
        'input.id',
      ],
      [
        'a pairing that has ended',
        async (l, i) => {
          await run(l, caseOf('endPairing'), 'editor', i);
          return { ...i, expectedVersion: 2 };
        },
        'CONFLICT',
        'input.id',
        /already ended on 2014-01-01/,
      ],
    ],
    recordProject: [
      [
        'a date before the pairing began',
        (_l, i) => ({ ...i, date: '2011-12-31' }),
        'BAD_USER_INPUT',
        'input.date',
        /before the pairing began/,
      ],
      [
        'more than 10 billion yuan',
        (_l, i) => ({ ...i, amountYuan: 10_000_000_001 }),
        'BAD_USER_INPUT',
        'input.amountYuan',
      ],
      [
        'a negative amount (NonNegativeInt)',
        (_l, i) => ({ ...i, amountYuan: -1 }),
        'BAD_USER_INPUT',
        'i',
        /at "i\.amountYuan"; NonNegativeInt must be a whole number from 0 to 9007199254740991, got -1$/,
      ],
      [
        'a pairing id that is a visit',
        (_l, i) => ({ ...i, pairingId: toGlobalId('Visit', 'x') }),
        'BAD_USER_INPUT',
        'input.pairingId',
      ],
    ],
    recordVisit: [
      [
        'a date after the pairing ended',
        async (l, i) => {
          const p = await s.gateway.read(
            'test.pairing',
            'MATCH (p:Pairing {id: $id}) RETURN p.version AS v',
            { id: Buffer.from(String(i.pairingId), 'base64url').toString().slice(8) },
          );
          await run(l, caseOf('endPairing'), 'editor', {
            id: i.pairingId,
            expectedVersion: p[0].v,
            validTo: '2013-01-01',
            reason: '调整',
          });
          return { ...i, date: '2013-01-01' };
        },
        'BAD_USER_INPUT',
        'input.date',
        /before the pairing ended \(2013-01-01\)/,
      ],
    ],
    recordDispute: [
      ['a banner as its place', (l, i) => ({ ...i, unitId: l.ids.banner }), 'BAD_USER_INPUT', 'input.unitId'],
      [
        'a date before 1949-10-01',
        (_l, i) => ({ ...i, foundOn: '1900-01-01' }),
        'BAD_USER_INPUT',
        'input.foundOn',
      ],
    ],
    resolveDispute: [
      [
        'a resolution before it was found',
        (_l, i) => ({ ...i, resolvedOn: '2012-03-01' }),
        'BAD_USER_INPUT',
        'input.resolvedOn',
        /must not be before foundOn \(2012-04-01\)/,
      ],
      [
        'resolving twice',
        async (l, i) => {
          await run(l, caseOf('resolveDispute'), 'editor', i);
          return { ...i, expectedVersion: 2 };
        },
        'CONFLICT',
        'input.id',
      ],
    ],
    recordTenure: [
      [
        'a 村党支部书记 in a 社区',
        (_l, i) => ({ ...i, post: 'VILLAGE_SECRETARY' }),
        'BAD_USER_INPUT',
        'input.unitId',
        /GACHA_VILLAGE/,
      ],
      [
        'an end before the start',
        (_l, i) => ({ ...i, validTo: '2010-01-01' }),
        'BAD_USER_INPUT',
        'input.validTo',
      ],
      [
        'a holder that does not exist',
        (_l, i) => ({ ...i, personId: missing('Person') }),
        'NOT_FOUND',
        'input.personId',
      ],
    ],
    addCitation: [
      [
        'a fact that is a source',
        (l, i) => ({ ...i, factId: l.ids.source }),
        'BAD_USER_INPUT',
        'input.factId',
      ],
      ['a blank quote', (_l, i) => ({ ...i, quote: '' }), 'BAD_USER_INPUT', 'input.quote'],
    ],
  };

  const rows = Object.entries(CASES).flatMap(([op, bads]) =>
    bads.map(([name, change, code, argument, message]) => ({ op, name, change, code, argument, message })),
  );
  it.each(rows)('$op rejects $name', async ({ op, change, code, argument, message }) => {
    const c = caseOf(op);
    const n = `v${Math.random().toString(36).slice(2, 8)}`;
    const valid = await c.valid(l, n);
    const input = Object.fromEntries(
      Object.entries(await change(l, valid)).filter(([, v]) => v !== undefined),
    );
    const audits = async () =>
      Number(
        (
          await s.gateway.read(
            'test.audits',
            'MATCH (a:AuditEntry) WHERE a.actor STARTS WITH $p RETURN count(a) AS n',
            { p: l.prefix },
          )
        )[0].n,
      );
    const before = await audits();
    const r = await run(l, c, c.role, input);
    expect(r.data?.[op] ?? null).toBeNull();
    const e = r.errors?.[0];
    expect(e?.extensions?.code).toBe(code);
    if (argument === 'i') expect(e?.message).toMatch(/^Variable "\$i" got invalid value/);
    else expect(e?.extensions?.argument).toBe(argument);
    if (message) expect(e?.message).toMatch(message);
    expect(await audits()).toBe(before);
  });

  it('lists every problem of an input at once in extensions.issues', async () => {
    const r = await run(l, caseOf('createHousehold'), 'editor', {
      name: ' ',
      unitId: l.ids.village,
      idNumber: '123',
      key: 'Bad Key',
    });
    expect(r.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.key',
      issues: [
        {
          field: 'input.key',
          problem: 'must be 1–120 characters of a–z, 0–9 and : . - _, starting with a letter or digit',
        },
        { field: 'input.name', problem: 'must not be empty' },
        {
          field: 'input.idNumber',
          problem: 'must be an 18-character resident ID number (居民身份证号) with a valid check digit',
        },
      ],
    });
  });

  it('rolls back a write that fails part-way: nothing of it remains', async () => {
    // The pairing's helper is locked and its beneficiary read before the programme is found missing.
    const before = Number(
      (await s.gateway.read('test.pairings', 'MATCH (p:Pairing) RETURN count(p) AS n'))[0].n,
    );
    const r = await run(l, caseOf('createPairing'), 'editor', {
      ...(await caseOf('createPairing').valid(l, 'rollback')),
      programmeId: toGlobalId('Programme', 'missing'),
    });
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(
      Number((await s.gateway.read('test.pairings', 'MATCH (p:Pairing) RETURN count(p) AS n'))[0].n),
    ).toBe(before);
  });
});
