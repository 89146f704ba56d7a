import type { Request, Response } from 'express';
import type { ErrorCode } from '../domain/errors';

/**
 * Answers a request that is refused before it reaches Apollo (too large, rate limited, malformed
 * JSON, a batch) in the same shape as a GraphQL error response, so clients handle one error model:
 * `{ errors: [{ message, extensions: { code, … } }] }`. The media type follows the GraphQL over
 * HTTP spec: `application/graphql-response+json` when the client accepts it, JSON otherwise.
 */
export function sendRequestError(
  req: Request,
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): void {
  if (res.headersSent) return;
  const graphqlResponse = req.accepts(['application/json', 'application/graphql-response+json']);
  res
    .status(status)
    .type(
      graphqlResponse === 'application/graphql-response+json'
        ? 'application/graphql-response+json; charset=utf-8'
        : 'application/json; charset=utf-8',
    )
    .send(JSON.stringify({ errors: [{ message, extensions: { ...details, code } }] }));
}
