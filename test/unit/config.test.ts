import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('loadConfig', () => {
  it('defaults to the embedded Neo4j under .data when NEO4J_URI is unset', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.neo4j).toEqual({
      mode: 'embedded',
      boltPort: 7687,
      storeDir: path.join('/srv/app/.data/neo4j'),
      database: 'neo4j',
      memory: { heapBytes: null, pageCacheBytes: null },
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('connects to an external Neo4j when NEO4J_URI is set', () => {
    const c = loadConfig({
      NEO4J_URI: 'neo4j://db.internal:7687',
      NEO4J_PASSWORD: 's3cret',
      NEO4J_DATABASE: 'bangfu',
    });
    expect(c.neo4j).toEqual({
      mode: 'external',
      uri: 'neo4j://db.internal:7687',
      user: 'neo4j',
      password: 's3cret',
      database: 'bangfu',
    });
  });

  it('names the variable and what is expected for a bad PORT', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      new ConfigError(
        'invalid environment variable PORT="abc": expected the HTTP port as an integer 1–65535',
      ),
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000"/);
  });

  it('rejects a URI with a scheme Neo4j does not speak', () => {
    expect(() => loadConfig({ NEO4J_URI: 'foo://x' })).toThrow(
      /^invalid environment variable NEO4J_URI="foo:\/\/x": expected a Neo4j URI/,
    );
    expect(() => loadConfig({ NEO4J_URI: 'bolt+s://aura.example:7687' })).not.toThrow();
  });

  it('treats empty variables as unset and rejects unknown enum values', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud"/);
    expect(() => loadConfig({ SEED_ON_START: 'yes' })).toThrow(/SEED_ON_START="yes"/);
  });
});
