import accepts from 'accepts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../domain/errors';

/**
 * Answers a request that is refused before it reaches Apollo (too large, rate limited, malformed
 * JSON, a batch) in the same shape as a GraphQL error response, so clients handle one error model:
 * `{ errors: [{ message, extensions: { code, … } }] }`. The media type follows the GraphQL over
 * HTTP spec: `application/graphql-response+json` when the client accepts it, JSON otherwise.
 */
export function sendRequestError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): void {
  if (res.headersSent) return;
  // Express's req.accepts: the first of these the Accept header takes, the first with none
  const graphqlResponse = accepts(req).type(['application/json', 'application/graphql-response+json']);
  const body = JSON.stringify({ errors: [{ message, extensions: { ...details, code } }] });
  // what Express's res.status().type().send() writes, without Express's response (graphql-post.ts)
  res.statusCode = status;
  res.setHeader(
    'Content-Type',
    graphqlResponse === 'application/graphql-response+json'
      ? 'application/graphql-response+json; charset=utf-8'
      : 'application/json; charset=utf-8',
  );
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
