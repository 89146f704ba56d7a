import type { BaseLayoutOptions, CircleLayoutOptions, ConcentricLayoutOptions, Position } from 'cytoscape';

/** The cytoscape-fcose options used here (the extension ships no types). */
export interface FcoseOptions extends BaseLayoutOptions {
  name: 'fcose';
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean;
  fit: boolean;
  packComponents: boolean;
  nodeSeparation: number;
  nodeRepulsion: () => number;
  idealEdgeLength: () => number;
  numIter: number;
}

/** Helpers with more pairings than this in the graph share the middle ring. */
const HUB_DEGREE = 24;

/**
 * The layout of a whole large graph: rings by degree, the busiest helpers in the middle and the
 * beneficiaries they share around them. It costs O(n log n), where fcose took over three minutes
 * for 1,736 nodes and 4,202 pairings on the (loaded) development machine.
 */
export function ringsByDegree(): ConcentricLayoutOptions {
  return {
    name: 'concentric',
    animate: false,
    fit: false,
    // Beneficiaries ring by how many pairings reach them; every helper with more than
    // HUB_DEGREE pairings shares the middle ring (one ring each would stack them in a line).
    concentric: (n) => Math.min(n.degree(false), HUB_DEGREE),
    levelWidth: () => 1,
    avoidOverlap: true,
    minNodeSpacing: 4,
    spacingFactor: 0.9,
  };
}

/**
 * The force-directed layout (fcose) of a small graph. A fresh view starts from fcose's spectral
 * layout and refines it with forces ("default"); refining an expansion from the current positions
 * ("proof", not randomised) keeps what the user was looking at where it was.
 */
export function forceLayout(fresh: boolean, large: boolean): FcoseOptions {
  return {
    name: 'fcose',
    quality: fresh ? 'default' : 'proof',
    randomize: fresh,
    animate: false,
    fit: false,
    packComponents: false,
    nodeSeparation: large ? 40 : 75,
    nodeRepulsion: () => 6500,
    idealEdgeLength: () => (large ? 50 : 90),
    numIter: large ? 1000 : 2500,
  };
}

/**
 * Where an expansion of a large graph puts its new nodes: a ring around the expanded node, sized
 * to hold them. Laying out only the newcomers is linear in their number and moves nothing the
 * user has already seen; a full force layout of 2,000 nodes per click would not be.
 */
export function ringAround(count: number, at: Position): CircleLayoutOptions {
  const r = Math.max(80, (count * 30) / (2 * Math.PI));
  return {
    name: 'circle',
    radius: r,
    animate: false,
    fit: false,
    avoidOverlap: false,
    boundingBox: { x1: at.x - r, y1: at.y - r, w: 2 * r, h: 2 * r },
  };
}
