import { badInput } from '../domain/errors';
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

/** Opaque cursor: base64url of the JSON keyset. */
export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify(k), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument: string): Keyset {
  try {
    const k: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(k) &&
      k.length === 2 &&
      typeof k[1] === 'string' &&
      (k[0] === null || typeof k[0] === 'string' || typeof k[0] === 'number')
    ) {
      return k as Keyset;
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(`${argument} is not a cursor returned by this connection`, { argument });
}

/**
 * Validates Relay arguments: `first`/`after` page forward, `last`/`before` backward; mixing
 * the two directions, negative counts or more than MAX_PAGE_SIZE are errors naming the argument.
 */
export function toPage(a: PageArgs): Page {
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
  const cursor = backward ? a.before : a.after;
  return {
    direction: backward ? 'backward' : 'forward',
    limit,
    from: cursor != null ? decodeCursor(cursor, backward ? 'before' : 'after') : null,
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
  totalCount: () => Promise<number>;
}

/**
 * Builds a connection from up to `limit + 1` rows fetched in seek order (the extra row only
 * tells whether another page exists). Backward pages are fetched in reverse and flipped here.
 */
export function toConnection<T>(
  rows: T[],
  page: Page,
  keyOf: (row: T) => Keyset,
  totalCount: () => Promise<number>,
): Connection<T> {
  const more = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  if (page.direction === 'backward') kept.reverse();
  const edges = kept.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.direction === 'forward' ? more : page.from !== null,
      hasPreviousPage: page.direction === 'backward' ? more : page.from !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** The models behind the schema's connection and edge types (codegen mappers). */
export type NodeConnection = Connection<NodeRow>;
export type NodeEdge = Edge<NodeRow>;
export type SearchEdgeModel = Edge<NodeRow> & { score: number; kind: string };
export type SearchConnectionModel = Omit<NodeConnection, 'edges'> & { edges: SearchEdgeModel[] };
