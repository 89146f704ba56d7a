import fs from 'node:fs';
import path from 'node:path';
import { readRows } from '../../src/cli/read-rows';
import { writeDumpFiles } from '../../src/store/import-tool/dump-files';
import { checkGraphRecords } from '../../src/store/writes/import-graph';
import { tempDirs } from '../support/temp-dirs';

/**
 * A graph dump into a new store (no graph) is held to the rules across records the mutations check:
 * a pairing's projects and visits within its half-open validity [validFrom, validTo) (recordProject,
 * recordVisit), legal pairings and no two overlapping (createPairing), the ledger entities' rules
 * (a unit's parent, designations, a household's unit, single references) and one household per ID
 * number — the same issues, line for line, read whole (checkGraphRecords) and streamed by one or
 * two threads (writeDumpFiles); in either order of the file, except where the later of two lines is
 * the one at fault (overlaps, repeated ID numbers). The cases against a graph's records are in
 * test/integration/dump-cross-rules.int.test.ts.
 */

const tmp = tempDirs('dump-cross-rules-');

const node = (label: string, id: string, props: Record<string, unknown>) => ({
  node: { label, id, provenance: 'REPORTED', props },
});
const rel = (type: string, from: [string, string], to: [string, string]) => ({
  rel: { type, from: { label: from[0], id: from[1] }, to: { label: to[0], id: to[1] } },
});

/** Line 1 on: a village, an agency, two pairings (one closed, one open) and their ends. */
const BASE = [
  node('AdminUnit', 'v', { name: '城壕村', kind: 'GACHA_VILLAGE' }),
  node('Organization', 'o', { name: '旗直单位', type: 'AGENCY' }),
  node('Pairing', 'closed', { kind: 'ASSIST', validFrom: '2012-01-01', validTo: '2014-01-01' }),
  node('Pairing', 'open', { kind: 'LIAISON', validFrom: '2013-04-16' }),
  rel('HELPER', ['Pairing', 'closed'], ['Organization', 'o']),
  rel('BENEFICIARY', ['Pairing', 'closed'], ['AdminUnit', 'v']),
  rel('HELPER', ['Pairing', 'open'], ['Organization', 'o']),
  rel('BENEFICIARY', ['Pairing', 'open'], ['AdminUnit', 'v']),
];

/** A project or visit on line `BASE.length + 2k + 1`, its relationship on the next line. */
function dated(label: 'Project' | 'Visit', id: string, pairing: string, date: string | null) {
  const props: Record<string, unknown> = label === 'Project' ? { name: `项目${id}` } : {};
  if (date !== null) props.date = date;
  return [
    node(label, id, props),
    rel(label === 'Project' ? 'HAS_PROJECT' : 'HAS_VISIT', ['Pairing', pairing], [label, id]),
  ];
}

function writeDump(records: unknown[], order: 'as-is' | 'reversed'): string {
  const lines = records.map((r) => JSON.stringify(r));
  const file = path.join(tmp(), 'dump.jsonl');
  fs.writeFileSync(file, `${(order === 'reversed' ? [...lines].reverse() : lines).join('\n')}\n`);
  return file;
}

/** The issues of the dump each way it can be checked without a graph, which must agree. */
async function issuesOf(records: unknown[]) {
  const each = [];
  for (const order of ['as-is', 'reversed'] as const) {
    const file = writeDump(records, order);
    const whole = (await checkGraphRecords(null, await readRows(file))).issues;
    const one = (await writeDumpFiles({ file, dir: tmp(), threads: 1 })).issues;
    const two = (await writeDumpFiles({ file, dir: tmp(), threads: 2 })).issues;
    expect(one).toEqual(whole);
    expect(two).toEqual(whole);
    each.push({ order, whole });
  }
  // reversed, line N is line (total + 1 − N): map back to compare with the file as written
  const total = records.length;
  const back = each[1].whole.map((i) => ({ ...i, line: total + 1 - i.line })).sort((a, b) => a.line - b.line);
  expect(back).toEqual(each[0].whole);
  return each[0].whole;
}

describe('graph dump: projects and visits within their pairing', () => {
  it('refuses each date outside [validFrom, validTo) on its own line, with the mutations words', async () => {
    const records = [
      ...BASE,
      ...dated('Project', 'before', 'closed', '2011-12-31'), // line 9
      ...dated('Project', 'first', 'closed', '2012-01-01'), // 11: the first day is in
      ...dated('Project', 'last', 'closed', '2013-12-31'), // 13: the last day is in
      ...dated('Visit', 'end', 'closed', '2014-01-01'), // 15: validTo itself is out
      ...dated('Visit', 'late', 'open', '2040-05-01'), // 17: an open pairing has no end
      ...dated('Visit', 'early', 'open', '2013-04-15'), // 19
      ...dated('Project', 'undated', 'closed', null), // 21: no date, nothing to check
    ];
    expect(await issuesOf(records)).toEqual([
      {
        line: 9,
        field: 'node.props.date',
        problem: 'must not be before the pairing "closed" began (2012-01-01), got 2011-12-31',
      },
      {
        line: 15,
        field: 'node.props.date',
        problem: 'must be before the pairing "closed" ended (2014-01-01), got 2014-01-01',
      },
      {
        line: 19,
        field: 'node.props.date',
        problem: 'must not be before the pairing "open" began (2013-04-16), got 2013-04-15',
      },
    ]);
  });

  it('accepts a dump whose projects and visits all lie within, and writes its files', async () => {
    const records = [
      ...BASE,
      ...dated('Project', 'a', 'closed', '2013-04-16'),
      ...dated('Visit', 'b', 'open', '2013-04-16'),
    ];
    expect(await issuesOf(records)).toEqual([]);
    const r = await writeDumpFiles({ file: writeDump(records, 'as-is'), dir: tmp(), threads: 2 });
    expect({ issues: r.issues, written: r.files !== null, nodes: r.nodes, rels: r.rels }).toEqual({
      issues: [],
      written: true,
      nodes: 6,
      rels: 6,
    });
  });
});

describe('graph dump: legal pairings', () => {
  /** Line 1 on: units of two kinds, a helper of each label (an organization at BANNER level) and the firm's place. */
  const ENDS = [
    node('AdminUnit', 'village', { name: '城壕村', kind: 'GACHA_VILLAGE' }),
    node('AdminUnit', 'town', { name: '沙圪堵镇', kind: 'TOWNSHIP' }),
    node('Organization', 'org', { name: '旗直单位', type: 'AGENCY', level: 'BANNER' }),
    node('Person', 'cadre', { name: '县级干部', rank: 'COUNTY' }),
    node('Enterprise', 'firm', { name: '民营企业' }),
    rel('LOCATED_IN', ['Enterprise', 'firm'], ['AdminUnit', 'town']),
  ];
  /** A pairing on line `ENDS.length + 3k + 1` (7, 10, …), its HELPER and BENEFICIARY on the next two. */
  let year = 0;
  const pairing = (
    id: string,
    props: Record<string, unknown>,
    helper: [string, string],
    beneficiary: string,
  ) => [
    // a year of its own, so that no two overlap (createPairing's other rule)
    node('Pairing', id, {
      kind: 'ASSIST',
      validFrom: `${2000 + ++year}-01-01`,
      validTo: `${2000 + year}-12-31`,
      ...props,
    }),
    rel('HELPER', ['Pairing', id], helper),
    rel('BENEFICIARY', ['Pairing', id], ['AdminUnit', beneficiary]),
  ];

  it("refuses each illegal pairing on its line, with createPairing's words", async () => {
    const records = [
      ...ENDS,
      // line 7: legal
      ...pairing('ok', { category: 'AGENCY', level: 'BANNER' }, ['Organization', 'org'], 'village'),
      // 10: an agency may not assist a township
      ...pairing('town', { category: 'AGENCY', level: 'BANNER' }, ['Organization', 'org'], 'town'),
      // 13: an enterprise pairing needs an Enterprise
      ...pairing('who', { category: 'ENTERPRISE', level: 'BANNER' }, ['Person', 'cadre'], 'village'),
      // 16: a county-level cadre helps at BANNER
      ...pairing('rank', { category: 'LEADING_CADRE', level: 'VILLAGE' }, ['Person', 'cadre'], 'village'),
      // 19: no category (a reported pairing of unknown category): not checked
      ...pairing('unknown', {}, ['Person', 'cadre'], 'town'),
      // 22: no level: the level rules do not apply
      ...pairing('nolevel', { category: 'AGENCY' }, ['Organization', 'org'], 'village'),
      // 25: an enterprise may not liaise
      ...pairing(
        'liaise',
        { category: 'ENTERPRISE', kind: 'LIAISON', level: 'BANNER' },
        ['Enterprise', 'firm'],
        'town',
      ),
    ];
    expect(await issuesOf(records)).toEqual([
      {
        line: 10,
        field: 'node.props.kind',
        problem: 'a AGENCY ASSIST pairing may assist VILLAGE or HOUSEHOLD, got an AdminUnit of kind TOWNSHIP',
      },
      {
        line: 13,
        field: 'node.props.category',
        problem: 'a ENTERPRISE pairing needs a Enterprise as helper, got a Person',
      },
      {
        line: 16,
        field: 'node.props.level',
        problem:
          'the helper is a cadre of rank COUNTY, who helps at level BANNER, so the pairing must be too, got VILLAGE',
      },
      {
        line: 25,
        field: 'node.props.kind',
        problem: 'a ENTERPRISE helper may only make pairings of kind ASSIST, SPONSOR, got LIAISON',
      },
    ]);
  });
});

describe('graph dump: no two pairings of one helper, beneficiary, kind and programme overlap', () => {
  it('refuses the later of two overlapping pairings, naming the earlier; pairings that meet pass', async () => {
    const p = (id: string, validFrom: string, validTo: string) => [
      node('Pairing', id, { kind: 'ASSIST', category: 'AGENCY', level: 'BANNER', validFrom, validTo }),
      rel('HELPER', ['Pairing', id], ['Organization', 'o']),
      rel('BENEFICIARY', ['Pairing', id], ['AdminUnit', 'v']),
    ];
    const records = [
      ...BASE.slice(0, 2), // the village and the agency
      ...p('first', '2005-01-01', '2008-01-01'), // line 3
      ...p('meets', '2008-01-01', '2009-01-01'), // 6: starts the day the first ends
      ...p('overlaps', '2007-12-31', '2008-06-01'), // 9: overlaps both
    ];
    const file = writeDump(records, 'as-is');
    const whole = (await checkGraphRecords(null, await readRows(file))).issues;
    expect((await writeDumpFiles({ file, dir: tmp(), threads: 2 })).issues).toEqual(whole);
    expect(whole).toEqual([
      {
        line: 9,
        field: 'node.props.validFrom',
        problem:
          'pairing first already pairs this helper and beneficiary (ASSIST, same programme) in an overlapping period',
      },
    ]);
  });
});

describe('graph dump: the ledger entities rules across records', () => {
  it("refuses a unit in a unit not one level up, designations off a village, a household outside a village-level unit, a second parent — with the mutations' words", async () => {
    const records = [
      node('AdminUnit', 'city', { name: '鄂尔多斯市', kind: 'CITY' }), // 1
      node('AdminUnit', 'banner', { name: '准格尔旗', kind: 'BANNER' }), // 2
      node('AdminUnit', 'town', { name: '沙圪堵镇', kind: 'TOWNSHIP' }), // 3
      node('AdminUnit', 'village', { name: '城壕村', kind: 'GACHA_VILLAGE', designations: ['BACKWARD'] }), // 4
      node('AdminUnit', 'skip', { name: '跳级村', kind: 'GACHA_VILLAGE' }), // 5
      node('AdminUnit', 'marked', { name: '示范镇', kind: 'TOWNSHIP', designations: ['BACKWARD'] }), // 6
      node('Household', 'hh', { name: '某户' }), // 7
      rel('LOCATED_IN', ['AdminUnit', 'banner'], ['AdminUnit', 'city']), // 8
      rel('LOCATED_IN', ['AdminUnit', 'town'], ['AdminUnit', 'banner']), // 9
      rel('LOCATED_IN', ['AdminUnit', 'village'], ['AdminUnit', 'town']), // 10
      rel('LOCATED_IN', ['AdminUnit', 'skip'], ['AdminUnit', 'banner']), // 11: a village directly in a banner
      rel('LOCATED_IN', ['AdminUnit', 'marked'], ['AdminUnit', 'banner']), // 12
      rel('LOCATED_IN', ['Household', 'hh'], ['AdminUnit', 'town']), // 13: a household in a township
      rel('LOCATED_IN', ['AdminUnit', 'village'], ['AdminUnit', 'marked']), // 14: a second parent
    ];
    const SECOND_PARENT =
      'AdminUnit "village" takes one parentId (LOCATED_IN to a AdminUnit), got "marked" and "town" in the file and the graph';
    const issues = await issuesOf(records);
    expect(issues).toEqual([
      {
        line: 6,
        field: 'node.props.designations',
        problem: 'only village-level units carry designations, not a unit of kind TOWNSHIP',
      },
      { line: 10, field: 'rel', problem: SECOND_PARENT },
      {
        line: 11,
        field: 'rel',
        problem: 'a unit of kind GACHA_VILLAGE cannot lie directly in a unit of kind BANNER',
      },
      {
        line: 13,
        field: 'rel',
        problem: 'a household is registered in a 嘎查村 or 社区, not a unit of kind TOWNSHIP',
      },
      {
        line: 14,
        field: 'rel',
        problem: SECOND_PARENT,
      },
    ]);
  });
});

describe('graph dump: one household per ID number', () => {
  it('refuses a second household with the ID number hash of an earlier line, naming it', async () => {
    const hh = (id: string, hash: string) =>
      node('Household', id, { name: `户${id}`, idNumberHash: hash, idNumberLast4: '002X' });
    const records = [
      BASE[0], // the village
      hh('a', 'h1'), // 2
      hh('b', 'h2'), // 3
      hh('c', 'h1'), // 4: a's number
      rel('LOCATED_IN', ['Household', 'a'], ['AdminUnit', 'v']),
      rel('LOCATED_IN', ['Household', 'b'], ['AdminUnit', 'v']),
      rel('LOCATED_IN', ['Household', 'c'], ['AdminUnit', 'v']),
    ];
    const file = writeDump(records, 'as-is');
    const whole = (await checkGraphRecords(null, await readRows(file))).issues;
    expect((await writeDumpFiles({ file, dir: tmp(), threads: 2 })).issues).toEqual(whole);
    expect(whole).toEqual([
      { line: 4, field: 'node.props.idNumberHash', problem: 'repeats the idNumber of line 2 (a)' },
    ]);
  });
});
