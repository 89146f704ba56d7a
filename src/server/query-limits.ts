import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { HardeningConfig } from '../config/hardening-config';
import { AppError } from '../domain/errors';

/**
 * The document-shape limits (graphql-armor's depth, alias and directive rules). They run as
 * validation rules, so a document over a limit is refused before execution — before any Cypher —
 * and Apollo caches only documents that passed. A rejection is reported as a validation error
 * whose `originalError` is an AppError QUERY_TOO_COMPLEX, which formatError passes on.
 */
export function queryLimitRules(h: HardeningConfig): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false };
  const { validationRules } = new ApolloArmor({
    maxDepth: { ...common, n: h.maxDepth, flattenFragments: true, onReject: [reject('depth', h.maxDepth)] },
    // graphql-armor exempts `__typename` aliases by default; each one is a response key like any other.
    maxAliases: { ...common, n: h.maxAliases, allowList: [], onReject: [reject('aliases', h.maxAliases)] },
    maxDirectives: { ...common, n: h.maxDirectives, onReject: [reject('directives', h.maxDirectives)] },
    // Cost is fan-out aware in use-query-cost.ts; tokens are limited by the parser (below);
    // Apollo's own hideSchemaDetailsFromClientErrors removes field suggestions.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return validationRules;
}

/**
 * The token limit, enforced by graphql-js's own parser (`maxTokens`). graphql-armor's Apollo
 * token plugin throws from `parsingDidStart`, outside Apollo's parse error handling, which
 * turns a refused document into an HTTP 500; graphql-js's limit is a parse error (400).
 */
export function queryParseOptions(h: HardeningConfig): ParseOptions {
  return { maxTokens: h.maxTokens };
}

/** graphql-js's message when `maxTokens` stops the parser ("more that" is its own spelling). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** The QUERY_TOO_COMPLEX error for a parse error caused by the token limit, else undefined. */
export function tokenLimitError(message: string): AppError | undefined {
  const m = TOKEN_LIMIT.exec(message);
  if (!m) return undefined;
  return tooComplex(`the document has more than ${m[1]} tokens`, 'tokens', Number(m[1]));
}

/**
 * graphql-js stops validating a document whose fields take more than its budget of comparisons
 * to check for conflicts (OverlappingFieldsCanBeMergedRule: 500,000 units, reached by ~700
 * repeats of one field) and reports only "Validation aborted.". That is a document limit like
 * the others: reported as QUERY_TOO_COMPLEX naming it, not as a validation failure.
 */
export const OVERLAP_BUDGET = 500_000;

/** The QUERY_TOO_COMPLEX error for graphql-js's aborted validation, else undefined. */
export function validationBudgetError(message: string): AppError | undefined {
  if (message !== 'Validation aborted.') return undefined;
  return tooComplex(
    `the document repeats fields too often to be validated (more than ${OVERLAP_BUDGET} field comparisons): remove repeated fields`,
    'fieldComparisons',
    OVERLAP_BUDGET,
  );
}

export function tooComplex(message: string, limit: string, max: number, extra: Record<string, unknown> = {}) {
  return new AppError('QUERY_TOO_COMPLEX', message, { limit, max, ...extra });
}

function reject(limit: string, max: number) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    // graphql-armor counts through fragments as a JavaScript number: past 2^53 it is rounded, and
    // past 10^21 written with an exponent ("found 1.1805916207174113e+21")
    const found = /found (\d+(?:\.\d+)?(?:e\+\d+)?)/.exec(error.message);
    const n = found ? Number(found[1]) : undefined;
    const counted =
      n === undefined ? '' : Number.isSafeInteger(n) ? ` (found ${n})` : ' (found more than 2^53)';
    const detail = n === undefined ? {} : { found: n };
    const message = `the document exceeds the ${limit} limit of ${max}${counted}`;
    ctx?.reportError(new GraphQLError(message, { originalError: tooComplex(message, limit, max, detail) }));
  };
}
