import fc from 'fast-check';
import {
  CATEGORIES,
  DESIGNATIONS,
  LEVELS,
  PAIRING_KINDS,
  UNIT_KINDS,
  type Level,
  type PairingKind,
} from '../../src/domain/model';
import { LEGAL_PAIRINGS } from '../../src/domain/validation/pairing-rules';
import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, type TestServer } from '../support/harness';
import { graphEnds, keyOf } from '../support/graph-ends';
import { importRecords } from '../support/import-run';
import { createLedger, type Ledger } from '../support/ledger';
import { assertVerdictLaw, overlapLaw } from '../support/verdict-law';

/**
 * A graph import into a running graph is held to the rules across records the mutations check,
 * whatever part of them the dump holds and the graph the rest (a property the dump leaves out stays
 * the graph's): a pairing's projects and visits lie in its validity (recordProject, recordVisit),
 * every pairing is legal and none overlaps another of its four (createPairing), a unit lies in a
 * unit one level up and references stay single (createAdminUnit, the entity mutations), one
 * household per ID number. What the mutation refuses, the import refuses on the record's line with
 * the same words, writing nothing.
 */
describe('graph import: rules across records, across the dump and the graph', () => {
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

  it("a date the dump leaves out is the graph's (an import MERGEs): a pairing restated without its end keeps it", async () => {
    const id = key('project');
    const r = await imp([
      node('Pairing', closed, { kind: 'ASSIST', validFrom: '2005-01-01' }),
      ...dated('Project', id, closed, '2009-03-01'),
    ]);
    expect(r.issues).toEqual([
      {
        line: 2,
        field: 'node.props.date',
        problem: `must be before the pairing ${JSON.stringify(closed)} ended (2008-01-01), got 2009-03-01`,
      },
    ]);
    expect(await exists('Project', id)).toBe(false);
  });

  it("a pairing restated with a later start and its end left out: the end stays the graph's, so refused", async () => {
    const r = await imp([node('Pairing', closed, { kind: 'ASSIST', validFrom: '2010-01-01' })]);
    expect(r.issues).toEqual([
      {
        line: 1,
        field: 'node.props.validFrom',
        problem: expect.stringMatching(
          /^the pairing would be valid from 2010-01-01 to 2008-01-01, but these records dated within it would fall outside: Project \S+ \(2006-06-01\), Visit \S+ \(2007-01-01\)$/,
        ),
      },
      {
        line: 1,
        field: 'node.props.validTo',
        problem: 'must be after validFrom (2010-01-01), got 2008-01-01',
      },
    ]);
    const [row] = await s.gateway.read(
      't.validFrom',
      'MATCH (p:Pairing {id: $id}) RETURN toString(p.validFrom) AS v',
      {
        id: closed,
      },
    );
    expect(row.v).toBe('2005-01-01');
  });

  it('refuses exactly the dates recordProject and recordVisit refuse, with the same words (property)', async () => {
    const day = fc.oneof(
      fc.constantFrom('2004-12-31', '2005-01-01', '2007-12-31', '2008-01-01'),
      fc
        .integer({ min: Date.UTC(2003, 0, 1), max: Date.UTC(2010, 0, 1) })
        .map((t) => new Date(t).toISOString().slice(0, 10)),
    );
    const label = fc.constantFrom('Project' as const, 'Visit' as const);
    // the boundary days are drawn often, so both verdicts are
    await assertVerdictLaw(fc.tuple(label, day), 24, async ([label, date]) => {
      const viaImport = await imp(dated(label, key('law'), closed, date), { dryRun: true });
      const viaMutation = await record(label, closed, date);
      const words = (m: string | undefined) => m?.replace(`pairing ${JSON.stringify(closed)}`, 'pairing');
      expect({ label, date, refused: words(viaImport.issues[0]?.problem) }).toEqual({
        label,
        date,
        refused: words(viaMutation.errors?.[0]?.message.replace(/^input\.date: /, '')),
      });
      return viaMutation.errors !== undefined;
    });
  });

  describe('legal pairings', () => {
    const HELPERS = { agency: 'Organization', cadre: 'Person', enterprise: 'Enterprise' } as const;
    const BENEFICIARIES = {
      village: 'AdminUnit',
      community: 'AdminUnit',
      township: 'AdminUnit',
      street: 'AdminUnit',
      banner: 'AdminUnit',
      household: 'Household',
      student: 'Student',
    } as const;
    type Helper = keyof typeof HELPERS;
    type Beneficiary = keyof typeof BENEFICIARIES;
    /** A pairing of the dump between two nodes of the graph, as three records. */
    const pairingDump = (id: string, props: Record<string, unknown>, h: Helper, b: Beneficiary) => [
      node('Pairing', id, props),
      rel('HELPER', ['Pairing', id], [HELPERS[h], keyOf(l.ids[h])]),
      rel('BENEFICIARY', ['Pairing', id], [BENEFICIARIES[b], keyOf(l.ids[b])]),
    ];

    it('a pairing of the dump between nodes of the graph: refused on its line, nothing written', async () => {
      const id = key('illegal');
      const props = { category: 'AGENCY', kind: 'ASSIST', level: 'BANNER', validFrom: '1990-01-01' };
      const r = await imp(pairingDump(id, props, 'agency', 'township'));
      expect(r.issues).toEqual([
        {
          line: 1,
          field: 'node.props.kind',
          problem:
            'a AGENCY ASSIST pairing may assist VILLAGE or HOUSEHOLD, got an AdminUnit of kind TOWNSHIP',
        },
      ]);
      expect(await exists('Pairing', id)).toBe(false);
    });

    it("a fact the dump leaves out is the graph's: a helper restated without its level keeps it", async () => {
      const agency = keyOf(l.ids.agency);
      const [org] = await s.gateway.read('t.org', 'MATCH (o:Organization {id: $id}) RETURN o {.*} AS o', {
        id: agency,
      });
      const props: Record<string, unknown> = { ...(org.o as Record<string, unknown>) };
      delete props.id;
      delete props.level;
      const id = key('city');
      const pairing = {
        category: 'AGENCY',
        kind: 'ASSIST',
        level: 'CITY',
        validFrom: '1991-01-01',
        validTo: '1992-01-01',
      };
      const r = await imp([
        node('Organization', agency, props),
        ...pairingDump(id, pairing, 'agency', 'village'),
      ]);
      expect(r.issues).toEqual([
        {
          line: 2,
          field: 'node.props.level',
          problem: 'the helper organization is at level BANNER, so the pairing must be too, got CITY',
        },
      ]);
      expect(await exists('Pairing', id)).toBe(false);
    });

    it("a helper of the dump whose new level would make the graph's pairings illegal: refused on its line", async () => {
      const agency = keyOf(l.ids.agency);
      const [org] = await s.gateway.read('t.org', 'MATCH (o:Organization {id: $id}) RETURN o {.*} AS o', {
        id: agency,
      });
      const props: Record<string, unknown> = { ...(org.o as Record<string, unknown>), level: 'CITY' };
      delete props.id;
      const r = await imp([node('Organization', agency, props)]);
      // the ledger's pairings of the agency, both at BANNER (the law below makes more)
      expect(r.issues).toEqual(
        [closed, open].sort().map((p) => ({
          line: 1,
          field: 'node',
          problem: `pairing ${JSON.stringify(p)}: the helper organization is at level CITY, so the pairing must be too, got BANNER`,
        })),
      );
      const [after] = await s.gateway.read(
        't.level',
        'MATCH (o:Organization {id: $id}) RETURN o.level AS level',
        {
          id: agency,
        },
      );
      expect(after.level).toBe('BANNER');
    });

    const anyPairing = fc.record({
      category: fc.constantFrom(...CATEGORIES),
      kind: fc.constantFrom(...PAIRING_KINDS),
      level: fc.constantFrom(...LEVELS),
      h: fc.constantFrom(...(Object.keys(HELPERS) as Helper[])),
      b: fc.constantFrom(...(Object.keys(BENEFICIARIES) as Beneficiary[])),
    });
    /** A category with its helper and one of its kinds, at the helpers' level: legal more often than not. */
    const mostlyLegal = fc
      .record({
        category: fc.constantFrom(...CATEGORIES),
        pick: fc.nat(),
        b: fc.constantFrom(...(Object.keys(BENEFICIARIES) as Beneficiary[])),
      })
      .map(({ category, pick, b }) => {
        const rule = LEGAL_PAIRINGS[category];
        const kinds = Object.keys(rule.kinds) as PairingKind[];
        const h: Helper =
          rule.helper === 'Organization' ? 'agency' : rule.helper === 'Person' ? 'cadre' : 'enterprise';
        return { category, kind: kinds[pick % kinds.length], level: 'BANNER' as Level, h, b };
      });

    it('refuses exactly the pairings createPairing refuses, with the same words (property)', async () => {
      let year = 1950;
      await assertVerdictLaw(
        fc.oneof(anyPairing, mostlyLegal),
        30,
        async ({ category, kind, level, h, b }) => {
          // a year of its own: no two pairings of the law overlap, so only the table can refuse
          year += 1;
          const dates = { validFrom: `${year}-01-01`, validTo: `${year}-07-01` };
          const id = key('law');
          const viaImport = await imp(pairingDump(id, { category, kind, level, ...dates }, h, b), {
            dryRun: true,
          });
          const viaMutation = await l.as(
            'editor',
            'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }',
            {
              i: { key: id, helperId: l.ids[h], beneficiaryId: l.ids[b], category, kind, level, ...dates },
            },
          );
          const issues = (viaMutation.errors?.[0]?.extensions?.issues ?? []) as { problem: string }[];
          expect({
            category,
            kind,
            level,
            h,
            b,
            refused: viaImport.issues.map((i) => i.problem).sort(),
          }).toEqual({
            category,
            kind,
            level,
            h,
            b,
            refused: issues.map((i) => i.problem).sort(),
          });
          return viaMutation.errors !== undefined;
        },
      );
    });
  });

  describe('overlapping pairings', () => {
    const dumpPairing = (id: string, validFrom: string, validTo: string | null) => [
      node('Pairing', id, {
        category: 'AGENCY',
        kind: 'ASSIST',
        level: 'BANNER',
        validFrom,
        ...(validTo ? { validTo } : {}),
      }),
      rel('HELPER', ['Pairing', id], ['Organization', keyOf(l.ids.agency)]),
      rel('BENEFICIARY', ['Pairing', id], ['AdminUnit', keyOf(l.ids.village)]),
    ];

    it('a pairing of the dump over one of the graph: refused on its line, nothing written', async () => {
      const id = key('over');
      const r = await imp(dumpPairing(id, '2007-06-01', '2009-01-01'));
      expect(r.issues).toEqual([
        {
          line: 1,
          field: 'node.props.validFrom',
          problem: `pairing ${closed} already pairs this helper and beneficiary (ASSIST, same programme) in an overlapping period`,
        },
      ]);
      expect(await exists('Pairing', id)).toBe(false);
    });

    it('refuses exactly the pairings createPairing refuses for overlapping, with the same words (property)', () =>
      overlapLaw(
        l,
        () => key('law'),
        1993,
        async (id, from, to) =>
          (await imp(dumpPairing(id, from, to), { dryRun: true })).issues.map((i) => i.problem),
      ));
  });

  describe("the ledger entities' rules across records", () => {
    const UNITS = ['region', 'city', 'banner', 'township', 'street', 'village', 'community'] as const;
    /** The ledger's unit one level up from a unit of each kind. */
    const FITTING = {
      CITY: 'region',
      BANNER: 'city',
      TOWNSHIP: 'banner',
      STREET: 'banner',
      GACHA_VILLAGE: 'township',
      COMMUNITY: 'street',
    } as const;

    it('a unit of the dump in a unit of the graph not one level up: refused on the relationship, nothing written', async () => {
      const id = key('unit');
      const r = await imp([
        node('AdminUnit', id, { name: '跳级村', kind: 'GACHA_VILLAGE' }),
        rel('LOCATED_IN', ['AdminUnit', id], ['AdminUnit', keyOf(l.ids.banner)]),
      ]);
      expect(r.issues).toEqual([
        {
          line: 2,
          field: 'rel',
          problem: 'a unit of kind GACHA_VILLAGE cannot lie directly in a unit of kind BANNER',
        },
      ]);
      expect(await exists('AdminUnit', id)).toBe(false);
    });

    it("a household moved to a township, or a unit given a second parent beside the graph's: refused", async () => {
      const r = await imp([
        rel('LOCATED_IN', ['Household', keyOf(l.ids.household)], ['AdminUnit', keyOf(l.ids.township)]),
        rel('LOCATED_IN', ['AdminUnit', keyOf(l.ids.village)], ['AdminUnit', keyOf(l.ids.street)]),
      ]);
      expect(r.issues).toEqual([
        {
          line: 1,
          field: 'rel',
          problem: `Household ${JSON.stringify(keyOf(l.ids.household))} takes one unitId (LOCATED_IN to a AdminUnit), got ${[
            keyOf(l.ids.township),
            keyOf(l.ids.village),
          ]
            .sort()
            .map((k) => JSON.stringify(k))
            .join(' and ')} in the file and the graph`,
        },
        {
          line: 2,
          field: 'rel',
          problem: `AdminUnit ${JSON.stringify(keyOf(l.ids.village))} takes one parentId (LOCATED_IN to a AdminUnit), got ${[
            keyOf(l.ids.street),
            keyOf(l.ids.township),
          ]
            .sort()
            .map((k) => JSON.stringify(k))
            .join(' and ')} in the file and the graph`,
        },
      ]);
    });

    it('refuses exactly the units createAdminUnit refuses for their parent and designations, with the same words (property)', async () => {
      await assertVerdictLaw(
        fc.oneof(
          fc.record({
            kind: fc.constantFrom(...UNIT_KINDS),
            parent: fc.constantFrom(...UNITS),
            designations: fc.subarray([...DESIGNATIONS]),
          }),
          // a unit under the ledger's unit one level up, mostly without designations: legal more often than not
          fc
            .record({
              kind: fc.constantFrom(...(Object.keys(FITTING) as (keyof typeof FITTING)[])),
              designations: fc.oneof(fc.constant([] as string[]), fc.subarray([...DESIGNATIONS])),
            })
            .map(({ kind, designations }) => ({ kind, parent: FITTING[kind], designations })),
        ),
        30,
        async ({ kind, parent, designations }) => {
          const id = key('law');
          const props = { name: `法则单位${n}`, kind, ...(designations.length ? { designations } : {}) };
          const viaImport = await imp(
            [
              node('AdminUnit', id, props),
              rel('LOCATED_IN', ['AdminUnit', id], ['AdminUnit', keyOf(l.ids[parent])]),
            ],
            { dryRun: true },
          );
          const viaMutation = await l.as(
            'admin',
            'mutation($i: CreateAdminUnitInput!) { createAdminUnit(input: $i) { adminUnit { id } } }',
            {
              i: {
                key: id,
                name: props.name,
                kind,
                parentId: l.ids[parent],
                ...(designations.length ? { designations } : {}),
              },
            },
          );
          const issues = (viaMutation.errors?.[0]?.extensions?.issues ?? []) as { problem: string }[];
          expect({
            kind,
            parent,
            designations,
            refused: viaImport.issues.map((i) => i.problem).sort(),
          }).toEqual({
            kind,
            parent,
            designations,
            refused: issues.map((i) => i.problem).sort(),
          });
          return viaMutation.errors !== undefined;
        },
      );
    });
  });

  describe('one household per ID number', () => {
    it("a household of the dump with the ID number of the graph's: refused with the mutations' and the ledger import's words; the same household restated passes", async () => {
      const existing = keyOf(l.ids.household);
      const [row] = await s.gateway.read(
        't.hash',
        'MATCH (h:Household {id: $id}) RETURN h.idNumberHash AS hash, h.idNumber AS plain',
        { id: existing },
      );
      expect(typeof row.hash).toBe('string');
      const id = key('hh');
      const household = (k: string) => [
        node('Household', k, { name: '另一户', idNumberHash: row.hash, idNumberLast4: '002X' }),
        rel('LOCATED_IN', ['Household', k], ['AdminUnit', keyOf(l.ids.village)]),
      ];
      const r = await imp(household(id));
      expect(r.issues).toEqual([
        {
          line: 1,
          field: 'node.props.idNumberHash',
          problem: `Household ${existing} is already registered with this idNumber`,
        },
      ]);
      expect(await exists('Household', id)).toBe(false);
      expect((await imp(household(existing), { dryRun: true })).issues).toEqual([]);
    });
  });
});
