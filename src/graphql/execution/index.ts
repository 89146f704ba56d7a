/**
 * The read engine's public face: how resolvers declare what they need, and how a field gets its
 * plan. See docs/architecture.md for the path of one read.
 */
export { prefetches, readsProps, type PrefetchMeta } from './declarations';
export { executionOf, planCacheOf, withExecution, type ExecutionOptions } from './execution';
export { selects } from './lookahead';
export { nestedOf, pagePlan, type FieldPlan, type RowPlan } from './plan-items';
export { fieldPlanOf, MAX_FETCH_LEVELS, ROW_BUDGET, rowPlanOf } from './planner';
export { directExecutor, type ExecutorCounts } from './direct-executor';
