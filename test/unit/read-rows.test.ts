import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants } from 'node:buffer';
import { fileSha256, readRows } from '../../src/cli/read-rows';
import { IMPORT_KINDS } from '../../src/domain/validation/import-kinds';
import { prepareRows } from '../../src/domain/validation/import-rows';

/** Import files: JSON Lines read as a stream, with their line numbers; files too long to read whole refused by name. */
describe('readRows', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-rows-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  it('numbers JSON Lines rows by their line, skipping blank lines, with LF or CRLF', async () => {
    const f = file('rows.jsonl', '{"a":1}\r\n\n  \n{"b":"二"}\n{"c":[3]}');
    expect(await readRows(f)).toEqual([
      { line: 1, values: { a: 1 } },
      { line: 4, values: { b: '二' } },
      { line: 5, values: { c: [3] } },
    ]);
  });

  it('names the line that is not JSON, or not an object', async () => {
    await expect(readRows(file('bad.jsonl', '{"a":1}\n{"a":\n'))).rejects.toThrow(/^line 2: not JSON \(/);
    await expect(readRows(file('arr.jsonl', '{"a":1}\n\n[1]\n'))).rejects.toThrow(
      'line 3: expected a JSON object',
    );
  });

  it('refuses a .json file longer than a string can be, and says to write JSON Lines', async () => {
    const f = path.join(dir, 'huge.json');
    fs.writeFileSync(f, '');
    fs.truncateSync(f, constants.MAX_STRING_LENGTH + 1); // sparse: no disk used
    await expect(readRows(f)).rejects.toThrow(
      `${f}: its 512 MiB are longer than a .csv or .json file read whole can be (512 Mi characters); ` +
        'write it as JSON Lines (.jsonl), which is read as a stream',
    );
  });

  it('refuses a masked export (as `bangfu export --role viewer` writes it), and a document that does not say it is unmasked', async () => {
    const doc = (head: string) =>
      `{"format":"bangfu-graph","version":1,"role":"viewer",${head}"nodes":[\n` +
      '{"label":"Household","id":"hh:x","provenance":"SYNTHETIC","props":{"name":"刘**"}}\n],"rels":[]}\n';
    const masked = file('masked.json', doc('"personalData":"masked",'));
    await expect(readRows(masked)).rejects.toThrow(
      `${masked} is a masked export (exported as viewer): its names are masked (刘**) and its ID numbers and ` +
        "phones left out, so a masked export cannot be imported; restore from an analyst's or admin's export",
    );
    const unsaid = file('unsaid.json', doc(''));
    await expect(readRows(unsaid)).rejects.toThrow(
      `${unsaid} does not say "personalData": "included", as every export that can be imported does (found nothing); ` +
        "restore from an analyst's or admin's export",
    );
    expect(await readRows(file('included.json', doc('"personalData":"included",')))).toEqual([
      {
        line: 1,
        values: {
          node: { label: 'Household', id: 'hh:x', provenance: 'SYNTHETIC', props: { name: '刘**' } },
        },
      },
    ]);
  });

  it("reports an unknown CSV column at the header's line, a JSON Lines one at its row's", async () => {
    const unknown = (line: number) => ({
      line,
      field: 'colour',
      problem: expect.stringMatching(/^unknown column for kind household \(columns: key, /) as unknown,
    });
    const issues = async (f: string) =>
      prepareRows(IMPORT_KINDS.household, await readRows(f), 'salt').fileIssues;
    const csv = 'key,name,colour,unitKey\nhh:1,张三,red,au:x\nhh:2,李四,blue,au:x\n';
    expect(await issues(file('colour.csv', csv))).toEqual([unknown(1)]);
    expect(await issues(file('late.csv', `\n\n${csv}`))).toEqual([unknown(3)]);
    const jsonl = '{"key":"hh:1","name":"张三","unitKey":"au:x"}\n{"key":"hh:2","colour":"red"}\n';
    expect(await issues(file('colour.jsonl', jsonl))).toEqual([unknown(2)]);
  });

  it('hashes a file as a stream', async () => {
    expect(await fileSha256(file('abc.txt', 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
