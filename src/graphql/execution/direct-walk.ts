import {
  defaultTypeResolver,
  getArgumentValues,
  GraphQLError,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  locatedError,
  type ExecutionResult,
  type FieldNode,
  type GraphQLAbstractType,
  type GraphQLList,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { inspect } from 'graphql/jsutils/inspect';
import { isPromise } from 'graphql/jsutils/isPromise';
import { pathToArray, type Path } from 'graphql/jsutils/Path';
import { deepFreeze, type DirectPlan, type Step } from './direct-plan';
import { Errors, forObject, leaf, pathTo, runtimeTypeOf, type Key } from './direct-parts';

/**
 * One request's walk of a DirectPlan: graphql-js 16's `execute` for a query (executeFields,
 * executeField, completeValue and the rest, with its promise structure, error messages, located
 * errors and null propagation), minus what a plan already knows: no field collection, no
 * definition lookup, arguments coerced once per field and request, one resolve info per field and
 * request. A value's place in the answer is (`at`, `key`): the path of its parent and its own
 * key; a Path object is made only where one is needed (a nested object, an error, `info.path`).
 */

export class Walk {
  private readonly errors = new Errors();
  private readonly infos: StepInfo[] = [];
  private readonly argsOf: Readonly<Record<string, unknown>>[] = [];
  /** The field whose resolver is running, and its parent's path (for `info.path`). */
  private currentStep: Step | null = null;
  private currentAt: Path | undefined = undefined;

  constructor(
    private readonly plan: DirectPlan,
    private readonly ctx: unknown,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** The answer, as graphql-js's `execute` gives it. */
  run(): ExecutionResult | Promise<ExecutionResult> {
    const response = (data: unknown): ExecutionResult =>
      this.errors.list.length === 0
        ? { data: data as Record<string, unknown> }
        : { errors: this.errors.list, data: data as Record<string, unknown> | null };
    try {
      const r = this.fields(this.plan.root, undefined, undefined);
      if (!isPromise(r)) return response(r);
      return Promise.resolve(r).then(response, (e: GraphQLError) => {
        this.errors.add(e, undefined);
        return response(null);
      });
    } catch (e) {
      this.errors.add(e as GraphQLError, undefined);
      return response(null);
    }
  }

  private fields(steps: readonly Step[], source: unknown, at: Path | undefined): unknown {
    const out: Record<string, unknown> = {};
    let promises = false;
    try {
      for (const s of steps) {
        const r = s.field === null ? s.parentType.name : this.field(s, source, at);
        out[s.key] = r;
        if (isPromise(r)) promises = true;
      }
    } catch (e) {
      if (promises)
        return forObject(out).finally(() => {
          throw e;
        });
      throw e;
    }
    return promises ? forObject(out) : out;
  }

  private field(s: Step, source: unknown, at: Path | undefined): unknown {
    const type = s.field!.type;
    try {
      const args = s.args ?? this.args(s);
      this.currentStep = s;
      this.currentAt = at;
      let result: unknown;
      try {
        result = s.resolve(source, args, this.ctx, this.info(s));
      } finally {
        this.currentStep = null;
      }
      const completed = isPromise(result)
        ? result.then((r) => this.complete(s, type, at, s.key, r))
        : this.complete(s, type, at, s.key, result);
      if (isPromise(completed)) return completed.then(undefined, (raw) => this.fail(raw, s, type, at, s.key));
      return completed;
    } catch (raw) {
      return this.fail(raw, s, type, at, s.key);
    }
  }

  /** graphql-js's handleFieldError: null in a nullable place, else up to the parent. */
  private fail(raw: unknown, s: Step, type: GraphQLOutputType, at: Path | undefined, key: Key): null {
    const path = pathToArray(pathTo(s, at, key));
    const error = locatedError(raw, s.nodes, path);
    if (isNonNullType(type)) throw error;
    this.errors.add(error, path);
    return null;
  }

  private complete(s: Step, type: GraphQLOutputType, at: Path | undefined, key: Key, v: unknown): unknown {
    if (v instanceof Error) throw v;
    if (isNonNullType(type)) {
      const completed = this.complete(s, type.ofType, at, key, v);
      if (completed === null)
        throw new Error(`Cannot return null for non-nullable field ${s.parentType.name}.${s.field!.name}.`);
      return completed;
    }
    if (v == null) return null;
    if (isListType(type)) return this.list(s, type, at, key, v);
    if (isLeafType(type)) return leaf(type, v);
    if (isAbstractType(type)) return this.abstract(s, type, at, key, v);
    return this.object(s, type, at, key, v);
  }

  private list(s: Step, type: GraphQLList<GraphQLOutputType>, at: Path | undefined, key: Key, v: unknown) {
    if (typeof (v as Iterable<unknown>)[Symbol.iterator] !== 'function' || typeof v !== 'object')
      throw new GraphQLError(
        `Expected Iterable, but did not find one for field "${s.parentType.name}.${s.field!.name}".`,
      );
    const here = pathTo(s, at, key);
    const itemType = type.ofType;
    let promises = false;
    const items = Array.isArray(v) ? (v as unknown[]) : Array.from(v as Iterable<unknown>);
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      const r = this.item(s, itemType, here, i, items[i]);
      if (isPromise(r)) promises = true;
      out.push(r);
    }
    return promises ? Promise.all(out) : out;
  }

  private item(s: Step, type: GraphQLOutputType, at: Path, i: number, item: unknown): unknown {
    try {
      const completed = isPromise(item)
        ? item.then((r) => this.complete(s, type, at, i, r))
        : this.complete(s, type, at, i, item);
      if (!isPromise(completed)) return completed;
      return completed.then(undefined, (raw) => this.fail(raw, s, type, at, i));
    } catch (raw) {
      return this.fail(raw, s, type, at, i);
    }
  }

  private abstract(s: Step, type: GraphQLAbstractType, at: Path | undefined, key: Key, v: unknown) {
    const runtime = (type.resolveType ?? defaultTypeResolver)(v, this.ctx, this.info(s), type);
    return isPromise(runtime)
      ? runtime.then((r) => this.object(s, runtimeTypeOf(this.plan.schema, r, type, s, v), at, key, v))
      : this.object(s, runtimeTypeOf(this.plan.schema, runtime, type, s, v), at, key, v);
  }

  private object(s: Step, type: GraphQLObjectType, at: Path | undefined, key: Key, v: unknown): unknown {
    const steps = this.plan.subSteps(s, type);
    const invalid = () =>
      new GraphQLError(`Expected value of type "${type.name}" but got: ${inspect(v)}.`, {
        nodes: s.nodes as FieldNode[],
      });
    if (type.isTypeOf) {
      const ok = type.isTypeOf(v, this.ctx, this.info(s));
      if (isPromise(ok))
        return ok.then((r) => {
          if (!r) throw invalid();
          return this.fields(steps, v, pathTo(s, at, key));
        });
      if (!ok) throw invalid();
    }
    return this.fields(steps, v, pathTo(s, at, key));
  }

  private args(s: Step): Readonly<Record<string, unknown>> {
    return (this.argsOf[s.index] ??= deepFreeze(getArgumentValues(s.field!, s.nodes[0], this.variables)));
  }

  private info(s: Step): GraphQLResolveInfo {
    return (this.infos[s.index] ??= new StepInfo(this, s, this.plan, this.variables));
  }

  /** The path of `s`'s value while its resolver runs (StepInfo's `path`). */
  pathOf(s: Step): Path {
    if (this.currentStep !== s) throw new Error('info.path is read only while the resolver runs');
    return pathTo(s, this.currentAt, s.key);
  }
}

/** A field's resolve info in one request (graphql-js makes one per value). */
class StepInfo implements GraphQLResolveInfo {
  readonly fieldName: string;
  readonly fieldNodes: readonly FieldNode[];
  readonly returnType: GraphQLOutputType;
  readonly parentType: GraphQLObjectType;
  readonly schema: GraphQLSchema;
  readonly fragments: DirectPlan['fragments'];
  readonly rootValue: unknown = undefined;
  readonly operation: OperationDefinitionNode;

  constructor(
    private readonly walk: Walk,
    private readonly step: Step,
    plan: DirectPlan,
    readonly variableValues: Record<string, unknown>,
  ) {
    this.fieldName = step.field!.name;
    this.fieldNodes = step.nodes;
    this.returnType = step.field!.type;
    this.parentType = step.parentType;
    this.schema = plan.schema;
    this.fragments = plan.fragments;
    this.operation = plan.operation;
  }

  /** The path of the value being resolved: read while the resolver runs, as the walk knows it then. */
  get path(): Path {
    return this.walk.pathOf(this.step);
  }
}
