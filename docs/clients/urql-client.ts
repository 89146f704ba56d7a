import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import type { ClientSetup } from './apollo-client';

/** urql 6 for bangfu-graph: queries as GET (urql's default) with the CSRF header, subscriptions over graphql-ws. */
export function createUrqlClient({ origin, token, webSocketImpl }: ClientSetup) {
  const bearer = (): Record<string, string> => {
    const t = token();
    return t ? { authorization: `Bearer ${t}` } : {};
  };
  const ws = createWsClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    connectionParams: bearer,
    webSocketImpl,
  });
  return new Client({
    url: `${origin}/graphql`,
    preferGetMethod: true, // urql 6's default: queries as GET …
    fetchOptions: () => ({
      headers: {
        ...bearer(),
        'apollo-require-preflight': 'true', // … which CSRF prevention accepts only with this header
      },
    }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });
}
