import { Neo4jError, type Driver } from 'neo4j-driver';
import { Gateway } from '../../src/store/gateway';

/**
 * The gateway's one-round-trip read (an auto-commit transaction) is tried again on a transient
 * failure, as the driver's managed transactions are, and only then. The driver is a stand-in:
 * what is checked is the gateway's own loop, not Neo4j (the read's behaviour against a real
 * Neo4j is in test/integration/gateway-reads.int.test.ts).
 */
function stubDriver(failures: Error[]) {
  const sessions: { mode: string; closed: boolean }[] = [];
  const driver = {
    executeQueryBookmarkManager: {},
    session: (c: { defaultAccessMode: string }) => {
      const s = { mode: c.defaultAccessMode, closed: false };
      sessions.push(s);
      return {
        run: async () => {
          const e = failures.shift();
          if (e) throw e;
          return { records: [{ toObject: () => ({ n: 1 }) }] };
        },
        close: async () => void (s.closed = true),
      };
    },
  };
  return { driver: driver as unknown as Driver, sessions };
}

const transient = () =>
  new Neo4jError('leader switched', 'Neo.TransientError.General.DatabaseUnavailable', '50N42', 'error');
const syntax = () => new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', '42001', 'error');

describe('a read sent as one auto-commit transaction', () => {
  it('is tried again after transient failures, each time in a new READ session that is closed', async () => {
    const { driver, sessions } = stubDriver([transient(), transient()]);
    const seen: boolean[] = [];
    const gw = new Gateway(driver, 'neo4j').withObserver({ onQuery: (e) => seen.push(e.ok) });
    await expect(gw.read('probe', 'RETURN 1 AS n')).resolves.toEqual([{ n: 1 }]);
    expect(sessions).toEqual([
      { mode: 'READ', closed: true },
      { mode: 'READ', closed: true },
      { mode: 'READ', closed: true },
    ]);
    expect(seen).toEqual([true]); // one statement as far as metrics go
  });

  it('is not tried again after a client error', async () => {
    const { driver, sessions } = stubDriver([syntax()]);
    await expect(new Gateway(driver, 'neo4j').read('probe', 'RETURN')).rejects.toMatchObject({
      code: 'Neo.ClientError.Statement.SyntaxError',
    });
    expect(sessions).toHaveLength(1);
  });

  it('stops within the retry time (3 s) and answers SERVICE_UNAVAILABLE', async () => {
    const { driver, sessions } = stubDriver(Array.from({ length: 20 }, transient));
    await expect(new Gateway(driver, 'neo4j').read('probe', 'RETURN 1 AS n')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    // tries at 0, 50, 150, 350, 750 and 1,550 ms; the next wait (1,600 ms) would end past 3 s
    expect(sessions).toHaveLength(6);
  });

  it('gives up with TIMEOUT when the deadline passes between tries, and tries no more', async () => {
    const { driver, sessions } = stubDriver([transient(), transient(), transient(), transient()]);
    const gw = new Gateway(driver, 'neo4j');
    // The first try runs at once; the first wait (50 ms) ends past the 30 ms deadline.
    await expect(gw.read('probe', 'RETURN 1 AS n', {}, { deadline: Date.now() + 30 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(sessions).toEqual([{ mode: 'READ', closed: true }]);
  });
});
