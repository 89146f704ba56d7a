import fs from 'node:fs';
import path from 'node:path';
import type { Label } from '../../src/domain/model';
import type { GraphBatch, NodeRecord, RelRecord } from '../../src/domain/records';
import { readRows } from '../../src/cli/read-rows';
import { reportedBatch } from '../../src/seed/reported';
import { generateSynthetic } from '../../src/seed/synthetic';
import { splitLines, writeDumpFiles } from '../../src/store/import-tool/dump-files';
import { writeImportFiles } from '../../src/store/import-tool/import-files';
import { dedupe } from '../../src/store/load';
import { checkGraphRecords } from '../../src/store/writes/import-graph';
import { importFileRows } from '../support/import-file-rows';
import { tempDirs } from '../support/temp-dirs';

/**
 * A JSON Lines graph dump streamed into the offline importer's files by several threads
 * (writeDumpFiles) is the dump read whole, checked and written (checkGraphRecords with no graph,
 * then writeImportFiles): for any order of its records, any blank lines and line ends, and any
 * number of threads, the same files' rows and the same issues, line for line.
 */

const tmp = tempDirs('dump-files-');

/** A seeded pseudo-random stream (mulberry32): each trial is reproducible from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A record of a dump, or a line that is not one. */
type Line = { node?: NodeRecord; rel?: RelRecord; [other: string]: unknown };

/** Records as a JSON Lines file, shuffled, with blank lines and CRLF ends sprinkled in. */
function writeDump(records: Line[], rnd: () => number): string {
  const shuffled = [...records];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const text = shuffled
    .map((r) => `${rnd() < 0.05 ? '\n' : ''}${JSON.stringify(r)}${rnd() < 0.3 ? '\r' : ''}`)
    .join('\n');
  const file = path.join(tmp(), 'dump.jsonl');
  fs.writeFileSync(file, rnd() < 0.5 ? `${text}\n` : text);
  return file;
}

const lines = (b: GraphBatch): Line[] => [
  ...b.nodes.map((node) => ({ node })),
  ...b.rels.map((rel) => ({ rel })),
];

/** The dump read whole and checked with no graph, and written when it is whole. */
async function inMemory(file: string) {
  const { batch, issues } = await checkGraphRecords(null, await readRows(file));
  return { batch, issues, files: issues.length ? null : writeImportFiles(tmp(), batch) };
}

describe('a graph dump streamed into import files', () => {
  const whole: GraphBatch = (() => {
    const r = reportedBatch();
    const s = generateSynthetic(1);
    const canary: NodeRecord = {
      label: 'Person',
      id: 'p:canary',
      provenance: 'SYNTHETIC',
      props: { name: '金丝雀', createdAt: '2026-11-30T08:15:30.125Z', note: 'a "quoted", comma' },
      citations: ['cit:title'],
    };
    return { nodes: [...r.nodes, ...s.nodes, canary], rels: [...r.rels, ...s.rels] };
  })();

  /** Every record in order: nodes first, so with 2 ranges no pairing meets its HELPER in its own. */
  const inOrder = () => {
    const file = path.join(tmp(), 'ordered.jsonl');
    fs.writeFileSync(
      file,
      lines(whole)
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    return file;
  };

  it.each([
    ['shuffled', () => writeDump(lines(whole), random(1))],
    ['nodes before relationships', inOrder],
  ])(
    'writes the rows the whole-file path writes, from 1, 2 and 3 threads (%s)',
    async (_, dump) => {
      const file = dump();
      const expected = await inMemory(file);
      expect(expected.issues).toEqual([]);
      const want = importFileRows(expected.files!);
      for (const threads of [1, 2, 3]) {
        let told = 0;
        const r = await writeDumpFiles({ file, dir: tmp(), threads, onRecords: (n) => (told += n) });
        expect(r.issues).toEqual([]);
        expect(r.repeated).toBe(false);
        expect({ nodes: r.nodes, rels: r.rels }).toEqual({
          nodes: expected.batch.nodes.length,
          rels: expected.batch.rels.length,
        });
        expect(told).toBe(whole.nodes.length + whole.rels.length);
        expect(importFileRows(r.files!)).toEqual(want);
      }
    },
    120_000,
  );

  it('finds the issues the whole-file path finds, with their lines, for random damage (20 seeds)', async () => {
    const small = reportedBatch();
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = random(seed);
      const damaged: Line[] = [];
      for (const l of lines(small)) {
        const x = rnd();
        if (x < 0.03) continue; // a node or relationship left out: missing ends, citations, required links
        if (x < 0.04) damaged.push({ node: { ...l.node!, label: 'Nope' as Label } });
        else if (x < 0.05) damaged.push({ edge: 1 });
        else if (x < 0.06 && l.node) damaged.push({ node: { ...l.node, citations: ['cit:absent'] } });
        else if (x < 0.07 && l.rel) damaged.push({ rel: { ...l.rel, type: 'HELPER' } });
        else damaged.push(l);
      }
      const file = writeDump(damaged, rnd);
      const { issues } = await inMemory(file);
      expect(issues.length).toBeGreaterThan(0);
      for (const threads of [1, 3]) {
        const r = await writeDumpFiles({ file, dir: tmp(), threads });
        expect({ seed, threads, issues: r.issues }).toEqual({ seed, threads, issues });
        expect(r.files).toBeNull();
      }
    }
  }, 120_000);

  it('names a citation that is neither in the dump nor in the graph, whole or streamed', async () => {
    const small = reportedBatch();
    const n = small.nodes.find((x) => x.label === 'Source')!;
    const records = lines({
      ...small,
      nodes: small.nodes.map((x) => (x === n ? { ...x, citations: ['cit:gone'] } : x)),
    });
    const file = path.join(tmp(), 'cites.jsonl');
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const line = records.findIndex((r) => r.node?.citations?.[0] === 'cit:gone') + 1;
    const issue = {
      line,
      field: 'node.citations',
      problem: 'no Citation "cit:gone" in the file or the graph',
    };
    expect((await inMemory(file)).issues).toEqual([issue]);
    expect((await writeDumpFiles({ file, dir: null, threads: 2 })).issues).toEqual([issue]);
  });

  it('refuses relationship properties of every kind (no relationship carries one), whole or streamed; empty ones pass', async () => {
    const small = reportedBatch();
    const records = lines(small);
    const bad = [
      { x: { a: 1 } },
      { x: [1, 'a'] },
      [1],
      { since: '2013-01-01' },
    ] as unknown as RelRecord['props'][];
    const first = records.findIndex((r) => r.rel);
    const at = bad.map((_, k) => first + k);
    at.forEach((i, k) => (records[i] = { rel: { ...records[i].rel!, props: bad[k] } }));
    const empty = first + bad.length;
    records[empty] = { rel: { ...records[empty].rel!, props: {} } };
    const file = path.join(tmp(), 'rel-props.jsonl');
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const issues = at.map((i) => ({
      line: i + 1,
      field: 'rel.props',
      problem: `must be left out or empty: a ${records[i].rel!.type} carries no properties`,
    }));
    // The refused relationships count as missing too (a citation without its FROM …).
    const whole = (await inMemory(file)).issues;
    expect(whole.filter((i) => i.field === 'rel.props')).toEqual(issues);
    expect((await writeDumpFiles({ file, dir: null, threads: 2 })).issues).toEqual(whole);
  });

  it('refuses a fact that would cite more than 500 citations, however the dump cites them, whole or streamed', async () => {
    const small = reportedBatch();
    const fact = small.nodes.find((x) => x.label !== 'Source' && x.citations?.length)!;
    const cited = small.nodes.find((x) => x.label === 'Citation')!;
    const extra = Array.from({ length: 501 }, (_, i) => ({ ...cited, id: `${cited.id}:copy${i}` }));
    const from = small.rels.find((r) => r.type === 'FROM' && r.from.id === cited.id)!;
    const froms = extra.map((c) => ({ ...from, from: { ...from.from, id: c.id } }));
    const ids = extra.map((c) => c.id);
    const key = { label: fact.label, id: fact.id };
    const supports = (some: string[]) =>
      some.map((id) => ({
        type: 'SUPPORTED_BY' as const,
        from: key,
        to: { label: 'Citation' as Label, id },
      }));
    // the loader unites them all: one record's list, repeated records' lists, SUPPORTED_BY records
    const ways: [string, (n: number) => { citations: string[]; repeats: string[][]; rels: RelRecord[] }][] = [
      ['one record', (n) => ({ citations: ids.slice(0, n), repeats: [], rels: [] })],
      // 300 and the rest, overlapping by 50: n distinct in all
      ['repeated records', (n) => ({ citations: ids.slice(0, 300), repeats: [ids.slice(250, n)], rels: [] })],
      [
        'SUPPORTED_BY records',
        (n) => ({ citations: ids.slice(0, 10), repeats: [], rels: supports(ids.slice(5, n)) }),
      ],
    ];
    for (const [way, make] of ways)
      for (const [count, refused] of [
        [500, false],
        [501, true],
      ] as const) {
        const { citations, repeats, rels } = make(count);
        const records = lines({
          nodes: [
            ...small.nodes.map((x) => (x === fact ? { ...x, citations } : x)),
            ...repeats.map((more) => ({ ...fact, citations: more })),
            ...extra,
          ],
          rels: [...small.rels, ...froms, ...rels],
        });
        const file = path.join(tmp(), `cites-${count}.jsonl`);
        fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
        const line = records.findIndex((r) => r.node?.id === fact.id && r.node.label === fact.label) + 1;
        const own = {
          line,
          field: 'node.citations',
          problem: `${fact.label} ${JSON.stringify(fact.id)} would cite 501 in the file; a fact cites at most 500 (the most its citations list answers)`,
        };
        for (const found of [
          (await inMemory(file)).issues,
          (await writeDumpFiles({ file, dir: null, threads: 2 })).issues,
        ])
          expect([way, found]).toEqual([way, refused ? [own] : []]);
      }
  });

  it('says when a record repeats (the loader folds repeats; the importer would not) and writes no file set', async () => {
    const small = reportedBatch();
    const fact = small.nodes.find((n) => n.citations?.length)!;
    // a link its node's citations already make, written again as a SUPPORTED_BY record
    const link: RelRecord = {
      type: 'SUPPORTED_BY',
      from: { label: fact.label, id: fact.id },
      to: { label: 'Citation', id: fact.citations![0] },
    };
    expect(dedupe({ nodes: small.nodes, rels: [...small.rels, link] }).rels).toEqual(dedupe(small).rels);
    for (const extra of [{ node: small.nodes[5] }, { rel: small.rels[7] }, { rel: link }]) {
      const file = writeDump([...lines(small), extra], random(7));
      const r = await writeDumpFiles({ file, dir: tmp(), threads: 2 });
      expect({ repeated: r.repeated, files: r.files, issues: r.issues }).toEqual({
        repeated: true,
        files: null,
        issues: [],
      });
    }
  });

  it('fails on a line that is not JSON, naming it, in whichever range it lies', async () => {
    const file = path.join(tmp(), 'bad.jsonl');
    const good = lines(reportedBatch()).map((r) => JSON.stringify(r));
    const at = good.length - 3;
    good.splice(at, 0, '{"node": ');
    fs.writeFileSync(file, `${good.join('\n')}\n`);
    await expect(writeDumpFiles({ file, dir: tmp(), threads: 2 })).rejects.toThrow(
      new RegExp(`^line ${at + 1}: not JSON`),
    );
  });

  it('cuts a file at line starts and numbers each range’s first line', () => {
    const file = path.join(tmp(), 'cut.txt');
    fs.writeFileSync(file, 'aaaa\nbb\n\ncccccc\nd');
    const size = fs.statSync(file).size;
    expect(splitLines(file, size, 3)).toEqual({
      ranges: [
        { start: 0, end: 8, firstLine: 1 },
        { start: 8, end: 16, firstLine: 3 },
        { start: 16, end: 17, firstLine: 5 },
      ],
      lines: 5,
    });
    expect(splitLines(file, size, 1)).toEqual({ ranges: [{ start: 0, end: 17, firstLine: 1 }], lines: 5 });
  });
});
