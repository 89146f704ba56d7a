/**
 * The explorer's only door to the service: one POST to the public GraphQL endpoint per call.
 * The endpoint is resolved relative to the page (/explorer/ → /graphql), so the page also works
 * behind a path prefix.
 */

const ENDPOINT = new URL('../graphql', window.location.href).href;

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

/** Runs one operation; resolves with its data, or rejects with an ApiError naming what failed. */
export async function gql<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({ query, variables }),
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
