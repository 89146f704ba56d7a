import { Kind, visit, type DocumentNode } from 'graphql';
import { AppError } from '../domain/errors';
import { stableJson } from '../domain/stable-json';

/**
 * The estimated cost of operations already priced, so a document sent again with the same
 * cost-relevant variables is not walked again (the estimate walks every field of the document
 * with its arguments coerced, on every request).
 *
 * A cost depends on the document, the operation name and the variables: page sizes, id lists and
 * filters may be variables, and `@skip`/`@include` may name one. The key holds every variable of
 * the request except those used only as the whole value of an argument no estimator reads — a
 * node's `id` and a page's `after`/`before` cursor — so pages and nodes of one document share
 * their price while `$first: 5` and `$first: 100` are priced apart. Both outcomes are kept: a
 * cost, and a refusal of a filter over its bounds (an AppError, a function of the filter's
 * value). Anything else the estimate throws (variables that do not coerce) is not kept.
 */

/** Arguments whose value the cost estimators never read. */
const UNPRICED_ARGUMENTS: ReadonlySet<string> = new Set(['id', 'after', 'before']);

/** Prices kept per document (its variants by operation name and variables). */
export const COSTS_PER_DOCUMENT = 64;

type Outcome = { cost: number } | { refused: AppError };

interface Priced {
  /** The variables the cost may depend on, sorted. */
  relevant: readonly string[];
  outcomes: Map<string, Outcome>;
}

export class CostCache {
  hits = 0;
  misses = 0;
  private readonly documents = new WeakMap<DocumentNode, Priced>();

  /**
   * The cost of `operationName` of `document` under `variables`: cached, or `estimate()` (whose
   * AppError is kept and rethrown like a cost is returned).
   */
  costOf(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
    estimate: () => number,
  ): number {
    let priced = this.documents.get(document);
    if (!priced)
      this.documents.set(document, (priced = { relevant: pricedVariables(document), outcomes: new Map() }));
    const key = `${operationName ?? ''}\n${stableJson(priced.relevant.map((v) => variables[v] ?? null))}`;
    let outcome = priced.outcomes.get(key);
    if (outcome) this.hits++;
    else {
      this.misses++;
      try {
        outcome = { cost: estimate() };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        outcome = { refused: e };
      }
      if (priced.outcomes.size >= COSTS_PER_DOCUMENT)
        priced.outcomes.delete(priced.outcomes.keys().next().value!);
      priced.outcomes.set(key, outcome);
    }
    if ('refused' in outcome) throw outcome.refused;
    return outcome.cost;
  }
}

/** The variables of `document` used anywhere but as the whole value of an unpriced argument. */
export function pricedVariables(document: DocumentNode): string[] {
  const used = new Set<string>();
  visit(document, {
    Argument: (a) => {
      // `id: $id`: the value is read by no estimator; don't descend into it
      if (UNPRICED_ARGUMENTS.has(a.name.value) && a.value.kind === Kind.VARIABLE) return false;
      return undefined;
    },
    Variable: (v) => void used.add(v.name.value),
    VariableDefinition: () => false, // a definition is not a use
  });
  return [...used].sort();
}
