import { EXPOSED_LABELS, LABELS } from '../domain/model';
import type { GraphBatch } from '../domain/records';
import type { Gateway } from '../store/gateway';
import { BULK_PARALLEL, loadBatch, type LoadOptions } from '../store/load';
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
  /**
   * Take the bulk path (CREATE instead of MERGE) when the store holds no graph node at the start
   * (default true). False MERGEs every record whatever the store holds.
   */
  bulk?: boolean;
  /** Rows per write transaction (default: the loader's). */
  batchSize?: number;
  /** Write transactions in flight at once (default BULK_PARALLEL). */
  parallel?: number;
}

export interface SeedSummary {
  nodes: number;
  rels: number;
  ms: number;
  /** Whether the bulk path was taken (the store held no graph node at the start). */
  bulk: boolean;
}

/**
 * Loads the reported facts, then the synthetic layer banner by banner, generating the next banner
 * while the current one is written. Idempotent: on a store that already holds graph nodes every
 * record is MERGEd on its id, so seeding twice yields the same graph. On a store that holds none
 * (a new store, or after `reset`) every node is new — the reported facts and the banners have
 * disjoint ids — so the loader CREATEs them (the bulk path), which writes the same graph faster.
 */
export async function seed(gw: Gateway, o: SeedOptions): Promise<SeedSummary> {
  const t0 = performance.now();
  if (o.reset) {
    o.onPhase?.('reset');
    await resetGraph(gw);
  }
  const bulk = (o.bulk ?? true) && (await holdsNoGraphNode(gw));
  const lo: LoadOptions = {
    onProgress: o.onProgress,
    absent: bulk ? 'all' : 'none',
    batchSize: o.batchSize,
    parallel: o.parallel ?? BULK_PARALLEL,
  };
  o.onPhase?.(`reported facts${bulk ? ' (bulk: empty store)' : ''}`);
  const total = await loadBatch(gw, reportedBatch(), lo);
  if (!o.reportedOnly) {
    o.onPhase?.(`synthetic layer, scale ${o.scale}`);
    const banners = generateSyntheticBanners(o.scale);
    let next: IteratorResult<GraphBatch> = banners.next();
    if (!next.done)
      // banners are generated alike, so the first one times the scale estimates the whole layer
      o.onEstimate?.(total.nodes + total.rels + (next.value.nodes.length + next.value.rels.length) * o.scale);
    while (!next.done) {
      const writing = loadBatch(gw, next.value, lo);
      // its failure is taken by the await below; until then it must not count as unhandled
      writing.catch(() => undefined);
      // once the loader's first transaction is on its way, generate the next banner while Neo4j writes
      await new Promise((resolve) => setImmediate(resolve));
      const after = banners.next();
      const c = await writing;
      total.nodes += c.nodes;
      total.rels += c.rels;
      next = after;
    }
  }
  return { ...total, ms: performance.now() - t0, bulk };
}

/** True when no node of the published graph (anything but the service's bookkeeping) is stored. */
export async function holdsNoGraphNode(gw: Gateway): Promise<boolean> {
  for (const l of LABELS) {
    if (!EXPOSED_LABELS.has(l)) continue;
    // a label's count comes from Neo4j's count store: no scan
    const [{ n }] = await gw.read('seed.labelCount', `MATCH (n:${l}) RETURN count(n) AS n`);
    if (n !== 0) return false;
  }
  return true;
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
