import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { readRows } from '../../src/cli/read-rows';
import { firstInvalidUtf8 } from '../../src/domain/validation/decode-utf8';
import { reportedBatch } from '../../src/seed/reported';
import { writeDumpFiles } from '../../src/store/import-tool/dump-files';
import { tempDirs } from '../support/temp-dirs';

/**
 * What every import reader makes of a file's bytes — the CSV, JSON Lines and JSON readers of
 * readRows, and the threaded reader of a JSON Lines dump (writeDumpFiles, on one thread and on
 * several): bytes that are not UTF-8 are refused naming the line and the byte offset (never read
 * as U+FFFD), a UTF-8 BOM at the start is skipped, and a file without a row is refused by name.
 */

const tmp = tempDirs('import-bytes-');

const jsonLine = (r: unknown) => JSON.stringify(r);
const graphLines = reportedBatch()
  .nodes.slice(0, 6)
  .map((node) => jsonLine({ node }));

/** Each reader: its name, a file name, how three lines of rows become a file of its format, and how it reads one. */
const readers: [string, string, (lines: Buffer[]) => Buffer, (file: string) => Promise<unknown>][] = [
  [
    'CSV',
    'households.csv',
    (l) => Buffer.concat([Buffer.from('key,name,unitKey\n'), ...l.map((x) => Buffer.concat([x, nl]))]),
    readRows,
  ],
  ['JSON Lines', 'households.jsonl', (l) => join(l), readRows],
  [
    'JSON document',
    'graph.json',
    (l) =>
      Buffer.concat([
        Buffer.from('{"format":"bangfu-graph","version":1,"personalData":"included","nodes":[\n'),
        join(l.map((x, i) => (i < l.length - 1 ? Buffer.concat([x, Buffer.from(',')]) : x))),
        Buffer.from('],"rels":[]}\n'),
      ]),
    readRows,
  ],
  [
    'dump on one thread',
    'dump.jsonl',
    (l) => join(l),
    (f) => writeDumpFiles({ file: f, dir: null, threads: 1 }),
  ],
  [
    'dump on 3 threads',
    'dump.jsonl',
    (l) => join(l),
    (f) => writeDumpFiles({ file: f, dir: null, threads: 3 }),
  ],
];
const nl = Buffer.from('\n');
const join = (l: Buffer[]) => Buffer.concat(l.flatMap((x) => [x, nl]));

/** Three lines of rows for `reader`, the middle one holding `bad`. */
function content(reader: string, bad: Buffer): Buffer[] {
  const [a, b, c] = [graphLines[0], graphLines[1], graphLines[2]];
  if (reader === 'CSV')
    return [
      'h:1,张三,au:x',
      Buffer.concat([Buffer.from('h:2,'), bad, Buffer.from('王,au:x')]),
      'h:3,李四,au:x',
    ].map((x) => (Buffer.isBuffer(x) ? x : Buffer.from(x)));
  // the bad bytes open a string value: the name of a household, the id of a dump's node
  const spliced = (s: string) => {
    const at = s.indexOf(reader === 'JSON Lines' ? '"name":"' : '"id":"') + (reader === 'JSON Lines' ? 8 : 6);
    return Buffer.concat([Buffer.from(s.slice(0, at)), bad, Buffer.from(s.slice(at))]);
  };
  if (reader === 'JSON Lines')
    return [Buffer.from('{"key":"h:1"}'), spliced('{"key":"h:2","name":"王"}'), Buffer.from('{"key":"h:3"}')];
  return [Buffer.from(a), spliced(b), Buffer.from(c)];
}

describe('import readers and the bytes of a file', () => {
  describe.each(readers)('%s', (reader, name, make, read) => {
    const write = (bytes: Buffer) => {
      const f = path.join(tmp(), name);
      fs.writeFileSync(f, bytes);
      return f;
    };

    it.each([
      ['a UTF-16 BOM', Buffer.from([0xff, 0xfe]), 'ff'],
      ['a lead byte without its continuation', Buffer.from([0xc3, 0x28]), 'c3'],
      ['GBK (刘)', Buffer.from([0xc1, 0xf5]), 'c1'],
      ['a surrogate', Buffer.from([0xed, 0xa0, 0x80]), 'ed'],
      ['an overlong slash', Buffer.from([0xc0, 0xaf]), 'c0'],
    ])('refuses %s on the second line of rows, naming the line and the byte offset', async (_, bad, hex) => {
      const lines = content(reader, bad);
      const bytes = make(lines);
      const offset = bytes.indexOf(bad);
      const line = bytes.subarray(0, offset).filter((b) => b === 10).length + 1;
      const f = write(bytes);
      await expect(read(f)).rejects.toThrow(
        `${f}, line ${line}: not UTF-8 (the byte at offset ${offset} is 0x${hex}); save the file as UTF-8`,
      );
    });

    it('reads the same rows with a UTF-8 BOM at the start as without', async () => {
      const bytes = make(content(reader, Buffer.from('')));
      const plain = await read(write(bytes));
      expect(await read(write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])))).toEqual(plain);
    });

    it('refuses an empty file, and one of blank lines, by name', async () => {
      const empty = write(Buffer.alloc(0));
      await expect(read(empty)).rejects.toThrow(`${empty} is empty: nothing to import`);
      const blank = write(Buffer.from('\n\r\n  \n'));
      await expect(read(blank)).rejects.toThrow(`${blank} holds only blank lines: nothing to import`);
      const bom = write(Buffer.from([0xef, 0xbb, 0xbf]));
      await expect(read(bom)).rejects.toThrow(`${bom} holds only blank lines: nothing to import`);
    });
  });

  it('refuses a CSV of a header and no rows, and a JSON document of no records', async () => {
    const csv = path.join(tmp(), 'households.csv');
    fs.writeFileSync(csv, 'key,name,unitKey\n\n');
    await expect(readRows(csv)).rejects.toThrow(`${csv} has a header but no rows: nothing to import`);
    const json = path.join(tmp(), 'graph.json');
    fs.writeFileSync(
      json,
      '{"format":"bangfu-graph","version":1,"personalData":"included","nodes":[],"rels":[]}\n',
    );
    await expect(readRows(json)).rejects.toThrow(
      `${json} holds no nodes and no relationships: nothing to import`,
    );
  });
});

describe('firstInvalidUtf8', () => {
  it('finds a bad byte exactly when the native check (isUtf8) refuses, for 20,000 random byte strings', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
    // bytes mostly from the ranges that matter: ASCII, continuations, every kind of lead byte
    const pool = [
      0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5,
      0xff,
    ];
    for (let n = 0; n < 20_000; n++) {
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pool[Math.floor(rnd() * pool.length)]),
      );
      const i = firstInvalidUtf8(bytes);
      expect([bytes.toString('hex'), i === -1]).toEqual([bytes.toString('hex'), isUtf8(bytes)]);
      if (i !== -1) expect(isUtf8(bytes.subarray(0, i))).toBe(true);
    }
  });
});
