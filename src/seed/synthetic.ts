import type { GraphBatch } from '../domain/records';
import { generateBanner } from './synth/banner';

/**
 * The SYNTHETIC layer: a deterministic, complete network that reproduces every figure of the
 * report for 准格尔旗 by query (see docs/model.md). Scale 1 fills in 准格尔旗 around the reported
 * facts; scale N adds N − 1 synthetic banners (示例旗002 …) under 鄂尔多斯市, each a structural copy
 * with the same counts. Every node is SYNTHETIC with a `syn:` id and a 示例… name; reported nodes
 * are only referred to by id (as relationship ends), never emitted or altered.
 */

/** Yields one batch per banner (the first also holds the shared city agencies); load them in order. */
export function* generateSyntheticBanners(scale: number): Generator<GraphBatch> {
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`synthetic scale must be an integer ≥ 1, got ${scale}`);
  for (let i = 0; i < scale; i++) yield generateBanner(i, scale);
}

/** The whole synthetic layer as one batch (fine for small scales; prefer generateSyntheticBanners). */
export function generateSynthetic(scale: number): GraphBatch {
  const all: GraphBatch = { nodes: [], rels: [] };
  for (const b of generateSyntheticBanners(scale)) {
    for (const n of b.nodes) all.nodes.push(n);
    for (const r of b.rels) all.rels.push(r);
  }
  return all;
}
