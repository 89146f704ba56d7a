import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AppError } from '../domain/errors';
import type { Context } from '../graphql/context';

/** The documents a service in trusted-documents mode runs, by the sha256 (hex) of their text. */
export type TrustedDocuments = ReadonlySet<string>;

/** Reads a manifest `{ "<sha256>": "<document>" }`; every key must be its document's hash. */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  for (const [hash, text] of Object.entries(manifest)) {
    if (sha256(text) !== hash) throw new Error(`${file}: the document under ${hash} does not hash to it`);
  }
  return new Set(Object.keys(manifest));
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The refusal of a document that is not in the manifest (HTTP 400, PERSISTED_QUERY_NOT_IN_LIST). */
export function untrusted(): GraphQLError {
  const e = new AppError(
    'PERSISTED_QUERY_NOT_IN_LIST',
    'this service runs only trusted documents (TRUSTED_DOCUMENTS=on) and this one is not in its manifest',
  );
  return new GraphQLError(e.message, { originalError: e, extensions: { http: { status: 400 } } });
}

/**
 * Trusted documents for /graphql: an operation runs only when the sha256 of its exact text is in
 * the manifest — checked after parsing, before any resolver. Automatic persisted queries keep
 * working beside it: a client that sends only a hash gets PERSISTED_QUERY_NOT_FOUND once, resends
 * the text, and the text is checked like any other.
 */
export function useTrustedDocuments(trusted: TrustedDocuments): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source }) {
          if (!trusted.has(sha256(source))) throw untrusted();
        },
      };
    },
  };
}
