import type { Gateway } from '../store/gateway';
import { loadBatch } from '../store/load';
import { reportedBatch } from './reported';
import { generateSyntheticBanners } from './synthetic';

export interface SeedOptions {
  /** Multiplies the synthetic network; 1 is the report's 准格尔旗. */
  scale: number;
  /** Delete the whole graph first. */
  reset?: boolean;
  /** Load only the REPORTED facts (no synthetic layer). */
  reportedOnly?: boolean;
  /** Called after each write transaction with the records it wrote. */
  onProgress?: (records: number) => void;
  /** Called before each phase. */
  onPhase?: (phase: string) => void;
  /** Called once the size of the whole load can be estimated (after the first synthetic banner). */
  onEstimate?: (records: number) => void;
}

export interface SeedSummary {
  nodes: number;
  rels: number;
  ms: number;
}

/**
 * Loads the reported facts, then the synthetic layer banner by banner. Idempotent: every record
 * is MERGEd on its id, so seeding twice yields the same graph.
 */
export async function seed(gw: Gateway, o: SeedOptions): Promise<SeedSummary> {
  const t0 = performance.now();
  if (o.reset) {
    o.onPhase?.('reset');
    await resetGraph(gw);
  }
  o.onPhase?.('reported facts');
  const total = await loadBatch(gw, reportedBatch(), { onProgress: o.onProgress });
  if (!o.reportedOnly) {
    o.onPhase?.(`synthetic layer, scale ${o.scale}`);
    let first = true;
    for (const batch of generateSyntheticBanners(o.scale)) {
      // banners are generated alike, so the first one times the scale estimates the whole layer
      if (first)
        o.onEstimate?.(total.nodes + total.rels + (batch.nodes.length + batch.rels.length) * o.scale);
      first = false;
      const c = await loadBatch(gw, batch, { onProgress: o.onProgress });
      total.nodes += c.nodes;
      total.rels += c.rels;
    }
  }
  return { ...total, ms: performance.now() - t0 };
}

/**
 * Deletes every relationship, then every node, in bounded transactions (relationships first:
 * a DETACH DELETE of a hub such as a programme would drag its thousands of edges into one
 * transaction and exceed the transaction memory limit).
 */
export async function resetGraph(gw: Gateway): Promise<void> {
  const drain = async (name: string, cypher: string) => {
    for (;;) {
      const [{ deleted }] = await gw.write(name, cypher);
      if (deleted === 0) return;
    }
  };
  await drain('seed.resetRels', 'MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS deleted');
  await drain('seed.resetNodes', 'MATCH (n) WITH n LIMIT 50000 DELETE n RETURN count(*) AS deleted');
}

/** True when the graph holds no Source yet (nothing was ever seeded or imported). */
export async function isEmpty(gw: Gateway): Promise<boolean> {
  const [{ n }] = await gw.read('seed.isEmpty', 'MATCH (s:Source) RETURN count(s) AS n');
  return n === 0;
}
