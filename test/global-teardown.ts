import fs from 'node:fs';
import type { EmbeddedNeo4j } from '../src/store/embedded/embedded-neo4j';

/** Stops the Neo4j that global-setup started and removes its store (an external NEO4J_URI is left alone). */
export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __NEO4J__?: EmbeddedNeo4j; __NEO4J_STORE__?: string };
  await g.__NEO4J__?.stop();
  if (g.__NEO4J_STORE__) fs.rmSync(g.__NEO4J_STORE__, { recursive: true, force: true });
}
