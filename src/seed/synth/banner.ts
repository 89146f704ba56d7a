import type { GraphBatch } from '../../domain/records';
import { generateActivities } from './activities';
import { baseAnchors, copyAnchors, emitShared } from './anchors';
import { Emitter } from './emitter';
import { generateGeography } from './geography';
import { generateNetwork } from './network';
import { generatePeople } from './people';
import { Rng, bannerSeed } from './rng';

/**
 * One banner of the synthetic layer. Banner 0 is 准格尔旗 (filled in around its reported facts,
 * plus the helpers shared by all banners); banner i ≥ 1 is the synthetic 示例旗(i+1). Each banner
 * draws from its own seeded stream, so banner i is the same whatever the scale (banner 0 adds
 * the two region-level stand-ins only when copies exist).
 *
 * Synthetic entities have no aliases, and carry no `aliases` property (nor county cadres `roles`):
 * the API reads a missing list as empty, and an empty list is the one value Neo4j's offline importer
 * cannot write, so storing `[]` on ~1 M nodes made the import's fix-up rewrite them all
 * (docs/benchmarks.md, "Offline import"); the cadres' `roles: []` cost it 51,300 nodes at scale 100.
 */
export function generateBanner(index: number, scale: number): GraphBatch {
  const rng = new Rng(bannerSeed(index));
  const out = new Emitter();
  if (index === 0) emitShared(out, scale > 1);
  const anchors = index === 0 ? baseAnchors() : copyAnchors(index, out, rng);
  const geo = generateGeography(anchors, out, rng);
  const net = generateNetwork(anchors, geo, out, rng);
  generateActivities(anchors, geo, net, out, rng);
  generatePeople(anchors, geo, net, out, rng);
  return out.batch();
}
