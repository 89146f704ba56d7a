import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Context } from '../graphql/context';

/** A JSON body as body-parser takes it without inflating: no charset but UTF-8. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export interface GraphqlPostRoute {
  app: Express;
  maxBodyBytes: number;
  /**
   * Before the body, in Express's order: request log, HTTP metrics, CORS (`allowedMethods` has
   * nothing to say to a POST /graphql: test/unit/allowed-methods.test.ts).
   */
  front: readonly RequestHandler[];
  /** After the body: batch limit, token, rate limit, the 401. */
  checks: readonly RequestHandler[];
  /** What Express's route ends with: body failures in the GraphQL error shape (limits.ts). */
  onError: ErrorRequestHandler;
  apollo: ApolloServer<Context>;
  context: (req: Request) => Promise<Context>;
}

/**
 * The service's one busy request, `POST /graphql` with a JSON body, served without Express: its
 * router, body-parser, `res.send`, and the change of the request's and response's prototypes to
 * Express's, which alone cost a light read about a fifth of its CPU (docs/benchmarks.md, "POST
 * /graphql without Express"). The steps are the route's own handlers in the route's order; they
 * use Node's API only (the answers in http-errors.ts included), and what they read of Express's
 * request is set here. Reading the body and writing the answer are done as body-parser (strict,
 * UTF-8, the size limit) and `expressMiddleware` do them. Anything else — another path or
 * method, a query string, a compressed, chunked or too large body, another media type — is left
 * to Express (`false`), so every refusal keeps its one answer. test/integration/graphql-post.int.test.ts
 * holds the two paths' answers (status, headers, body) equal.
 */
export function graphqlPost(route: GraphqlPostRoute): (req: IncomingMessage, res: ServerResponse) => boolean {
  const steps: RequestHandler[] = [...route.front, readBody, ...route.checks, answer(route)];
  return (rawReq, rawRes) => {
    if (!takes(rawReq, route.maxBodyBytes)) return false;
    const req = rawReq as Request;
    const res = rawRes as Response;
    // What the handlers read of Express's request, as own properties, not Express's prototypes.
    // `ip` is Express's getter (its trust proxy setting), for the rate limit's key.
    Object.assign(req, { originalUrl: req.url, app: route.app });
    Object.defineProperty(req, 'ip', { get: () => Reflect.get(route.app.request, 'ip', req) as unknown });
    Object.assign(res, { append });
    run(steps, route.onError, req, res);
    return true;
  };
}

/**
 * Express's `res.append` (express-rate-limit writes its RateLimit headers with it): another value
 * for a header, after those it has. Express's `res.set` special-cases only Content-Type, which
 * nothing appends.
 */
function append(this: ServerResponse, field: string, value: string | string[]): ServerResponse {
  const prev = this.getHeader(field);
  const next = !prev ? value : [prev, value].flat();
  this.setHeader(field, Array.isArray(next) ? next.map(String) : String(next));
  return this;
}

/** Whether graphqlPost serves a request (by its method, URL and headers alone). */
export function takes(
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
  maxBodyBytes: number,
): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const h = req.headers;
  const length = Number(h['content-length']);
  return (
    PLAIN_JSON.test(h['content-type'] ?? '') &&
    (h['content-encoding'] === undefined || h['content-encoding'] === 'identity') &&
    h['transfer-encoding'] === undefined &&
    Number.isSafeInteger(length) &&
    length <= maxBodyBytes
  );
}

/** Runs handlers as Express 5 does: `next(err)` or a throw or a rejection goes to `onError`. */
function run(steps: readonly RequestHandler[], onError: ErrorRequestHandler, req: Request, res: Response) {
  let i = 0;
  const fail = (err: unknown) => {
    try {
      onError(err, req, res, () => lastResort(res));
    } catch {
      lastResort(res);
    }
  };
  const next: NextFunction = (err?: unknown) => {
    if (err) return fail(err);
    const step = steps[i++];
    if (!step) return lastResort(res);
    try {
      const r = step(req, res, next) as unknown;
      if (r instanceof Promise) r.catch(fail);
    } catch (e) {
      fail(e);
    }
  };
  next();
}

/** Express's final handler for what nothing answered: a bare 500, or a cut connection mid-answer. */
function lastResort(res: ServerResponse) {
  if (res.headersSent) res.destroy();
  else {
    res.statusCode = 500;
    res.end();
  }
}

/**
 * body-parser's `json({ strict: true })` for a UTF-8 body whose length the header gives: the
 * byte-order mark dropped (its decoder does), an empty body is `{}`, anything but an object or
 * array after leading whitespace is a parse failure carrying the text, as body-parser's is.
 */
const readBody: RequestHandler = (req, _res, next) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  // a client that leaves mid-body: raw-body's error, answered (to no one) as Express would
  req.once('error', () =>
    next(Object.assign(new Error('request aborted'), { status: 400, type: 'request.aborted' })),
  );
  req.once('end', () => {
    let text = Buffer.concat(chunks).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
      req.body = parseStrict(text);
    } catch {
      return next(
        Object.assign(new SyntaxError('bad JSON'), { status: 400, type: 'entity.parse.failed', body: text }),
      );
    }
    next();
  });
};

function parseStrict(text: string): unknown {
  if (text.length === 0) return {};
  const first = /^[ \t\n\r]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
  return JSON.parse(text) as unknown;
}

/** `expressMiddleware` of @as-integrations/express5, writing the answer without `res.send`. */
function answer(route: GraphqlPostRoute): RequestHandler {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const out = await route.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: req.body },
      context: () => route.context(req),
    });
    await send(out, res);
  };
}

async function send(out: HTTPGraphQLResponse, res: ServerResponse) {
  for (const [key, value] of out.headers) res.setHeader(key, value);
  res.statusCode = out.status ?? 200;
  if (out.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(out.body.string));
    res.end(out.body.string);
    return;
  }
  for await (const chunk of out.body.asyncIterator) res.write(chunk);
  res.end();
}
