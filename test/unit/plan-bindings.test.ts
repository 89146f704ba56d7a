import { parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Viewer } from '../../src/domain/access-policy';
import { executionOf } from '../../src/graphql/execution';
import { executableSchema } from '../../src/graphql/schema';
import { plannedStatements } from '../support/plan-recorder';

/**
 * Field and row plans are kept across requests per binding (viewer role, plan variables, cursor
 * codec): a request that repeats a document with the same values reuses them, and every value
 * a plan depends on gives its own plan — the statement sent is always the one planned afresh.
 */
describe('plan bindings', () => {
  let schema: GraphQLSchema;
  beforeAll(() => {
    schema = executableSchema();
  });
  const ANALYST: Viewer = { anonymous: false, subject: 'plan-test', role: 'analyst' };
  const VIEWER: Viewer = { anonymous: false, subject: 'plan-test', role: 'viewer' };
  const Q = `query Households($id: ID!, $n: Int) { node(id: $id) { ... on AdminUnit { name
    households(first: $n, orderBy: NAME) { edges { node { key name } } } } } }`;
  const au = (key: string) => Buffer.from(`AdminUnit:${key}`).toString('base64url');

  /** The one statement the document sends (no rows come back, so no later wave). */
  async function statement(variables: Record<string, unknown>, viewer: Viewer) {
    const { statements, errors } = await plannedStatements(schema, Q, variables, { viewer });
    expect(errors).toEqual([]);
    expect(statements).toHaveLength(1);
    return statements[0];
  }

  it('plans each request as if afresh: per page size and per role, whatever was planned before', async () => {
    const fresh = new Map<string, Awaited<ReturnType<typeof statement>>>();
    // each combination first in a fresh schema (nothing kept), then repeated and interleaved in one
    for (const [n, viewer] of [
      [2, ANALYST],
      [5, ANALYST],
      [2, VIEWER],
    ] as const) {
      const own = executableSchema();
      const { statements } = await plannedStatements(own, Q, { id: au('a'), n }, { viewer });
      fresh.set(`${n}|${viewer.role}`, statements[0]);
    }
    for (const [n, viewer] of [
      [2, ANALYST],
      [5, ANALYST],
      [2, VIEWER],
      [2, ANALYST],
      [2, VIEWER],
      [5, ANALYST],
    ] as const) {
      const s = await statement({ id: au('a'), n }, viewer);
      expect(s).toEqual(fresh.get(`${n}|${viewer.role}`));
    }
    // the values differ where the plan does: the page's limit (exactly n: nothing selects its
    // pageInfo), and the order of a viewer below readPersonal
    const [a2, a5, v2] = [fresh.get('2|analyst')!, fresh.get('5|analyst')!, fresh.get('2|viewer')!];
    expect(Object.values(a2.params)).toEqual([['a'], true, 2]);
    expect(Object.values(a5.params)).toEqual([['a'], true, 5]);
    expect(v2.cypher).not.toEqual(a2.cypher);
  });

  it('shares one binding among requests that differ only in the root id', () => {
    const doc = parse(Q);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const plan = executionOf(schema).cache.planOf(op, {});
    expect(plan.planVariables).toEqual(['n']);
    const codec = {};
    const b = plan.binding(codec, 'analyst', { id: au('a'), n: 2 });
    expect(plan.binding(codec, 'analyst', { id: au('b'), n: 2 })).toBe(b);
    expect(plan.binding(codec, 'analyst', { id: au('a'), n: 3 })).not.toBe(b);
    expect(plan.binding(codec, 'viewer', { id: au('a'), n: 2 })).not.toBe(b);
    expect(plan.binding({}, 'analyst', { id: au('a'), n: 2 })).not.toBe(b);
  });
});
