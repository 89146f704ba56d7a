import type { StylesheetJson } from 'cytoscape';
import type { ColourBy } from './palette';

/** Above this many elements the graph draws cheap straight edges and hides small labels. */
export const LARGE_GRAPH = 600;

const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

/**
 * The Cytoscape stylesheet. Fill and line colours come from each element's precomputed
 * `levelColour` / `categoryColour` data, so switching the colour scheme is a restyle, not a
 * rebuild. The synthetic layer (合成 SYNTHETIC) is drawn dashed, nodes and edges alike.
 */
export function graphStyle(by: ColourBy, large: boolean): StylesheetJson {
  const colour = by === 'level' ? 'data(levelColour)' : 'data(categoryColour)';
  return [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as never,
        'background-color': colour,
        'border-width': 2,
        'border-color': '#37474f',
        'border-style': 'solid',
        width: 24,
        height: 24,
        label: 'data(name)',
        'font-family': FONT,
        'font-size': 11,
        color: '#263238',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'min-zoomed-font-size': large ? 12 : 6,
      },
    },
    {
      selector: 'node[?root]',
      style: { width: 38, height: 38, 'border-width': 4, 'font-size': 13, 'font-weight': 'bold' },
    },
    {
      selector: 'node.expanded',
      style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#000' },
    },
    // After .expanded: an expanded synthetic node must still look synthetic.
    {
      selector: 'node[provenance = "SYNTHETIC"]',
      style: { 'border-style': 'dashed', 'border-color': '#607d8b' },
    },
    {
      selector: 'edge',
      style: {
        // Thin, opaque lines on large graphs: edges dominate the cost of drawing 4,000 pairings.
        width: large ? 1 : 2,
        'line-color': colour,
        'target-arrow-color': colour,
        'target-arrow-shape': large ? 'none' : 'triangle',
        'arrow-scale': 0.8,
        'curve-style': large ? 'haystack' : 'bezier',
        opacity: large ? 1 : 0.85,
      },
    },
    {
      selector: 'edge[provenance = "SYNTHETIC"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] },
    },
    // Pairings outside the 五级四类 network (助学 SPONSOR, 联系 LIAISON): dotted, in their kind's colour.
    {
      selector: 'edge[?outOfNetwork]',
      style: { 'line-style': 'dotted', width: large ? 1 : 2.5 },
    },
    // An ended pairing (解除) in a view of any time: still drawn, faded.
    {
      selector: 'edge[?ended]',
      style: { opacity: 0.3 },
    },
    {
      selector: ':selected',
      style: { 'overlay-color': '#ffd54f', 'overlay-opacity': 0.45, 'overlay-padding': 6 },
    },
  ];
}
