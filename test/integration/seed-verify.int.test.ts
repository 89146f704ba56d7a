import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Writable } from 'node:stream';
import type { Driver } from 'neo4j-driver';
import { verifyCommand } from '../../src/cli/verify-command';
import { REPO_ROOT } from '../../src/config/paths';
import { seed } from '../../src/seed/seed';
import { Gateway } from '../../src/store/gateway';
import { checkObservations } from '../../src/store/indicators/indicators.store';
import { testDriver } from '../support/harness';

const run = promisify(execFile);

/** The seed graph reproduces every figure of the report, and verify notices when one is off. */
describe('seed and verify', () => {
  let driver: Driver;
  let gw: Gateway;
  beforeAll(() => {
    driver = testDriver();
    gw = new Gateway(driver, process.env.TEST_NEO4J_DATABASE ?? 'neo4j');
  });
  afterAll(() => driver.close());

  const counts = () =>
    gw.read('t.counts', 'MATCH (n) WITH labels(n)[0] AS label, count(*) AS n RETURN label, n ORDER BY label');
  const relCounts = () =>
    gw.read('t.relCounts', 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');

  it('recomputes every one of the 54 reported figures from pairings and entities', async () => {
    const checks = await checkObservations(gw);
    expect(checks).toHaveLength(54);
    expect(
      checks.filter((c) => !c.matches).map((c) => [c.observation.id, c.observation.value, c.computed]),
    ).toEqual([]);
    const byId = Object.fromEntries(checks.map((c) => [c.observation.id, c.computed]));
    expect(byId['obs:dispute-resolution-rate']).toBeCloseTo(85.71, 2);
  });

  it('`bangfu verify` prints the table and exits 0 on the seed graph', async () => {
    const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'bin', 'bangfu.js'), 'verify'], {
      env: {
        PATH: process.env.PATH,
        NEO4J_URI: process.env.TEST_NEO4J_URI,
        NEO4J_DATABASE: process.env.TEST_NEO4J_DATABASE,
      },
    });
    expect(stdout).toMatch(/^✓ +obs:region-pairings +.*= 6 pairings +6$/m);
    expect(stdout).toContain('54 of 54 figures match');
  });

  it('fails, naming the figure, when a reported figure no longer matches the graph', async () => {
    const set = (v: number) =>
      gw.write('t.setObs', "MATCH (o:Observation {id: 'obs:region-pairings'}) SET o.value = $v", { v });
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
    await set(7);
    try {
      expect(await verifyCommand(gw, sink)).toBe(false);
      expect(process.exitCode).toBe(1);
    } finally {
      await set(6);
      process.exitCode = 0;
    }
    expect(out).toMatch(/^✗ +obs:region-pairings += 7 pairings +6$/m);
    expect(out).toContain('53 of 54 figures match; 1 do not');
  });

  it('is idempotent: seeding scale 1 again yields the same nodes and relationships', async () => {
    const [nodes, rels] = [await counts(), await relCounts()];
    await seed(gw, { scale: 1 });
    expect(await counts()).toEqual(nodes);
    expect(await relCounts()).toEqual(rels);
  }, 180_000);
});
