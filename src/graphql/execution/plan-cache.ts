import {
  print,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Declarations } from './declarations';
import { DocumentPlan } from './document-plan';

/** Hits, misses and entries of the plan cache, as /metrics shows them. */
export interface PlanCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly size: number;
}

/**
 * The plans of documents, one per (document text, operation name), in a bounded LRU
 * (PLAN_CACHE_SIZE entries): a document seen again is planned from its cached shapes, spending no
 * time collecting selections. One per executable schema; nothing in it depends on a request.
 */
export class PlanCache implements PlanCacheStats {
  hits = 0;
  misses = 0;
  private readonly lru: LRUCache<string, DocumentPlan>;

  constructor(
    max: number,
    private readonly schema: GraphQLSchema,
    private readonly declarations: Declarations,
  ) {
    this.lru = new LRUCache({ max });
  }

  get size(): number {
    return this.lru.size;
  }

  /** Selection shapes built by the cached plans so far (a request served from cache builds none). */
  get shapesBuilt(): number {
    let n = 0;
    for (const plan of this.lru.values()) n += plan.built;
    return n;
  }

  /** The plan of the operation being executed. */
  planOf(
    operation: OperationDefinitionNode,
    fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  ): DocumentPlan {
    const key = `${operation.name?.value ?? ''}\n${documentText(operation, fragments)}`;
    const hit = this.lru.get(key);
    if (hit) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const plan = new DocumentPlan(this.schema, this.declarations, operation, fragments);
    this.lru.set(key, plan);
    return plan;
  }
}

/** The text the operation was parsed from (printed when parsed without locations). */
function documentText(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): string {
  const body = operation.loc?.source.body;
  if (body !== undefined) return body;
  return [operation, ...Object.values(fragments)].map((d) => print(d)).join('\n');
}
