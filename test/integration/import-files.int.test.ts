import fs from 'node:fs';
import path from 'node:path';
import { Gateway } from '../../src/store/gateway';
import { storeHasNoDatabase } from '../../src/store/import-tool/store-import';
import { bangfu } from '../support/cli';
import { testDriver } from '../support/harness';
import { freePort } from '../support/processes';
import { tempDirs } from '../support/temp-dirs';

const P = 't-import-files';
const tmp = tempDirs('import-files-');

/**
 * `bangfu import` refuses, exit code 1 and writing nothing (the household keeps its name, no
 * audit entry is added), a file it cannot read faithfully: a masked export (a viewer's, names as
 * 刘**), bytes that are not UTF-8, a file without rows, and a CSV with an unknown column (named at
 * its header, line 1) — into the running graph, and into a new store by the offline importer,
 * which is then never created.
 */
describe('bangfu import of a file it cannot read faithfully', () => {
  let gw: Gateway;
  let close: () => Promise<void>;
  const running = {
    NEO4J_URI: process.env.TEST_NEO4J_URI!,
    NEO4J_DATABASE: process.env.TEST_NEO4J_DATABASE!,
  };
  const file = (name: string, bytes: Buffer | string) => {
    const f = path.join(tmp(), name);
    fs.writeFileSync(f, bytes);
    return f;
  };
  const state = async () =>
    gw.read(
      't.importFiles.state',
      `MATCH (h:Household {id: $id})
       RETURN h.name AS name, COUNT { MATCH (:AuditEntry) } AS audits,
         COUNT { MATCH (n) WHERE n.id STARTS WITH $p } AS ours`,
      { id: `${P}:hh:x`, p: `${P}:` },
    );

  beforeAll(async () => {
    const driver = testDriver();
    gw = new Gateway(driver, process.env.TEST_NEO4J_DATABASE ?? 'neo4j');
    close = () => driver.close();
    await gw.write(
      't.importFiles.household',
      // a whole household (its LOCATED_IN in the graph), so that the old reader took the masked dump
      "MATCH (u:AdminUnit {kind: 'GACHA_VILLAGE'}) WITH u ORDER BY u.id LIMIT 1 " +
        "MERGE (h:Household {id: $id}) SET h.name = '刘德华', h.provenance = 'SYNTHETIC' MERGE (h)-[:LOCATED_IN]->(u)",
      { id: `${P}:hh:x` },
    );
  });
  afterAll(async () => {
    await gw?.write('t.importFiles.cleanup', 'MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', {
      p: `${P}:`,
    });
    await close?.();
  });

  const masked = () =>
    file(
      'masked.json',
      `{"format":"bangfu-graph","version":1,"exportedAt":"2026-12-05T00:00:00.000Z","exportedBy":"v","role":"viewer",` +
        `"area":null,"personalData":"masked","nodes":[\n` +
        `{"label":"Household","id":"${P}:hh:x","provenance":"SYNTHETIC","props":{"name":"刘**"}}\n],"rels":[]}\n`,
    );
  const maskedError = (f: string) =>
    `bangfu: ${f} is a masked export (exported as viewer): its names are masked (刘**) and its ID numbers and ` +
    "phones left out, so a masked export cannot be imported; restore from an analyst's or admin's export\n";
  /** What the CLI said on stderr, without its progress lines. */
  const errorOf = (err: string) => err.replace(/^(?!bangfu: ).*\n/gm, '');
  const csv = (rows: string) =>
    Buffer.concat([Buffer.from('key,name,unitKey\n'), Buffer.from(rows, 'latin1')]);

  it('refuses each, exit code 1, and the graph is as it was', async () => {
    const before = await state();
    expect(before).toEqual([{ name: '刘德华', audits: expect.any(Number) as unknown, ours: 1 }]);
    const gbk = file('households.csv', csv(`${P}:hh:1,\xc1\xf5\xb5\xc2\xbb\xaa,au:x\n`));
    const ffFe = file('ff-fe.csv', csv(`${P}:hh:1,ok,au:x\n${P}:hh:2,\xff\xfe,au:x\n`));
    const c328 = file(
      'c3-28.jsonl',
      Buffer.concat([
        Buffer.from(`{"key":"${P}:hh:1"}\n{"key":"${P}:hh:2","name":"`),
        Buffer.from([0xc3, 0x28, 0x22, 0x7d, 10]),
      ]),
    );
    const offset = (f: string, b: number) => fs.readFileSync(f).indexOf(b);
    const empty = file('empty.csv', '');
    const header = file('header.csv', 'key,name,unitKey\n');
    const blank = file('blank.jsonl', '\n\n');
    const m = masked();
    const expected: [string[], string][] = [
      [[m, '--kind', 'graph', '--role', 'admin'], maskedError(m)],
      [[m, '--kind', 'graph', '--role', 'admin', '--dry-run'], maskedError(m)],
      [
        [gbk, '--kind', 'household', '--dry-run'],
        `bangfu: ${gbk}, line 2: not UTF-8 (the byte at offset ${offset(gbk, 0xc1)} is 0xc1); save the file as UTF-8\n`,
      ],
      [
        [ffFe, '--kind', 'household'],
        `bangfu: ${ffFe}, line 3: not UTF-8 (the byte at offset ${offset(ffFe, 0xff)} is 0xff); save the file as UTF-8\n`,
      ],
      [
        [c328, '--kind', 'household'],
        `bangfu: ${c328}, line 2: not UTF-8 (the byte at offset ${offset(c328, 0xc3)} is 0xc3); save the file as UTF-8\n`,
      ],
      [[empty, '--kind', 'household'], `bangfu: ${empty} is empty: nothing to import\n`],
      [[header, '--kind', 'household'], `bangfu: ${header} has a header but no rows: nothing to import\n`],
      [
        [blank, '--kind', 'graph', '--role', 'admin'],
        `bangfu: ${blank} holds only blank lines: nothing to import\n`,
      ],
    ];
    for (const [args, err] of expected) {
      const r = await bangfu(['import', ...args], running);
      expect({ args, code: r.code, err: errorOf(r.err), out: r.out }).toEqual({
        args,
        code: 1,
        err,
        out: '',
      });
    }
    const colour = file('colour.csv', `key,name,colour,unitKey\n${P}:hh:1,张三,red,au:x\n`);
    const r = await bangfu(['import', colour, '--kind', 'household'], running);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^✗ line 1, colour: unknown column for kind household \(columns: key, /);
    expect(await state()).toEqual(before);
  }, 300_000);

  it('into a new store: refuses a masked export, a dump that is not UTF-8 and an empty one, and creates no database', async () => {
    const bad = file(
      'dump.jsonl',
      Buffer.concat([
        Buffer.from(`{"node":{"label":"Household","id":"${P}:hh:y","props":{"name":"`),
        Buffer.from([0xff, 0x22, 0x7d, 0x7d, 10]),
      ]),
    );
    const empty = file('empty.jsonl', '');
    const m = masked();
    for (const [f, err] of [
      [m, maskedError(m)],
      [
        bad,
        `bangfu: ${bad}, line 1: not UTF-8 (the byte at offset ${fs.readFileSync(bad).indexOf(0xff)} is 0xff); save the file as UTF-8\n`,
      ],
      [empty, `bangfu: ${empty} is empty: nothing to import\n`],
    ]) {
      const dir = tmp();
      const r = await bangfu(['import', f, '--kind', 'graph', '--role', 'admin'], {
        BANGFU_DATA_DIR: dir,
        NEO4J_EMBEDDED_PORT: String(await freePort()),
      });
      expect({ f, code: r.code, err: errorOf(r.err) }).toEqual({ f, code: 1, err });
      expect(storeHasNoDatabase(path.join(dir, 'neo4j'))).toBe(true);
    }
  }, 300_000);
});
