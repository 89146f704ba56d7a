import { buildSchema, getNamedType, isInputObjectType, isObjectType, type GraphQLObjectType } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { toGlobalId } from '../../src/graphql/ids';
import { DATED_WITHIN } from '../../src/domain/validation/dated-within';
import { IMPORT_KINDS } from '../../src/domain/validation/import-kinds';
import { LEVEL_OF_RANK } from '../../src/domain/validation/pairing-rules';
import { LEVELS } from '../../src/domain/model';
import { HELPER_KEY } from '../../src/store/derived-props';
import { startTestServer, type TestServer } from '../support/harness';
import { helperKeyDisagreements } from '../support/helper-keys';
import { importRecords } from '../support/import-run';
import { createLedger, freshIdNumber002X, type Ledger } from '../support/ledger';
import { MUTATION_CASES } from '../support/mutation-cases';

/**
 * Rules that tie a write to the records around it, each through the mutations AND `bangfu import`:
 * projects and visits stay within their pairing's validity whichever side changes; one household
 * per ID number; a cadre's rank fixes the level he helps at; every version of every record has its
 * audit entry and history pages through them; every mutation input can be read back.
 */
describe('write invariants, via mutation and via import', () => {
  let s: TestServer;
  let l: Ledger;
  let n = 0;
  const key = (what: string) => `${l.prefix}:${what}-${++n}`;
  const imp = (kind: string, rows: Record<string, unknown>[], o: { dryRun?: boolean } = {}) =>
    importRecords(s.gateway, `${l.prefix}-importer`, kind, rows, o);
  const gql = <T = Record<string, unknown>>(q: string, v: Record<string, unknown> = {}) =>
    l.as<T>('admin', q, v);
  const stored = async (label: string, id: string) => {
    const rows = await s.gateway.read('t.stored', `MATCH (n:${label} {id: $id}) RETURN n {.*} AS n`, { id });
    return rows.length ? (rows[0].n as Record<string, unknown>) : null;
  };
  const ref = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':').slice(1).join(':');

  beforeAll(async () => {
    // Generous limits: these tests make hundreds of writes on a shared, loaded machine.
    s = await startTestServer({ hardening: { requestTimeoutMs: 120_000, httpRequestTimeoutMs: 180_000 } });
    l = await createLedger(s, 'inv');
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  /** A fresh household and an AGENCY pairing with it from `validFrom`; returns the pairing's key. */
  async function pairing(validFrom: string): Promise<string> {
    const hh = key('hh');
    const h = await gql(
      'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id } } }',
      {
        i: { key: hh, name: '张三', unitId: l.ids.village },
      },
    );
    expect(h.errors).toBeUndefined();
    const p = key('pair');
    const r = await gql('mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }', {
      i: {
        key: p,
        helperId: l.ids.agency,
        beneficiaryId: toGlobalId('Household', hh),
        level: 'BANNER',
        category: 'AGENCY',
        kind: 'ASSIST',
        validFrom,
      },
    });
    expect(r.errors).toBeUndefined();
    return p;
  }
  const pairingRow = (p: string, hh: string, change: Record<string, unknown>) => ({
    key: p,
    helperKey: ref(l.ids.agency),
    beneficiaryKey: hh,
    level: 'BANNER',
    category: 'AGENCY',
    kind: 'ASSIST',
    validFrom: '2013-05-01',
    ...change,
  });
  const beneficiaryOf = async (p: string) =>
    String(
      (
        await s.gateway.read('t.b', 'MATCH (:Pairing {id: $p})-[:BENEFICIARY]->(b) RETURN b.id AS b', { p })
      )[0].b,
    );
  const record = async (label: 'Project' | 'Visit', p: string, date: string) => {
    const k = key(label.toLowerCase());
    const r =
      label === 'Project'
        ? await gql('mutation($i: RecordProjectInput!) { recordProject(input: $i) { project { id } } }', {
            i: { key: k, pairingId: toGlobalId('Pairing', p), name: '修路', amountYuan: 100, date },
          })
        : await gql('mutation($i: RecordVisitInput!) { recordVisit(input: $i) { visit { id } } }', {
            i: { key: k, pairingId: toGlobalId('Pairing', p), date },
          });
    expect(r.errors).toBeUndefined();
    return k;
  };

  describe('projects and visits stay within their pairing', () => {
    it('refuses to end a pairing before its own project and visit (validFrom 2013-05-01, project 2013-12-01, visit 2013-11-20, end 2013-06-01), naming both', async () => {
      const p = await pairing('2013-05-01');
      const proj = await record('Project', p, '2013-12-01');
      const visit = await record('Visit', p, '2013-11-20');
      const r = await gql(
        'mutation($i: EndPairingInput!) { endPairing(input: $i) { pairing { validTo } } }',
        { i: { id: toGlobalId('Pairing', p), expectedVersion: 1, validTo: '2013-06-01', reason: '已脱贫' } },
      );
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.validTo' });
      expect(r.errors?.[0].message).toContain(`Visit ${visit} (2013-11-20)`);
      expect(r.errors?.[0].message).toContain(`Project ${proj} (2013-12-01)`);
      expect(await stored('Pairing', p)).toMatchObject({ validTo: '9999-12-31', version: 1 });
    });

    // Every record dated within a pairing × every write that moves a pairing's start or end.
    const moves: [string, (p: string, hh: string) => Promise<{ refused: boolean; text: string }>][] = [
      [
        'endPairing (mutation) on the day of the record',
        async (p) => {
          const r = await gql('mutation($i: EndPairingInput!) { endPairing(input: $i) { pairing { id } } }', {
            i: { id: toGlobalId('Pairing', p), expectedVersion: 1, validTo: '2013-09-01', reason: '结束' },
          });
          return {
            refused: r.errors?.[0].extensions?.code === 'BAD_USER_INPUT',
            text: r.errors?.[0].message ?? '',
          };
        },
      ],
      [
        'a pairing import ending it on the day of the record',
        async (p, hh) => {
          const r = await imp('pairing', [pairingRow(p, hh, { validTo: '2013-09-01' })]);
          return {
            refused: !r.ok && r.issues[0]?.field === 'validTo' && r.issues[0]?.line === 1,
            text: r.text,
          };
        },
      ],
      [
        'a pairing import starting it the day after the record',
        async (p, hh) => {
          const r = await imp('pairing', [pairingRow(p, hh, { validFrom: '2013-09-02' })]);
          return {
            refused: !r.ok && r.issues[0]?.field === 'validFrom' && r.issues[0]?.line === 1,
            text: r.text,
          };
        },
      ],
    ];
    for (const d of DATED_WITHIN) {
      for (const [how, move] of moves) {
        it(`refuses ${how} when a ${d.child} would fall outside, naming it, and changes nothing`, async () => {
          const p = await pairing('2013-05-01');
          const child = await record(d.child, p, '2013-09-01');
          const before = await stored('Pairing', p);
          const r = await move(p, await beneficiaryOf(p));
          expect(r.refused).toBe(true);
          expect(r.text).toContain(`${d.child} ${child} (2013-09-01)`);
          expect(await stored('Pairing', p)).toEqual(before);
        });
      }
      it(`refuses a ${d.child} dated outside its pairing via mutation and via import, on both sides`, async () => {
        const p = await pairing('2013-05-01');
        await gql('mutation($i: EndPairingInput!) { endPairing(input: $i) { pairing { id } } }', {
          i: { id: toGlobalId('Pairing', p), expectedVersion: 1, validTo: '2014-01-01', reason: '结束' },
        });
        const kind = d.child === 'Project' ? 'project' : 'visit';
        for (const date of ['2013-04-30', '2014-01-01']) {
          const mutation = await gql(
            d.child === 'Project'
              ? 'mutation($i: RecordProjectInput!) { recordProject(input: $i) { project { id } } }'
              : 'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { visit { id } } }',
            {
              i: {
                key: key('x'),
                pairingId: toGlobalId('Pairing', p),
                date,
                ...(d.child === 'Project' ? { name: '项目', amountYuan: 1 } : {}),
              },
            },
          );
          expect(mutation.errors?.[0].extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            argument: 'input.date',
          });
          const imported = await imp(kind, [
            {
              key: key('x'),
              pairingKey: p,
              date,
              ...(d.child === 'Project' ? { name: '项目', amountYuan: 1 } : {}),
            },
          ]);
          expect(imported.ok).toBe(false);
          expect(imported.issues).toEqual([
            { line: 1, field: 'date', problem: expect.stringMatching(/pairing/) },
          ]);
        }
      });
    }

    it('accepts an end after every record of the pairing, via mutation and via import', async () => {
      const p = await pairing('2013-05-01');
      await record('Project', p, '2013-09-01');
      const r = await imp('pairing', [pairingRow(p, await beneficiaryOf(p), { validTo: '2013-09-02' })]);
      expect(r.issues).toEqual([]);
      expect(await stored('Pairing', p)).toMatchObject({ validTo: '2013-09-02', version: 2 });
    });
  });

  describe('one household per ID number', () => {
    it('refuses a second household with an ID number already registered, via mutation and via import, and two in one file', async () => {
      const id = freshIdNumber002X();
      const first = key('hh');
      const a = await gql(
        'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id } } }',
        {
          i: { key: first, name: '李四', unitId: l.ids.village, idNumber: id },
        },
      );
      expect(a.errors).toBeUndefined();
      const second = key('hh');
      const b = await gql(
        'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id } } }',
        {
          i: { key: second, name: '王五', unitId: l.ids.village, idNumber: id.toLowerCase() },
        },
      );
      expect(b.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.idNumber' });
      expect(b.errors?.[0].message).toContain(first);
      expect(await stored('Household', second)).toBeNull();
      // Updating another household to the number is refused the same way.
      const c = await gql(
        'mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { id } } }',
        {
          i: { id: l.ids.household, expectedVersion: 1, idNumber: id },
        },
      );
      expect(c.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.idNumber' });
      const row = { key: second, name: '王五', unitKey: ref(l.ids.village), idNumber: id };
      const r = await imp('household', [row]);
      expect(r.ok).toBe(false);
      expect(r.issues).toEqual([
        {
          line: 1,
          field: 'idNumber',
          problem: `Household ${first} is already registered with this idNumber`,
        },
      ]);
      const other = freshIdNumber002X();
      const two = await imp('household', [
        { ...row, idNumber: other },
        { ...row, key: key('hh'), idNumber: other },
      ]);
      expect(two.issues).toEqual([
        { line: 2, field: 'idNumber', problem: `repeats the idNumber of line 1 (${second})` },
      ]);
      expect(await stored('Household', second)).toBeNull();
      // Re-importing a household with its own number is fine.
      const own = await imp('household', [
        { key: first, name: '李四', unitKey: ref(l.ids.village), idNumber: id },
      ]);
      expect(own.issues).toEqual([]);
    });
  });

  describe("a cadre's rank fixes the level he helps at", () => {
    for (const [rank, level] of Object.entries(LEVEL_OF_RANK)) {
      it(`a ${rank} cadre pairs only at ${level}, via mutation and via import`, async () => {
        const cadre = key('cadre');
        const c = await gql(
          'mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }',
          {
            i: { key: cadre, name: '赵六', rank },
          },
        );
        expect(c.errors).toBeUndefined();
        for (const at of LEVELS) {
          const i = {
            key: key('pair'),
            helperId: toGlobalId('Person', cadre),
            beneficiaryId: l.ids.village,
            level: at,
            category: 'LEADING_CADRE',
            kind: 'ASSIST',
            validFrom: '2012-01-01',
          };
          const m = await gql(
            'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { level } } }',
            { i },
          );
          const r = await imp(
            'pairing',
            [
              {
                key: key('pair'),
                helperKey: cadre,
                beneficiaryKey: ref(l.ids.village),
                level: at,
                category: 'LEADING_CADRE',
                kind: 'ASSIST',
                // before the mutation's pairing (the same four may not overlap)
                validFrom: '2000-01-01',
                validTo: '2001-01-01',
              },
            ],
            { dryRun: true },
          );
          if (at === level) {
            expect(m.errors).toBeUndefined();
            expect(r.issues).toEqual([]);
          } else {
            expect(m.errors?.[0].extensions).toMatchObject({
              code: 'BAD_USER_INPUT',
              argument: 'input.level',
            });
            expect(r.issues).toEqual([
              { line: 1, field: 'level', problem: expect.stringContaining(`rank ${rank}`) },
            ]);
          }
        }
      });
    }
  });

  describe('history', () => {
    /** A valid row of each import kind for a new record, and a change for a second row. */
    const ROWS: Record<string, () => [Record<string, unknown>, Record<string, unknown>]> = {
      adminUnit: () => [
        { key: key('au'), name: '新村', kind: 'GACHA_VILLAGE', parentKey: ref(l.ids.township) },
        { name: '新村二' },
      ],
      programme: () => [{ key: key('prog'), name: '工程', scope: 'BANNER' }, { name: '工程二' }],
      organization: () => [
        { key: key('org'), name: '单位', orgType: 'AGENCY', unitKey: ref(l.ids.banner) },
        { level: 'BANNER' },
      ],
      person: () => [{ key: key('person'), name: '干部' }, { rank: 'SECTION' }],
      enterprise: () => [
        { key: key('ent'), name: '企业', unitKey: ref(l.ids.banner) },
        { aliases: ['简称'] },
      ],
      household: () => [{ key: key('hh'), name: '户主', unitKey: ref(l.ids.village) }, { memberCount: 3 }],
      pairing: () => [
        {
          key: key('pair'),
          helperKey: ref(l.ids.enterprise),
          beneficiaryKey: ref(l.ids.village),
          level: 'BANNER',
          category: 'ENTERPRISE',
          kind: 'ASSIST',
          validFrom: `${2200 + n}-01-01`,
        },
        { mode: 'ONE_TO_ONE' },
      ],
      project: () => [
        { key: key('proj'), pairingKey: shared, name: '项目', amountYuan: 1, date: '2013-06-01' },
        { amountYuan: 2 },
      ],
      visit: () => [{ key: key('visit'), pairingKey: shared, date: '2013-06-01' }, { note: '记录' }],
      dispute: () => [
        { key: key('dispute'), unitKey: ref(l.ids.village), name: '纠纷', foundOn: '2013-01-01' },
        { resolvedOn: '2013-02-01', resolution: '调解' },
      ],
      tenure: () => [
        {
          key: key('tenure'),
          personKey: ref(l.ids.cadre),
          unitKey: ref(l.ids.community),
          post: 'COMMITTEE_MEMBER',
          validFrom: '2012-01-01',
        },
        { validTo: '2015-01-01' },
      ],
    };
    let shared = '';
    const versionsOf = async (
      gid: string,
      order: 'OLDEST_FIRST' | 'NEWEST_FIRST',
      pageSize: number,
      backward = false,
    ) => {
      const seen: (number | null)[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 50; i++) {
        const r: { data?: { history: HistoryPage }; errors?: unknown } = await gql<{ history: HistoryPage }>(
          backward
            ? 'query($id: ID!, $o: HistoryOrder, $n: Int, $c: String) { history(id: $id, order: $o, last: $n, before: $c) { edges { cursor node { version operation } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }'
            : 'query($id: ID!, $o: HistoryOrder, $n: Int, $c: String) { history(id: $id, order: $o, first: $n, after: $c) { edges { cursor node { version operation } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
          { id: gid, o: order, n: pageSize, c: cursor },
        );
        expect(r.errors).toBeUndefined();
        const h: HistoryPage = r.data!.history;
        const page = h.edges.map((e) => e.node.version);
        if (backward) seen.unshift(...page);
        else seen.push(...page);
        if (!(backward ? h.pageInfo.hasPreviousPage : h.pageInfo.hasNextPage)) break;
        cursor = backward ? h.pageInfo.startCursor : h.pageInfo.endCursor;
      }
      return seen;
    };

    it('lists every version 1..current once, for records written by mutations and by imports of every kind, paging both ways in both orders', async () => {
      expect(Object.keys(ROWS).sort()).toEqual(Object.keys(IMPORT_KINDS).sort());
      shared = await pairing('2013-01-01');
      const written: { label: string; id: string }[] = [];
      for (const [kind, make] of Object.entries(ROWS)) {
        const [row, change] = make();
        const first = await imp(kind, [row]);
        expect({ kind, issues: first.issues }).toEqual({ kind, issues: [] });
        const second = await imp(kind, [{ ...row, ...change }]);
        expect({ kind, issues: second.issues, counts: second.counts }).toEqual({
          kind,
          issues: [],
          counts: { created: 0, updated: 1, unchanged: 0 },
        });
        await imp(kind, [{ ...row, ...change }]); // unchanged: no new version
        written.push({ label: IMPORT_KINDS[kind].label, id: String(row.key) });
      }
      // A household through mutation, import, mutation, import: versions 1..4.
      const hh = key('hh');
      await gql('mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id } } }', {
        i: { key: hh, name: '甲', unitId: l.ids.village },
      });
      await imp('household', [{ key: hh, name: '乙', unitKey: ref(l.ids.village) }]);
      await gql('mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { id } } }', {
        i: { id: toGlobalId('Household', hh), expectedVersion: 2, name: '丙' },
      });
      await imp('household', [{ key: hh, name: '丁', unitKey: ref(l.ids.village) }]);
      written.push({ label: 'Household', id: hh });
      written.push({ label: 'Pairing', id: shared });
      for (const w of written) {
        const current = Number((await stored(w.label, w.id))!.version);
        const expected = Array.from({ length: current }, (_, i) => i + 1);
        const gid = toGlobalId(w.label as never, w.id);
        expect({ w, versions: await versionsOf(gid, 'OLDEST_FIRST', 1) }).toEqual({ w, versions: expected });
        expect({ w, versions: await versionsOf(gid, 'NEWEST_FIRST', 1) }).toEqual({
          w,
          versions: [...expected].reverse(),
        });
        expect({ w, versions: await versionsOf(gid, 'OLDEST_FIRST', 3, true) }).toEqual({
          w,
          versions: expected,
        });
      }
      expect(Number((await stored('Household', hh))!.version)).toBe(4);
    }, 120_000);

    it('pages beyond 1,000 entries', async () => {
      // 1,005 audit entries of one record, written directly (as 1,005 writes would leave them).
      const id = key('many');
      await s.gateway.write(
        't.many',
        "CREATE (:Enterprise {id: $id, name: '多', aliases: [], provenance: 'REPORTED', version: 1005}) " +
          "WITH 1 AS x UNWIND range(1, 1005) AS v CREATE (:AuditEntry {id: $id + ':a' + toString(v), at: datetime('2020-01-01T00:00:00Z') + duration({seconds: v}), actor: 'x', role: 'editor', operation: 'updateEnterprise', targetLabel: 'Enterprise', targetId: $id, version: v})",
        { id },
      );
      const versions = await versionsOf(toGlobalId('Enterprise', id), 'NEWEST_FIRST', 100);
      expect(versions).toEqual(Array.from({ length: 1005 }, (_, i) => 1005 - i));
      const count = await gql<{ history: { totalCount: number } }>(
        'query($id: ID!) { history(id: $id) { totalCount } }',
        {
          id: toGlobalId('Enterprise', id),
        },
      );
      expect(count.data!.history.totalCount).toBe(1005);
    }, 120_000);
  });

  describe('every mutation input can be read back', () => {
    /** Input fields whose output field has another name than the convention (`xId` → `x`, else the same name). */
    const READ_AS: Record<string, string> = {
      'EndPairingInput.reason': 'endReason',
      'RecordTenureInput.personId': 'holder',
      'RecordTenureInput.unitId': 'place',
    };
    const schema = buildSchema(loadTypeDefs().join('\n'));
    const mutations = Object.values(schema.getMutationType()!.getFields());

    it('names an output field for every input field of every mutation (derived from the schema)', () => {
      const unreadable: string[] = [];
      for (const m of mutations) {
        // the ledger's mutations take one `input`; report review (proposeReport …) takes none
        const arg = m.args.find((a) => a.name === 'input');
        if (!arg) continue;
        const input = getNamedType(arg.type);
        if (!isInputObjectType(input)) continue;
        const record = recordTypeOf(m.type);
        for (const f of Object.keys(input.getFields())) {
          if (['key', 'id', 'expectedVersion', 'factId'].includes(f)) continue;
          const out = READ_AS[`${input.name}.${f}`] ?? (f.endsWith('Id') ? f.slice(0, -2) : f);
          if (!record.getFields()[out]) unreadable.push(`${m.name}: ${input.name}.${f}`);
        }
      }
      expect(unreadable).toEqual([]);
    });

    it('reads back exactly what each mutation was given', async () => {
      for (const c of MUTATION_CASES) {
        const m = mutations.find((x) => x.name === c.op)!;
        const input = getNamedType(m.args[0].type);
        if (!isInputObjectType(input)) continue;
        const i = await c.valid(l, `rb${++n}`);
        if (c.op === 'recordProject') Object.assign(i, { sector: 'ROADS' });
        if (c.op === 'recordVisit') Object.assign(i, { note: '入户走访' });
        if (c.op === 'createProgramme')
          Object.assign(i, { validFrom: '2012-01-01', validTo: '2014-01-01', partOfId: l.ids.programme });
        const fields = Object.keys(i).filter((f) => !['key', 'id', 'expectedVersion', 'factId'].includes(f));
        const record = recordTypeOf(m.type);
        const outs = fields.map(
          (f) => READ_AS[`${input.name}.${f}`] ?? (f.endsWith('Id') ? f.slice(0, -2) : f),
        );
        const sel = outs.map((o) =>
          isObjectType(getNamedType(record.getFields()[o].type)) ||
          o.endsWith('place') ||
          o === 'helper' ||
          o === 'beneficiary'
            ? `${o} { ... on Node { id } }`
            : o,
        );
        const r = await l.as<Record<string, Record<string, Record<string, unknown>>>>(
          c.role,
          `mutation($i: ${c.input}!) { ${c.op}(input: $i) { ${c.field} { ${sel.join(' ')} } } }`,
          { i },
        );
        expect({ op: c.op, errors: r.errors }).toEqual({ op: c.op, errors: undefined });
        const got = r.data![c.op][c.field];
        fields.forEach((f, k) => {
          const v = got[outs[k]];
          const want = i[f];
          const norm = (x: unknown) =>
            x && typeof x === 'object' && 'id' in x ? (x as { id: string }).id : x;
          if (f === 'idNumber') expect(v).toBe(`**************${String(want).slice(-4)}`);
          else expect({ op: c.op, f, v: norm(v) }).toEqual({ op: c.op, f, v: want });
        });
      }
    }, 120_000);
  });

  // The helper key (src/store/derived-props.ts) is what a helper's pairings are paged by: a pairing
  // whose key lagged its HELPER relationship would be listed under its old helper, or not at all.
  describe("a pairing's helper key follows its HELPER relationship", () => {
    const helperKeyOf = async (p: string) => (await stored('Pairing', p))?.[HELPER_KEY];
    const pairingKeysOf = async (helper: string) => {
      const r = await gql<{ node: { pairings: { edges: { node: { key: string } }[] } } }>(
        'query($id: ID!) { node(id: $id) { ... on Organization { pairings(first: 100) { edges { node { key } } } } } }',
        { id: helper },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.node.pairings.edges.map((e) => e.node.key);
    };

    it('createPairing, an import that creates one and an import that moves one to another helper set it', async () => {
      const p = await pairing('2013-05-01');
      const agency = `Organization:${ref(l.ids.agency)}`;
      expect(await helperKeyOf(p)).toBe(agency);

      const created = key('pair');
      const hh = await beneficiaryOf(p);
      // another period: two pairings of one helper and beneficiary may not overlap
      const period = { validFrom: '2000-01-01', validTo: '2001-01-01' };
      expect((await imp('pairing', [pairingRow(created, hh, period)])).ok).toBe(true);
      expect(await helperKeyOf(created)).toBe(agency);

      const other = await gql<{ createOrganization: { organization: { id: string } } }>(
        'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }',
        {
          i: {
            key: key('agency'),
            name: '测试机关二',
            orgType: 'AGENCY',
            level: 'BANNER',
            unitId: l.ids.banner,
          },
        },
      );
      expect(other.errors).toBeUndefined();
      const otherId = other.data!.createOrganization.organization.id;
      const moved = await imp('pairing', [pairingRow(p, hh, { helperKey: ref(otherId) })]);
      expect(moved.ok).toBe(true);
      expect(await helperKeyOf(p)).toBe(`Organization:${ref(otherId)}`);
      expect(await pairingKeysOf(otherId)).toEqual([p]);
      expect(await pairingKeysOf(l.ids.agency)).not.toContain(p);
      expect(await pairingKeysOf(l.ids.agency)).toContain(created);
    });

    it('after every write of this file, no pairing of the store disagrees with its helper', async () => {
      expect(await helperKeyDisagreements(s.gateway)).toEqual([]);
    });
  });
});

interface HistoryPage {
  edges: { cursor: string; node: { version: number | null; operation: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string; startCursor: string };
}

/** The record type a mutation's payload carries (`{ household: Household!, replayed }` → Household). */
function recordTypeOf(t: Parameters<typeof getNamedType>[0]): GraphQLObjectType {
  const payload = getNamedType(t) as GraphQLObjectType;
  const f = Object.values(payload.getFields()).find((x) => x.name !== 'replayed')!;
  return getNamedType(f.type) as GraphQLObjectType;
}
