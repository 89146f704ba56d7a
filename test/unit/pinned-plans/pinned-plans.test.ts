import type { GraphQLSchema } from 'graphql';
import { OPERATIONS, type Fixtures } from '../../../bench/operations';
import { analyticsConfig } from '../../../src/config/analytics-config';
import { executableSchema } from '../../../src/graphql/schema';
import { AnalyticsEngine } from '../../../src/store/analytics/analytics-engine';
import { plannedStatements, type PlannedStatement } from '../../support/plan-recorder';
import { readmeExamples } from '../../support/readme-examples';

/**
 * Pinned plans, without a database (in the manner of @neo4j/graphql's tck tests): each README
 * example and each benchmark operation, executed against a gateway that records statements and
 * returns no rows, must send exactly the Cypher text and parameters pinned in the snapshot beside
 * this file. Any planner change (one more statement, a reordered clause, another parameter) shows
 * up as a diff of that file in review. Later waves of a request need rows, so what is pinned is
 * what a document plans before it reads anything: for the village page, its whole single statement.
 */

/** Fixed store keys standing in for the benchmark's per-scale fixtures. */
const FIXTURES: Fixtures = {
  village: 'bench-village',
  helper: 'bench-helper',
  graphRoot: 'bench-root',
  area: 'bench-area',
  pathFrom: 'bench-from',
  pathTo: 'bench-to',
  page: { index: 1, ours: null, peer: null, floor: null },
};

/** A statement as the snapshot shows it: name, text, then parameters as sorted JSON. */
const shown = (s: PlannedStatement) =>
  `-- ${s.name}\n${s.cypher}\n-- params ${JSON.stringify(s.params, Object.keys(s.params).sort())}`;

let schema: GraphQLSchema;
let analytics: AnalyticsEngine;
beforeAll(() => {
  schema = executableSchema();
  analytics = new AnalyticsEngine(analyticsConfig({ ANALYTICS_THREADS: 1 }));
});
afterAll(() => analytics.close());

async function planOf(query: string, variables: Record<string, unknown> = {}) {
  const { statements, errors } = await plannedStatements(schema, query, variables, { analytics });
  return { statements: statements.map(shown), errors };
}

describe('pinned plans of the benchmark operations', () => {
  it.each(OPERATIONS.map((o) => [o.name, o] as const))('%s', async (_name, op) => {
    const { query, variables } = op.ours(FIXTURES);
    expect(await planOf(query, variables)).toMatchSnapshot();
  });

  it('the village page is one statement, whatever it nests', async () => {
    const village = OPERATIONS.find((o) => o.name === 'villagePage')!.ours(FIXTURES);
    const { statements } = await planOf(village.query, village.variables);
    expect(statements).toHaveLength(1);
  });
});

describe('pinned plans of the README examples', () => {
  it.each(readmeExamples().map((e) => [e.name, e] as const))('%s', async (_name, example) => {
    expect(await planOf(example.query, example.variables)).toMatchSnapshot();
  });
});
