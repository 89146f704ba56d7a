import path from 'node:path';
import { z } from 'zod';
import { SCHEMA_DIR } from './paths';

/** Trusted documents: run only the operations of a manifest (docs/clients.md). */
export interface DocumentsConfig {
  /** When true, /graphql and the WebSocket run only documents listed in `manifestFile`. */
  readonly trustedOnly: boolean;
  /** `{ "<sha256 of the document>": "<document>" }`, written by `npm run trusted-documents`. */
  readonly manifestFile: string;
}

/** The environment variables of this module, merged into the schema of `loadConfig`. */
export const DOCUMENTS_ENV = {
  TRUSTED_DOCUMENTS: z.enum(['on', 'off']).default('off'),
  TRUSTED_DOCUMENTS_FILE: z.string().min(1).default(path.join(SCHEMA_DIR, 'trusted-documents.json')),
};

type DocumentsEnv = z.output<ReturnType<typeof z.object<typeof DOCUMENTS_ENV>>>;

export function documentsConfig(e: DocumentsEnv, cwd: string): DocumentsConfig {
  return Object.freeze({
    trustedOnly: e.TRUSTED_DOCUMENTS === 'on',
    manifestFile: path.resolve(cwd, e.TRUSTED_DOCUMENTS_FILE),
  });
}
