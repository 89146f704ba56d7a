import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runningFileOf } from '../../src/store/embedded/running-store';
import { bangfu } from '../support/cli';
import { freePort, runService } from '../support/processes';

/**
 * `npm start` in one terminal and `npx bangfu …` in another, on the embedded store: the command
 * finds where the service's Neo4j listens (recorded under the data directory) and uses it, instead
 * of starting a second Neo4j on the same port and store.
 */
describe('the CLI beside the running service', () => {
  it('bangfu verify succeeds while the service runs on the embedded store, and the record goes with the service', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-beside-'));
    const env = {
      BANGFU_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(await freePort()),
      PORT: String(await freePort()),
    };
    const service = runService(env); // embedded Neo4j, seeded at start (scale 1)
    try {
      await service.waitFor(/ready at http/, 600_000);
      const record = runningFileOf(path.join(dataDir, 'neo4j'));
      expect(JSON.parse(fs.readFileSync(record, 'utf8'))).toMatchObject({
        uri: `bolt://127.0.0.1:${env.NEO4J_EMBEDDED_PORT}`,
        ownerPid: service.child.pid,
      });

      const verify = await bangfu(['verify'], env);
      expect(verify.err).toMatch(`using the embedded Neo4j at bolt://127.0.0.1:${env.NEO4J_EMBEDDED_PORT}`);
      expect(verify.err).not.toMatch(/already in use|is in use by another process/);
      expect(verify.code).toBe(0);

      // The command closed only its own connection: the service still answers from the same store.
      const res = await fetch(`http://127.0.0.1:${env.PORT}/readyz`);
      expect(res.status).toBe(200);

      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(fs.existsSync(record)).toBe(false);
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  }, 900_000);
});
