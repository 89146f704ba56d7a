import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { GraphBatch, NodeRecord, PropValue, RelRecord } from '../../src/domain/records';
import { seed } from '../../src/seed/seed';
import { seedByImport } from '../../src/seed/seed-import';
import { ImportFiles, ImportFileError, type ImportFileSet } from '../../src/store/import-tool/import-files';
import { fixupPlanPath } from '../../src/store/import-tool/fixup-plan';
import { runStoreImport, storeHasNoDatabase } from '../../src/store/import-tool/store-import';
import { loadBatch } from '../../src/store/load';
import { bangfu } from '../support/cli';
import { freePort } from '../support/processes';
import { startSecondNeo4j, withStoreDir, type SecondNeo4j } from '../support/second-neo4j';
import { tempDirs } from '../support/temp-dirs';
import { wholeGraph } from '../support/whole-graph';

/**
 * Neo4j's offline importer writes exactly the graph the transactional loader writes: the seed at
 * scale 1, and records with every kind of value the loader stores (quotes, separators and line
 * breaks in text, empty strings and lists, whole and fractional numbers under one key, dates,
 * booleans, repeated records, citations). Bad records fail the import, name what is wrong, and
 * leave the store new.
 */
describe('offline import', () => {
  let merged: SecondNeo4j;
  beforeAll(async () => {
    merged = await startSecondNeo4j();
  }, 420_000);
  afterAll(async () => {
    await merged?.stop();
  });

  const newStoreDir = tempDirs('bangfu-import-');

  /**
   * Starts the store (which finishes an import), applies the schema without the repairs, as the
   * CLI does after its offline import, and returns its graph: what the importer wrote, unrepaired.
   */
  const started = (storeDir: string) => withStoreDir(storeDir, (gw) => wholeGraph(gw), { repairs: false });

  /** Imports into a new store, starts it and migrates; returns its graph. */
  async function viaImport(
    files: ImportFileSet | ((storeDir: string) => Promise<ImportFileSet>),
    storeDir = newStoreDir(),
  ) {
    if (typeof files === 'function') await files(storeDir);
    else await runStoreImport({ storeDir, files, log: () => undefined });
    return started(storeDir);
  }

  const filesOf = (batches: GraphBatch[], dir = newStoreDir()) => {
    const w = new ImportFiles(path.join(dir, 'files'));
    for (const b of batches) w.add(b);
    return w.finish();
  };

  async function viaMerge(batches: GraphBatch[]) {
    await merged.gateway.write('t.import.wipe', 'MATCH (n) DETACH DELETE n');
    for (const b of batches) await loadBatch(merged.gateway, b);
    return wholeGraph(merged.gateway);
  }

  it('imports the scale-1 seed as the transactional seed writes it, record for record', async () => {
    const plans: string[] = [];
    const imported = await viaImport(async (storeDir) => {
      let phase = '';
      const ticks: Record<string, number> = {};
      const estimates: number[] = [];
      const s = await seedByImport({
        scale: 1,
        storeDir,
        log: () => undefined,
        onPhase: (p) => void (phase = p),
        onProgress: (n) => void (ticks[phase] = (ticks[phase] ?? 0) + n),
        onEstimate: (n) => void estimates.push(n),
      });
      // the progress counts every record twice, to the files and then by the importer, whose own
      // progress lines it reads: the run's last estimate is exact and the importer's share adds up
      expect(estimates.at(-1)).toBe(2 * (s.nodes + s.rels));
      expect(ticks['offline import']).toBe(s.nodes + s.rels);
      expect(fs.readdirSync(storeDir).filter((f) => f.startsWith('import-files'))).toEqual([]);
      // what the importer cannot write waits in the store for its first start, which deletes it
      expect(fs.existsSync(fixupPlanPath(storeDir))).toBe(true);
      plans.push(storeDir);
      return s.files;
    });
    await merged.gateway.write('t.import.wipe', 'MATCH (n) DETACH DELETE n');
    const s = await seed(merged.gateway, { scale: 1, bulk: false });
    const viaLoader = await wholeGraph(merged.gateway);
    expect(imported.nodes).toHaveLength(s.nodes);
    expect(imported.nodes.length).toBeGreaterThan(12_000);
    expect(imported).toEqual(viaLoader);
    expect(fs.existsSync(fixupPlanPath(plans[0]))).toBe(false);
  }, 900_000);

  /** Text with what CSV and the importer treat specially, and any other characters. */
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom(
      '',
      ' ',
      '"',
      '""',
      ',',
      ';',
      '\n',
      '\r\n',
      'a "b", c;\nd',
      ' 甲村 ',
      '\\',
      '\t',
      'null',
      '\u0000',
    ),
  );
  const listText = text.filter((t) => !t.includes('\u001f'));
  // what the loader stores exactly: whole numbers within ±(2^53 − 1), and fractional ones
  const fraction = (o: fc.DoubleConstraints = {}) =>
    fc.double({ noNaN: true, noDefaultInfinity: true, ...o }).filter((x) => !Number.isInteger(x));
  const number = fc.oneof(
    fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
    fraction(),
    fc.constantFrom(0, -0, 1.5, 5e-324, 0.1),
  );
  const date = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const props: fc.Arbitrary<Record<string, PropValue>> = fc.record(
    {
      name: text,
      note: fc.option(text),
      level: number,
      ok: fc.boolean(),
      validFrom: date,
      aliases: fc.array(listText, { maxLength: 3 }),
      scores: fc.oneof(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 3 }),
        fc.array(fraction({ min: -1, max: 1 }), { minLength: 1, maxLength: 3 }),
      ),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, PropValue>>;
  const LABELS = ['Organization', 'Person', 'Household'] as const;

  /** Records with random values, ids from a small pool so that some repeat, and citations. */
  function randomBatch(seedValue: number): GraphBatch {
    const [nodes] = fc.sample(
      fc.array(
        fc.record({
          label: fc.constantFrom(...LABELS),
          id: fc.integer({ min: 0, max: 120 }).map((i) => `r:${i}`),
          provenance: fc.constantFrom('SYNTHETIC', 'REPORTED'),
          props,
          citations: fc.option(fc.subarray(['t:c1', 't:c2', 't:c1']), { nil: undefined }),
        }),
        { minLength: 250, maxLength: 250 },
      ),
      { seed: seedValue, numRuns: 1 },
    );
    const found = nodes.map((n) => ({ label: n.label, id: n.id }));
    const [rels] = fc.sample(
      fc.array(
        fc.record({
          type: fc.constantFrom('PART_OF', 'MEMBER_OF'),
          from: fc.constantFrom(...found),
          to: fc.constantFrom(...found),
          props: fc.record({ since: number, note: text }, { requiredKeys: [] }) as fc.Arbitrary<
            Record<string, PropValue>
          >,
        }),
        { minLength: 300, maxLength: 300 },
      ),
      { seed: seedValue + 1, numRuns: 1 },
    );
    const provenance: GraphBatch = {
      nodes: [
        { label: 'Source', id: 't:s', provenance: 'REPORTED', props: { title: 'S' } },
        { label: 'Citation', id: 't:c1', provenance: 'REPORTED', props: { quote: '“一”' } },
        { label: 'Citation', id: 't:c2', provenance: 'REPORTED', props: { quote: '"二"\n' } },
      ],
      rels: [
        { type: 'FROM', from: { label: 'Citation', id: 't:c1' }, to: { label: 'Source', id: 't:s' } },
        { type: 'FROM', from: { label: 'Citation', id: 't:c2' }, to: { label: 'Source', id: 't:s' } },
      ],
    };
    return {
      nodes: [...provenance.nodes, ...(nodes as NodeRecord[])],
      rels: [...provenance.rels, ...(rels as RelRecord[])],
    };
  }

  it('imports random records with every kind of value exactly as the loader MERGEs them', async () => {
    const batch = randomBatch(20261202);
    const files = filesOf([batch]);
    expect(files.multiline).toBe(true);
    // both values the importer cannot write occur, and are set after it
    const fixed = files.fixed.flatMap((f) => Object.values(f.props).map((v) => JSON.stringify(v)));
    expect(new Set(fixed)).toEqual(new Set(['[]', '[""]']));
    const loaded = await viaMerge([batch]);
    expect(loaded.nodes.length).toBeGreaterThan(90);
    expect(await viaImport(files)).toEqual(loaded);
  }, 600_000);

  it('a seed killed during the fix-up is finished by the next start, and a store without its plan refuses to start', async () => {
    const batch = randomBatch(20261203);
    const files = filesOf([batch]);
    expect(files.fixed.length).toBeGreaterThan(1);
    const storeDir = newStoreDir();
    await runStoreImport({ storeDir, files, log: () => undefined });
    const plan = fs.readFileSync(fixupPlanPath(storeDir), 'utf8');
    const lines = plan.trim().split('\n');
    // a plan that names only the first temporary label: the start sets that label's lists, then
    // refuses the store, as the others' cannot be known
    const firstLabel = lines[1].split('\t')[0];
    fs.writeFileSync(
      fixupPlanPath(storeDir),
      lines.filter((l) => l.startsWith(`${firstLabel}\t`)).join('\n'),
    );
    await expect(started(storeDir)).rejects.toThrow(
      /nodes with the temporary label BangfuImportFixed\d+ remain from an offline import, and no fix-up plan \(.*import-fixup.tsv\) says which empty lists they lack; seed a new store instead/,
    );
    // as a seed killed once the first label was done: its nodes hold their lists and lost the
    // label, the others still have theirs, and the whole plan is still in the store
    fs.writeFileSync(fixupPlanPath(storeDir), plan);
    const loaded = await viaMerge([batch]);
    expect(await started(storeDir)).toEqual(loaded);
    expect(fs.existsSync(fixupPlanPath(storeDir))).toBe(false);
  }, 600_000);

  it('bangfu seed: --via import writes a new store, refuses an existing one, and a second seed MERGEs the same graph', async () => {
    const env = { BANGFU_DATA_DIR: newStoreDir(), NEO4J_EMBEDDED_PORT: String(await freePort()) };
    const counts = (out: string) => out.split('\n').filter((l) => /^ {2}\w+ +\d+$/.test(l));
    const first = await bangfu(['seed', '--reported-only', '--via', 'import'], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^seeded scale 1: \d+ node and \d+ relationship records .*offline import into a new store/,
    );
    expect(counts(first.out)).toContain('  Citation       41');
    // the importer's stages are shown as they start (its progress, as the records/s bar is the files')
    expect(first.err).toMatch(/offline import: Nodes …\n(.*\n)*offline import: Relationships …\n/);
    const again = await bangfu(['seed', '--reported-only', '--via', 'import'], env);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /--via import: .* already holds a database .*; the offline importer writes a new store only/,
    );
    const merged = await bangfu(['seed', '--reported-only'], env);
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/MERGE path/);
    expect(counts(merged.out)).toEqual(counts(first.out));
  }, 600_000);

  it('fails on an id given in two batches, naming it, and leaves the store new', async () => {
    const storeDir = newStoreDir();
    const node = (id: string): NodeRecord => ({
      label: 'Person',
      id,
      provenance: 'SYNTHETIC',
      props: { name: id },
    });
    const files = filesOf(
      [
        { nodes: [node('p:1'), node('p:2')], rels: [] },
        { nodes: [node('p:2')], rels: [] },
      ],
      storeDir,
    );
    await expect(runStoreImport({ storeDir, files, log: () => undefined })).rejects.toThrow(
      "the offline import failed: Id 'p:2' is defined more than once in group 'Person'",
    );
    expect(storeHasNoDatabase(storeDir)).toBe(true);
  }, 300_000);

  it('fails on a relationship to a node that is not imported, naming it, and leaves the store new', async () => {
    const storeDir = newStoreDir();
    const files = filesOf(
      [
        {
          nodes: [
            { label: 'Person', id: 'p:1', provenance: 'SYNTHETIC', props: {} },
            { label: 'Organization', id: 'o:1', provenance: 'SYNTHETIC', props: {} },
          ],
          rels: [
            {
              type: 'MEMBER_OF',
              from: { label: 'Person', id: 'p:1' },
              to: { label: 'Organization', id: 'o:missing' },
            },
          ],
        },
      ],
      storeDir,
    );
    await expect(runStoreImport({ storeDir, files, log: () => undefined })).rejects.toThrow(/o:missing/);
    expect(storeHasNoDatabase(storeDir)).toBe(true);
  }, 300_000);

  it('refuses a store that already has a database and values the importer cannot hold', async () => {
    const storeDir = newStoreDir();
    fs.mkdirSync(path.join(storeDir, 'data', 'databases', 'neo4j'), { recursive: true });
    await expect(runStoreImport({ storeDir, files: filesOf([]), log: () => undefined })).rejects.toThrow(
      /exists: the offline importer only writes a new store/,
    );
    const w = new ImportFiles(path.join(newStoreDir(), 'files'));
    const person = (props: Record<string, PropValue>): GraphBatch => ({
      nodes: [{ label: 'Person', id: 'p:x', provenance: 'SYNTHETIC', props }],
      rels: [],
    });
    expect(() => w.add(person({ aliases: ['a\u001fb'] }))).toThrow(ImportFileError);
    expect(() => w.add(person({ scores: [1, 1.5] }))).toThrow(/p:x: scores mixes long and double items/);
    expect(() => w.add(person({ members: 2 ** 60 }))).toThrow(/not stored exactly/);
    expect(() => w.add(person({ validFrom: '2013-02-30' }))).toThrow(/2013-02-30/);
    // labels and types become file headers and importer arguments: only the model's are taken
    expect(() =>
      w.add({
        nodes: [{ label: 'Person=x.csv --nodes' as 'Person', id: 'p:y', provenance: 'SYNTHETIC', props: {} }],
        rels: [],
      }),
    ).toThrow(/unknown node label/);
    w.finish();
  });
});
