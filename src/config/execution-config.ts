import { z } from 'zod';
import { integer } from './env-schemas';

/**
 * How documents are planned (src/graphql/execution/). Read by `loadConfig` with the rest of the
 * configuration; documented in docs/architecture.md ("One read") and `.env.example`.
 */
export interface ExecutionConfig {
  /** Documents whose plans are kept, least recently used dropped first (PLAN_CACHE_SIZE). */
  readonly planCacheSize: number;
  /**
   * Rows refuse a read of a property their plan did not fetch, with an error naming it
   * (PLAN_CHECKS=on|off; default on, off when NODE_ENV=production: the check costs a proxy per row).
   */
  readonly planChecks: boolean;
  /**
   * What executes operations (EXECUTOR): `direct` walks a query over its plan, with graphql-js's
   * semantics, and leaves the rest to graphql-js (src/graphql/execution/direct-executor.ts);
   * `graphql-js` executes everything with graphql-js, as Apollo Server does by itself.
   */
  readonly executor: 'direct' | 'graphql-js';
}

/** The environment variables of this module, merged into the schema of `loadConfig`. */
export const EXECUTION_ENV = {
  PLAN_CACHE_SIZE: integer(1, 100_000).default(500),
  PLAN_CHECKS: z.enum(['on', 'off'], { message: 'expected on or off' }).optional(),
  EXECUTOR: z.enum(['direct', 'graphql-js'], { message: 'expected direct or graphql-js' }).default('direct'),
};

type ExecutionEnv = z.output<ReturnType<typeof z.object<typeof EXECUTION_ENV>>>;

export function executionConfig(e: ExecutionEnv, nodeEnv: string): ExecutionConfig {
  return Object.freeze({
    planCacheSize: e.PLAN_CACHE_SIZE,
    planChecks: (e.PLAN_CHECKS ?? (nodeEnv === 'production' ? 'off' : 'on')) === 'on',
    executor: e.EXECUTOR,
  });
}

/** The defaults, for services built without a loaded Config (tests): checks on. */
export function defaultExecutionConfig(): ExecutionConfig {
  return executionConfig(z.object(EXECUTION_ENV).parse({}), 'test');
}
