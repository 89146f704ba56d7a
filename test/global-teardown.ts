import type { EmbeddedNeo4j } from '../src/store/embedded/embedded-neo4j';

/** Stops the Neo4j that global-setup started (an external NEO4J_URI is left alone). */
export default async function globalTeardown(): Promise<void> {
  const neo = (globalThis as { __NEO4J__?: EmbeddedNeo4j }).__NEO4J__;
  await neo?.stop();
}
