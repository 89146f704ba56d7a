/**
 * Three projects: `unit` (pure code, no database), `integration` (*.int.test.ts, a real Neo4j
 * started once per run by test/global-setup.ts, or NEO4J_URI when set) and `e2e` (*.e2e.test.ts,
 * a real browser against the real service over that Neo4j).
 * @type {import('jest').Config}
 */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform,
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int.test.ts'],
      transform,
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      // Real browser (Debian's Chromium via playwright-core) against the real service and Neo4j;
      // shares the integration project's Neo4j (same global setup module: jest runs it once).
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      transform,
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
