import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role, Viewer } from '../../src/domain/access-policy';
import { exportGraph } from '../../src/cli/export-command';
import { importCommand, type ImportOutcome } from '../../src/cli/import-command';
import { Gateway } from '../../src/store/gateway';
import { checkObservations } from '../../src/store/indicators/indicators.store';
import { testDriver } from '../support/harness';
import { graphCounts, startSecondNeo4j, type SecondNeo4j } from '../support/second-neo4j';

const as = (role: Role): Viewer & { anonymous: false } => ({
  anonymous: false,
  subject: `t6-io-${role}`,
  role,
});
const SALT = 'import-export-test-salt';

/** A sink that keeps what a command prints. */
const sink = () => {
  const lines: string[] = [];
  return {
    write: (s: string) => (lines.push(s), true),
    text: () => lines.join(''),
  } as unknown as NodeJS.WritableStream & {
    text(): string;
  };
};

/** 18-character resident ID numbers with a valid check digit (GB 11643), distinct per n. */
function idNumber(n: number): string {
  // Area 150627 (准格尔旗), birth date 1960-01-01 + ⌊n/1000⌋ months, sequence n mod 1000.
  const base = `150627${19600101 + Math.floor(n / 1000) * 100}${String(n % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, x, i) => s + x * Number(base[i]), 0);
  return base + '10X98765432'[sum % 11];
}

/**
 * Bulk import and export, against a second embedded Neo4j of this file's own: the round trip
 * (export the seeded test graph → import into the empty database → same counts, every reported
 * figure still matches), then a 10,000-row file with one bad row, masking by role, and idempotency.
 */
describe('import and export', () => {
  let source: Gateway;
  let closeSource: () => Promise<void>;
  let target: SecondNeo4j;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-io-'));
  const file = (name: string) => path.join(dir, name);
  const run = (
    gw: Gateway,
    viewer: Viewer & { anonymous: false },
    f: string,
    o: Partial<Parameters<typeof importCommand>[3]> & { kind: string },
  ) => {
    const out = sink();
    return importCommand(gw, viewer, f, { dryRun: false, skipInvalid: false, piiSalt: SALT, ...o }, out).then(
      (r): ImportOutcome & { text: string } => ({ ...r, text: out.text() }),
    );
  };

  beforeAll(async () => {
    const driver = testDriver();
    source = new Gateway(driver, process.env.TEST_NEO4J_DATABASE ?? 'neo4j');
    closeSource = () => driver.close();
    target = await startSecondNeo4j();
  }, 180_000);
  afterAll(async () => {
    await closeSource?.();
    await target?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('round trip at scale 1: export → import into an empty database → same counts, all reported figures match', async () => {
    const before = await graphCounts(source);
    const t0 = Date.now();
    const summary = await exportGraph(source, as('admin'), {
      format: 'json',
      area: null,
      out: file('graph.json'),
    });
    const exportMs = Date.now() - t0;
    expect(await graphCounts(source)).toEqual(before); // nothing else wrote meanwhile
    expect(summary.masked).toBe(false);
    expect(await graphCounts(target.gateway)).toEqual({});
    const t1 = Date.now();
    const r = await run(target.gateway, as('admin'), file('graph.json'), { kind: 'graph' });
    const importMs = Date.now() - t1;
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(await graphCounts(target.gateway)).toEqual(before);
    const checks = await checkObservations(target.gateway);
    expect(checks.length).toBe(54);
    expect(checks.filter((c) => !c.matches).map((c) => c.observation.id)).toEqual([]);
    process.stderr.write(
      `[round trip scale 1] ${summary.nodes} nodes, ${summary.rels} rels: export ${exportMs} ms, import ${importMs} ms, ` +
        `${(fs.statSync(file('graph.json')).size / 1e6).toFixed(1)} MB\n`,
    );
    // Importing the same dump again changes nothing.
    await run(target.gateway, as('admin'), file('graph.json'), { kind: 'graph' });
    expect(await graphCounts(target.gateway)).toEqual(before);
  }, 600_000);

  it('imports every example of seeds/examples in order, without a problem, leaving the reported figures as they were', async () => {
    const examples = path.join(__dirname, '..', '..', 'seeds', 'examples');
    const order: [string, string][] = [
      ['admin-units.csv', 'adminUnit'],
      ['programmes.csv', 'programme'],
      ['organizations.csv', 'organization'],
      ['people.csv', 'person'],
      ['enterprises.csv', 'enterprise'],
      ['households.csv', 'household'],
      ['pairings.jsonl', 'pairing'],
      ['projects.csv', 'project'],
      ['visits.jsonl', 'visit'],
      ['disputes.csv', 'dispute'],
      ['tenures.csv', 'tenure'],
    ];
    expect(fs.readdirSync(examples).sort()).toEqual(order.map(([f]) => f).sort());
    const created: Record<string, number> = {};
    for (const [f, kind] of order) {
      const r = await run(target.gateway, as('admin'), path.join(examples, f), { kind });
      expect({ f, issues: r.issues }).toEqual({ f, issues: [] });
      created[kind] = (r.counts as { created: number }).created;
    }
    expect(created).toEqual({
      adminUnit: 8,
      programme: 1,
      organization: 2,
      person: 3,
      enterprise: 1,
      household: 4,
      pairing: 6,
      project: 2,
      visit: 1,
      dispute: 2,
      tenure: 1,
    });
    const [p] = await target.gateway.read(
      't',
      "MATCH (:AdminUnit {id: 'ex:banner'})<-[:LOCATED_IN*0..]-(b)<-[:BENEFICIARY]-(p:Pairing) WHERE p.validFrom <= date('2014-06-01') < p.validTo RETURN count(p) AS n",
    );
    expect(p.n).toBe(5); // the pairing with 示例户乙 ended on 2014-01-01
    expect((await checkObservations(target.gateway)).every((c) => c.matches)).toBe(true);
  }, 120_000);

  describe('ledger files', () => {
    const P = 't6-io';
    const units = [
      'key,name,kind,parentKey,designations',
      // The village comes before its township: rows may refer to rows further down the file.
      `${P}:village,测试村 & <新>,GACHA_VILLAGE,${P}:township,BACKWARD`,
      `${P}:region,测试区,REGION,,`,
      `${P}:city,测试市,CITY,${P}:region,`,
      `${P}:banner,测试旗,BANNER,${P}:city,`,
      `${P}:township,测试镇,TOWNSHIP,${P}:banner,`,
    ].join('\n');
    const households = (n: number, bad: number | null) =>
      [
        'key,name,unitKey,memberCount,idNumber,phone',
        ...Array.from({ length: n }, (_, i) =>
          [
            `${P}:hh:${i}`,
            `张${i}`,
            `${P}:village`,
            String((i % 6) + 1),
            i === bad ? '110105194912310021' : idNumber(i),
            `1380000${String(i).padStart(4, '0')}`,
          ].join(','),
        ),
      ].join('\n');
    const count = async () =>
      Number(
        (
          await target.gateway.read(
            't',
            'MATCH (h:Household) WHERE h.id STARTS WITH $p RETURN count(h) AS n',
            { p: `${P}:hh:` },
          )
        )[0].n,
      );

    it('imports admin units only as admin, in any row order, and a second run changes nothing', async () => {
      fs.writeFileSync(file('units.csv'), units);
      await expect(
        run(target.gateway, as('editor'), file('units.csv'), { kind: 'adminUnit' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const r = await run(target.gateway, as('admin'), file('units.csv'), { kind: 'adminUnit' });
      expect(r.text).toMatch(/imported 5 adminUnit rows: 5 created, 0 updated, 0 unchanged \(audit audit:/);
      const again = await run(target.gateway, as('admin'), file('units.csv'), { kind: 'adminUnit' });
      expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 5 });
      const [v] = await target.gateway.read(
        't',
        'MATCH (v:AdminUnit {id: $id})-[:LOCATED_IN]->(t) RETURN t.id AS parent, v.version AS version',
        { id: `${P}:village` },
      );
      expect(v).toEqual({ parent: `${P}:township`, version: 1 });
    }, 120_000);

    it('a 10,000-row file with one bad row imports nothing and names the row', async () => {
      fs.writeFileSync(file('households.csv'), households(10_000, 4_321));
      const r = await run(target.gateway, as('editor'), file('households.csv'), { kind: 'household' });
      expect(r.ok).toBe(false);
      expect(r.issues).toEqual([
        {
          line: 4_323,
          field: 'idNumber',
          problem: 'must be an 18-character resident ID number (居民身份证号) with a valid check digit',
        },
      ]);
      expect(r.text).toContain('✗ line 4323, idNumber: must be an 18-character resident ID number');
      expect(r.text).toContain('1 of 10000 rows are invalid: nothing imported');
      expect(await count()).toBe(0);
    }, 300_000);

    it('with --skip-invalid imports the 9,999 valid rows; a second run changes nothing', async () => {
      const t0 = Date.now();
      const r = await run(target.gateway, as('editor'), file('households.csv'), {
        kind: 'household',
        skipInvalid: true,
      });
      const ms = Date.now() - t0;
      expect(r.counts).toEqual({ created: 9_999, updated: 0, unchanged: 0 });
      expect(await count()).toBe(9_999);
      process.stderr.write(
        `[import] 10,000 household rows (9,999 valid) validated and written in ${ms} ms\n`,
      );
      const again = await run(target.gateway, as('editor'), file('households.csv'), {
        kind: 'household',
        skipInvalid: true,
      });
      expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 9_999 });
      const [audit] = await target.gateway.read(
        't',
        // The run's own entry (each record written has one too, targeting the record).
        "MATCH (a:AuditEntry {operation: 'import', actor: 't6-io-editor'}) WHERE a.targetId = a.id RETURN a.after AS after ORDER BY a.at LIMIT 1",
      );
      expect(JSON.parse(String(audit.after))).toMatchObject({
        kind: 'household',
        rows: 10_000,
        created: 9_999,
        skipped: 1,
        file: 'households.csv',
      });
      const [h] = await target.gateway.read('t', 'MATCH (h:Household {id: $id}) RETURN h {.*} AS h', {
        id: `${P}:hh:7`,
      });
      expect(h.h).toMatchObject({
        name: '张7',
        members: 2,
        phone: '+8613800000007',
        idNumberLast4: idNumber(7).slice(-4),
        version: 1,
      });
      expect(JSON.stringify(h.h)).not.toContain(idNumber(7));
    }, 300_000);

    it('a dry run reports what would change and writes nothing', async () => {
      fs.writeFileSync(
        file('changed.csv'),
        [
          households(3, null).split('\n')[0],
          `${P}:hh:1,张一,${P}:village,5,,`,
          `${P}:hh:new,李新,${P}:village,2,,`,
        ].join('\n'),
      );
      const r = await run(target.gateway, as('editor'), file('changed.csv'), {
        kind: 'household',
        dryRun: true,
      });
      expect(r.text).toContain(
        'dry run: 2 valid household rows would give 1 created, 1 updated, 0 unchanged',
      );
      expect(await count()).toBe(9_999);
    });

    it('reports every bad pairing row with its line and column (JSON Lines)', async () => {
      const rows = [
        {
          key: `${P}:pair:ok`,
          helperKey: `${P}:org`,
          beneficiaryKey: `${P}:hh:1`,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: '2012-01-01',
        },
        {
          key: `${P}:pair:ent`,
          helperKey: `${P}:org`,
          beneficiaryKey: `${P}:hh:2`,
          level: 'BANNER',
          category: 'ENTERPRISE',
          kind: 'ASSIST',
          validFrom: '2012-01-01',
        },
        {
          key: `${P}:pair:dates`,
          helperKey: `${P}:org`,
          beneficiaryKey: `${P}:hh:3`,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: '2012-01-01',
          validTo: '2011-01-01',
        },
        {
          key: `${P}:pair:missing`,
          helperKey: 'nobody',
          beneficiaryKey: `${P}:hh:4`,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: '2012-01-01',
          colour: 'red',
        },
      ];
      fs.writeFileSync(file('pairings.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n\n'));
      await target.gateway.write(
        't',
        "CREATE (:Organization {id: $id, name: '测试局', type: 'AGENCY', level: 'BANNER', provenance: 'REPORTED'})",
        { id: `${P}:org` },
      );
      const r = await run(target.gateway, as('editor'), file('pairings.jsonl'), { kind: 'pairing' });
      expect(r.issues).toEqual([
        {
          line: 3,
          field: 'helperKey',
          problem: 'a ENTERPRISE pairing needs a Enterprise as helper, got a Organization',
        },
        { line: 5, field: 'validTo', problem: 'must be after validFrom (2012-01-01), got 2011-01-01' },
        { line: 7, field: 'colour', problem: expect.stringMatching(/^unknown column for kind pairing/) },
        { line: 7, field: 'helperKey', problem: 'no Organization or Person or Enterprise has key "nobody"' },
      ]);
      expect(r.written).toBe(false);
    });

    it('exports an area with personal fields following the role, as JSON and as GraphML', async () => {
      const area = `${P}:region`;
      const doc = async (role: Role) => {
        await exportGraph(target.gateway, as(role), { format: 'json', area, out: file(`area-${role}.json`) });
        return JSON.parse(fs.readFileSync(file(`area-${role}.json`), 'utf8')) as {
          personalData: string;
          nodes: { label: string; id: string; props: Record<string, unknown> }[];
          rels: unknown[];
        };
      };
      const hh = (d: Awaited<ReturnType<typeof doc>>) => d.nodes.find((n) => n.id === `${P}:hh:7`)!.props;
      const viewer = await doc('viewer');
      expect(viewer.personalData).toBe('masked');
      expect(viewer.nodes.filter((n) => n.label === 'Household')).toHaveLength(9_999);
      expect(
        viewer.nodes
          .filter((n) => n.label === 'AdminUnit')
          .map((n) => n.id)
          .sort(),
      ).toEqual(['banner', 'city', 'region', 'township', 'village'].map((k) => `${P}:${k}`).sort());
      expect(hh(viewer)).toEqual(expect.objectContaining({ name: '张**', members: 2 }));
      for (const k of ['phone', 'idNumberLast4', 'idNumberHash']) expect(hh(viewer)).not.toHaveProperty(k);
      const analyst = await doc('analyst');
      expect(hh(analyst)).toEqual(
        expect.objectContaining({
          name: '张7',
          phone: '+8613800000007',
          idNumberLast4: idNumber(7).slice(-4),
        }),
      );
      expect(hh(analyst)).not.toHaveProperty('idNumberHash');
      expect(hh(await doc('admin'))).toHaveProperty('idNumberHash', expect.stringMatching(/^[0-9a-f]{64}$/));

      const s = await exportGraph(target.gateway, as('viewer'), {
        format: 'graphml',
        area,
        out: file('area.graphml'),
      });
      const xml = fs.readFileSync(file('area.graphml'), 'utf8');
      expect(
        xml.startsWith(
          '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
        ),
      ).toBe(true);
      expect(xml.match(/<node id=/g)).toHaveLength(s.nodes);
      expect(xml.match(/<edge id=/g)).toHaveLength(s.rels);
      expect(xml).toContain('<data key="n_label">测试村 &amp; &lt;新&gt;</data>');
      expect(xml).toContain('<data key="n_label">张**</data>');
      expect(xml).not.toContain('+86138');
      expect(xml).toMatch(
        new RegExp(
          `<edge id="e\\d+" source="AdminUnit:${P}:city" target="AdminUnit:${P}:region"><data key="e_label">LOCATED_IN</data></edge>`,
        ),
      );

      await exportGraph(target.gateway, as('viewer'), { format: 'csv', area, out: file('csv') });
      const csv = fs.readFileSync(file('csv/nodes/Household.csv'), 'utf8').split('\n');
      expect(csv[0]).toBe(
        // no aliases column: aliases are personal, hidden below analyst
        'id,provenance,citations,createdAt,members,name,registeredPoor,updatedAt,version',
      );
      expect(fs.readFileSync(file('csv/relationships/LOCATED_IN.csv'), 'utf8').split('\n')[0]).toBe(
        'fromLabel,fromId,toLabel,toId',
      );
    }, 120_000);
  });

  it('exports no report proposal (bookkeeping awaiting review) in any format, to any role', async () => {
    const canary = 'CANARY-proposal-b7e1';
    await target.gateway.write(
      't.proposal',
      "CREATE (:Proposal {id: 'proposal:canary', text: $canary, status: 'OPEN', provenance: 'REPORTED'})",
      { canary },
    );
    const read = (p: string): string =>
      fs.statSync(p).isDirectory()
        ? fs
            .readdirSync(p)
            .map((f) => read(path.join(p, f)))
            .join('\n')
        : fs.readFileSync(p, 'utf8');
    try {
      for (const role of ['viewer', 'analyst', 'admin'] as Role[])
        for (const format of ['json', 'graphml', 'csv'] as const) {
          const out = file(`proposals-${role}.${format}`);
          await exportGraph(target.gateway, as(role), { format, area: null, out });
          const text = read(out);
          expect([role, format, text.includes(canary), text.includes('Proposal')]).toEqual([
            role,
            format,
            false,
            false,
          ]);
        }
      // nor does a graph import take one
      const dump = file('proposal.jsonl');
      fs.writeFileSync(
        dump,
        JSON.stringify({
          node: { label: 'Proposal', id: 'proposal:in', provenance: 'REPORTED', props: {} },
        }) + '\n',
      );
      const r = await run(target.gateway, as('admin'), dump, { kind: 'graph' });
      expect([r.written, r.issues.map((i) => [i.line, i.field])]).toEqual([false, [[1, 'node.label']]]);
    } finally {
      await target.gateway.write('t.proposal.rm', "MATCH (p:Proposal {id: 'proposal:canary'}) DELETE p");
    }
  }, 300_000);
});
