import type { TypedDocumentString } from './__generated__/graphql';

/**
 * The explorer's door to the service: one POST to the public GraphQL endpoint per call (and the
 * live feed's WebSocket on the same URL, live.ts). The endpoint is resolved relative to the page
 * (/explorer/ → /graphql), so the page also works behind a path prefix.
 */
export const ENDPOINT = new URL('../graphql', window.location.href).href;

/** Where a signed-in front end keeps its token (docs/clients.md); the explorer itself reads only. */
export const TOKEN_KEY = 'bangfu-token';

/** The token of this tab, if a sign-in left one; requests are anonymous without it. */
export function token(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled: anonymous
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** Thrown when the service answers with errors: the message names each error's code and path. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Runs one typed document (queries.ts); resolves with its data, typed by the document, or
 * rejects with an ApiError naming what failed.
 */
export async function gql<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<T> {
  const bearer = token();
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(
      `服务返回了非 JSON 响应 (HTTP ${res.status}) · the service answered HTTP ${res.status} without JSON`,
      [],
    );
  }
  if (body.errors?.length) {
    const lines = body.errors.map(
      (e) => `${e.extensions?.code ?? 'ERROR'}${e.path ? ` at ${e.path.join('.')}` : ''}: ${e.message}`,
    );
    throw new ApiError(
      lines.join('\n'),
      body.errors.map((e) => e.extensions?.code ?? 'ERROR'),
    );
  }
  if (!body.data) throw new ApiError(`HTTP ${res.status} without data`, []);
  return body.data;
}
