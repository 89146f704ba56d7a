import { badInput } from '../domain/errors';
import type { CursorScope } from './cursors';
import type { Keyset, Page } from '../domain/page';
import type { NodeRow } from '../store/reads/reads';

export type { Keyset, Page };

/** The most items one page may hold; asking for more is BAD_USER_INPUT (documented in the schema). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Relay pagination arguments as the schema declares them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The direction and size of a page, or BAD_USER_INPUT naming the argument (see toPage). */
export function checkPageArgs(a: PageArgs): { backward: boolean; limit: number } {
  const forward = a.first != null || a.after != null;
  const backward = a.last != null || a.before != null;
  if (forward && backward) {
    throw badInput('use first/after to page forward or last/before to page backward, not both', {
      argument: 'first',
    });
  }
  const [argument, n] = backward ? ['last', a.last] : ['first', a.first];
  const limit = n ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput(`${argument} must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}`, { argument });
  }
  return { backward, limit };
}

/**
 * Validates Relay arguments: `first`/`after` page forward, `last`/`before` backward; mixing
 * the two directions, negative counts or more than MAX_PAGE_SIZE are errors naming the argument,
 * and so is a cursor that `cursors` (the list's scope) did not issue.
 */
export function toPage(a: PageArgs, cursors: CursorScope): Page {
  const { backward, limit } = checkPageArgs(a);
  const cursor = backward ? a.before : a.after;
  return {
    direction: backward ? 'backward' : 'forward',
    limit,
    from: cursor != null ? cursors.decode(cursor, backward ? 'before' : 'after') : null,
  };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** Resolved lazily: only computed when the client selects it. */
  totalCount: () => number | Promise<number>;
}

/**
 * Builds a connection from up to `fetchLimit(page)` rows fetched in seek order (the extra row only
 * tells whether another page exists). Backward pages are fetched in reverse and flipped here.
 * Each edge's cursor is sealed by `cursors`, the scope of the list the page belongs to.
 */
export function toConnection<T>(
  rows: T[],
  page: Page,
  keyOf: (row: T) => Keyset,
  totalCount: () => number | Promise<number>,
  cursors: CursorScope,
): Connection<T> {
  const kept = rows.slice(0, page.limit);
  if (page.direction === 'backward') kept.reverse();
  const edges = kept.map((node) => new SealedEdge(node, keyOf, cursors));
  return { edges, pageInfo: pageInfoOf(page, rows.length, edges), totalCount };
}

/** The page info of `page`, which fetched `fetched` rows (its items and maybe the one beyond). */
export function pageInfoOf<T>(page: Page, fetched: number, edges: readonly Edge<T>[]): PageInfo<T> {
  // unknown when the page was fetched exactly: then nothing selected its pageInfo
  const more = page.exact ? null : fetched > page.limit;
  const back = page.direction === 'backward';
  return new PageInfo(back ? page.from !== null : more, back ? more : page.from !== null, edges);
}

/**
 * An edge whose cursor is sealed when first read (an HMAC and an AES-GCM seal each): most
 * pages are read without their cursors, and a large nested page holds hundreds of edges.
 */
export class SealedEdge<T> implements Edge<T> {
  private sealed: string | undefined;
  constructor(
    readonly node: T,
    private readonly keyOf: (row: T) => Keyset,
    private readonly cursors: CursorScope,
  ) {}

  get cursor(): string {
    return (this.sealed ??= this.cursors.encode(this.keyOf(this.node)));
  }
}

/**
 * Page info whose start and end cursors are its first and last edges' (sealed when read). Whether
 * another page exists is null for a page fetched exactly (`Page.exact`), and reading it then is a
 * planning fault: it throws rather than answer `false`.
 */
export class PageInfo<T> {
  constructor(
    private readonly next: boolean | null,
    private readonly previous: boolean | null,
    private readonly edges: readonly Edge<T>[],
  ) {}

  get hasNextPage(): boolean {
    return known(this.next);
  }

  get hasPreviousPage(): boolean {
    return known(this.previous);
  }

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

function known(more: boolean | null): boolean {
  if (more === null) throw new Error('pageInfo read on a page fetched without the row beyond it');
  return more;
}

/** The models behind the schema's connection and edge types (codegen mappers). */
export type NodeConnection = Connection<NodeRow>;
export type NodeEdge = Edge<NodeRow>;
export type SearchEdgeModel = Edge<NodeRow> & { score: number; kind: string };
export type SearchConnectionModel = Omit<NodeConnection, 'edges'> & { edges: SearchEdgeModel[] };
