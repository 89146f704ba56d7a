import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Viewer } from '../../src/domain/access-policy';
import { exportGraph } from '../../src/cli/export-command';
import { importCommand } from '../../src/cli/import-command';
import { resetGraph, seed } from '../../src/seed/seed';
import { checkObservations } from '../../src/store/indicators/indicators.store';
import { graphCounts, startSecondNeo4j, type SecondNeo4j } from '../support/second-neo4j';

/** Opt-in (slow): ROUNDTRIP_SCALE=10 npx jest --selectProjects integration --testPathPatterns import-export-scale */
const SCALE = Number(process.env.ROUNDTRIP_SCALE ?? 0);
const admin: Viewer & { anonymous: false } = { anonymous: false, subject: 't6-scale', role: 'admin' };
const maybe = SCALE > 0 ? describe : describe.skip;

/**
 * The round trip at a larger scale, in a second embedded Neo4j of its own: seed scale N, export,
 * empty the database, import the dump → the same counts per label and type, and every reported
 * figure still matches. Prints the timings.
 */
maybe(`round trip at scale ${SCALE}`, () => {
  let db: SecondNeo4j;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-scale-'));
  beforeAll(async () => {
    db = await startSecondNeo4j();
  }, 180_000);
  afterAll(async () => {
    await db?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('export → empty database → import gives the same graph and 54/54 matching figures', async () => {
    const t = Date.now();
    await seed(db.gateway, { scale: SCALE });
    const seedMs = Date.now() - t;
    const before = await graphCounts(db.gateway);
    const file = path.join(dir, 'graph.json');
    const t1 = Date.now();
    const s = await exportGraph(db.gateway, admin, { format: 'json', area: null, out: file });
    const exportMs = Date.now() - t1;
    await resetGraph(db.gateway);
    expect(await graphCounts(db.gateway)).toEqual({});
    const t2 = Date.now();
    const out = { write: () => true } as unknown as NodeJS.WritableStream;
    const r = await importCommand(
      db.gateway,
      admin,
      file,
      { kind: 'graph', dryRun: false, skipInvalid: false, piiSalt: 'x' },
      out,
    );
    const importMs = Date.now() - t2;
    expect(r.issues).toEqual([]);
    expect(await graphCounts(db.gateway)).toEqual(before);
    const checks = await checkObservations(db.gateway);
    expect(checks.filter((c) => !c.matches).map((c) => c.observation.id)).toEqual([]);
    expect(checks).toHaveLength(54);
    process.stderr.write(
      `[round trip scale ${SCALE}] ${s.nodes} nodes, ${s.rels} rels, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB: ` +
        `seed ${seedMs} ms, export ${exportMs} ms, import ${importMs} ms\n`,
    );
  }, 3_600_000);
});
