import { GraphQLSchema } from 'graphql';
import type { Declarations } from './declarations';
import { PlanCache } from './plan-cache';

/** How the executable schema plans documents (config/execution-config.ts). */
export interface ExecutionOptions {
  /** Documents whose plans are kept (PLAN_CACHE_SIZE). */
  planCacheSize: number;
  /** Rows refuse reads of unplanned properties (PLAN_CHECKS; contract.ts). */
  planChecks: boolean;
}

/** What the planner needs from the schema it plans for: declarations and the plan cache. */
export interface Execution {
  declarations: Declarations;
  cache: PlanCache;
  checks: boolean;
}

/**
 * `schema` carrying its execution (in its extensions), so resolvers reach the plan cache and the
 * declarations through `info.schema`: one per schema, no module state.
 */
export function withExecution(
  schema: GraphQLSchema,
  declarations: Declarations,
  o: ExecutionOptions,
): GraphQLSchema {
  const execution: Partial<Execution> = { declarations, checks: o.planChecks };
  const built = new GraphQLSchema({
    ...schema.toConfig(),
    extensions: { ...schema.extensions, execution },
  });
  execution.cache = new PlanCache(o.planCacheSize, built, declarations);
  return built;
}

/** The execution of a schema built by `withExecution`. */
export function executionOf(schema: GraphQLSchema): Execution {
  const e = (schema.extensions as { execution?: Execution }).execution;
  if (!e?.cache) throw new Error('the schema was not built by executableSchema (no plan cache)');
  return e;
}

/** The plan cache's counters, for /metrics. */
export const planCacheOf = (schema: GraphQLSchema) => executionOf(schema).cache;
