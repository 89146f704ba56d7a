import type { Fixtures, Operation } from './operations';
import type { VariantName, VariantServer } from './servers';
import { tree, type Tree } from './json';

/** One prepared HTTP request of one variant for one operation (what autocannon replays too). */
export interface PreparedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** The request `variant` answers `op` with, or null when the variant has no such operation. */
export function prepare(op: Operation, server: VariantServer, f: Fixtures): PreparedRequest | null {
  const headers = { ...HEADERS, ...server.headers };
  if (server.name === 'floor') {
    return { url: `${server.url}/op/${op.name}`, body: JSON.stringify(op.floor(f)), headers };
  }
  const gql = server.name === 'ours' ? op.ours(f) : op.peer?.(f);
  return gql ? { url: `${server.url}/graphql`, body: JSON.stringify(gql), headers } : null;
}

export const HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** A GraphQL request of one variant for a document of the bench's own (e.g. a page of a walk). */
export const pageRequest = (
  server: VariantServer,
  query: string,
  variables: Record<string, unknown>,
): PreparedRequest => ({
  url: `${server.url}/graphql`,
  body: JSON.stringify({ query, variables }),
  headers: { ...HEADERS, ...server.headers },
});

/**
 * Sends a request and returns the response text; a non-200 status is an error naming the body,
 * and so is no answer within 3 minutes.
 */
export async function send(r: PreparedRequest): Promise<string> {
  const res = await fetch(r.url, {
    method: 'POST',
    headers: r.headers,
    body: r.body,
    signal: AbortSignal.timeout(180_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${r.url}: ${text.slice(0, 500)}`);
  return text;
}

/** The answer of a GraphQL variant (`data`) or of the floor (`rows`); errors are thrown. */
export function answer(variant: VariantName, text: string): Tree {
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown[]; rows?: unknown };
  if (body.errors?.length)
    throw new Error(`${variant} answered errors: ${JSON.stringify(body.errors).slice(0, 800)}`);
  return tree(variant === 'floor' ? body.rows : body.data);
}
