import neo4j from 'neo4j-driver';
import { createDriver, sessionBookmarks } from '../../src/store/driver';

/**
 * Sessions share the driver's bookmark manager only where a statement can reach another server
 * than the one before it (a routing driver). That a direct connection still reads its own writes
 * without them is checked on Neo4j in test/integration/gateway-reads.int.test.ts.
 */
describe('sessionBookmarks', () => {
  const drivers: { close(): Promise<void> }[] = [];
  afterAll(async () => Promise.all(drivers.map((d) => d.close())));
  const made = (uri: string) => {
    const d = createDriver({ uri });
    drivers.push(d);
    return d;
  };

  it.each(['neo4j://127.0.0.1:7687', 'neo4j+s://db.example:7687', 'neo4j+ssc://db.example:7687'])(
    'shares the bookmark manager through a routing driver (%s)',
    (uri) => {
      const d = made(uri);
      expect(sessionBookmarks(d)).toBe(d.executeQueryBookmarkManager);
    },
  );

  it.each(['bolt://127.0.0.1:7687', 'bolt+s://db.example:7687', 'bolt+ssc://db.example:7687'])(
    'uses none through a direct driver (%s)',
    (uri) => expect(sessionBookmarks(made(uri))).toBeUndefined(),
  );

  it('keeps them for a driver it did not make, whatever its address', () => {
    const d = neo4j.driver('bolt://127.0.0.1:7687');
    drivers.push(d);
    expect(sessionBookmarks(d)).toBe(d.executeQueryBookmarkManager);
  });
});
