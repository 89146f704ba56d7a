import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { possibleTypes } from '../../schema/possible-types.json'; // or fetch('/possible-types.json') at start

export interface ClientSetup {
  /** Where the service runs, e.g. location.origin in a page served by it. */
  origin: string;
  /** The signed-in user's token, or null for anonymous reads. */
  token: () => string | null;
  /** Browsers have WebSocket; Node 20 passes `ws`'s. */
  webSocketImpl?: unknown;
}

/** Apollo Client 4 for bangfu-graph: queries over HTTP, subscriptions over graphql-ws. */
export function createApolloClient({ origin, token, webSocketImpl }: ClientSetup) {
  const bearer = (): Record<string, string> => {
    const t = token();
    return t ? { authorization: `Bearer ${t}` } : {};
  };
  const http = new HttpLink({
    uri: `${origin}/graphql`,
    headers: bearer(),
    // Only with useGETForQueries: true, add the header CSRF prevention asks for:
    // headers: { ...bearer(), 'apollo-require-preflight': 'true' },
  });
  const ws = new GraphQLWsLink(
    createClient({
      url: `${origin.replace(/^http/, 'ws')}/graphql`,
      connectionParams: bearer,
      webSocketImpl,
    }),
  );
  return new ApolloClient({
    link: split(
      ({ query }) => {
        const d = getMainDefinition(query);
        return d.kind === 'OperationDefinition' && d.operation === 'subscription';
      },
      ws,
      http,
    ),
    // Objects are identified by __typename and id (the default): select id and they normalise.
    cache: new InMemoryCache({ possibleTypes }),
  });
}
