import {
  execute,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { DirectPlan } from './direct-plan';
import { Walk } from './direct-walk';

/**
 * The service's executor, plugged into Apollo Server as a gateway's (EXECUTOR=direct, the
 * default). A query is answered by walking its DirectPlan (direct-plan.ts, kept per document and
 * operation) with direct-walk.ts: graphql-js's execution semantics, the same resolvers with the
 * same arguments, context and resolve info, so access rules, masks, errors and null propagation
 * hold as under graphql-js; without graphql-js's per-object work (collecting fields, looking up
 * definitions, coercing arguments, an info and a path per field). Every other operation
 * (mutations, subscriptions' first answer, introspection, `@skip`/`@include` on a variable, a
 * request whose variables do not coerce) is executed by graphql-js itself.
 */

/** What the executor needs of Apollo's request context (its gateway executor's argument). */
export interface ExecutorRequest {
  document: DocumentNode;
  operation?: OperationDefinitionNode | null;
  request: { variables?: Record<string, unknown>; operationName?: string };
  context: unknown;
}

/** How operations were executed, for /metrics. */
export interface ExecutorCounts {
  /** Walked by the direct executor. */
  direct: number;
  /** Executed by graphql-js. */
  unplanned: number;
}

export function directExecutor(schema: GraphQLSchema) {
  const plans = new WeakMap<DocumentNode, Map<OperationDefinitionNode, DirectPlan | null>>();
  const counts: ExecutorCounts = { direct: 0, unplanned: 0 };
  const planOf = (document: DocumentNode, operation: OperationDefinitionNode) => {
    let byOp = plans.get(document);
    if (!byOp) plans.set(document, (byOp = new Map()));
    if (!byOp.has(operation)) byOp.set(operation, DirectPlan.of(schema, document, operation));
    return byOp.get(operation)!;
  };

  const executor = async (rc: ExecutorRequest): Promise<ExecutionResult> => {
    const plan = rc.operation ? planOf(rc.document, rc.operation) : null;
    const vars = plan
      ? getVariableValues(schema, plan.operation.variableDefinitions ?? [], rc.request.variables ?? {})
      : null;
    if (plan && vars?.coerced) {
      counts.direct++;
      return new Walk(plan, rc.context, vars.coerced).run();
    }
    counts.unplanned++;
    return execute({
      schema,
      document: rc.document,
      contextValue: rc.context,
      variableValues: rc.request.variables,
      operationName: rc.request.operationName,
    });
  };
  return Object.assign(executor, { counts });
}
