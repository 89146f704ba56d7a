import cytoscape, { type Core, type ElementDefinition, type Layouts } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { forceLayout, ringAround, ringsByDegree } from './graph-layout';
import { graphStyle, LARGE_GRAPH } from './graph-style';
import { CATEGORIES, type ColourBy, KINDS, LEVELS, NEUTRAL, OUT_OF_NETWORK } from './palette';
import type { GraphEdge, GraphNode, PairingGraph } from './queries';

cytoscape.use(fcose);

/** What one render cost: element counts and milliseconds from data to a painted frame. */
export interface RenderStats {
  nodes: number;
  edges: number;
  added: number;
  /** Data in → layout done. */
  layoutMs: number;
  /** Data in → the frame showing it painted. */
  renderMs: number;
  layout: string;
}

export interface GraphViewEvents {
  nodeTap(id: string): void;
  edgeTap(id: string): void;
}

const colourOf = (table: readonly { value: string; colour: string }[], v: string | null) =>
  table.find((s) => s.value === v)?.colour ?? NEUTRAL;
const shapeOf = (kind: string) => KINDS.find((k) => k.value === kind)?.shape ?? 'ellipse';

function nodeElement(n: GraphNode): ElementDefinition {
  const data = { ...n, shape: shapeOf(n.kind) };
  return {
    group: 'nodes',
    data: {
      ...data,
      levelColour: colourOf(LEVELS, n.level),
      categoryColour: colourOf(CATEGORIES, n.category),
    },
  };
}

/** Today in the browser's calendar (YYYY-MM-DD), the day `ended` is judged on. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A pairing edge. `ended`: its (exclusive) end day has come — a view of any time draws it faded;
 * a view of one day never receives it once it no longer holds on that day. An out-of-network
 * pairing (no level, no category) takes its kind's colour in both schemes.
 */
function edgeElement(e: GraphEdge): ElementDefinition {
  const own = OUT_OF_NETWORK.find((k) => k.value === e.kind)?.colour;
  return {
    group: 'edges',
    data: {
      ...e,
      outOfNetwork: own !== undefined,
      ended: e.validTo !== null && e.validTo <= today(),
      levelColour: e.level ? colourOf(LEVELS, e.level) : (own ?? NEUTRAL),
      categoryColour: e.category ? colourOf(CATEGORIES, e.category) : (own ?? NEUTRAL),
    },
  };
}

/** Resolves after the browser has painted the current frame (two animation frames). */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
const ran = (layout: Layouts) =>
  new Promise<void>((r) => {
    layout.one('layoutstop', () => r());
    layout.run();
  });

/**
 * The pairing graph on a Cytoscape canvas. `replace` draws a new view; `merge` adds an expansion
 * and keeps what is shown where it is. Large graphs (over LARGE_GRAPH elements) get a Cytoscape
 * instance tuned for them: while the user pans or zooms it shows a cached bitmap without edges
 * and labels, so a 2,000-node graph stays responsive.
 */
export class GraphView {
  private core: Core;
  private isLarge = false;
  private colourBy: ColourBy = 'level';

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphViewEvents,
  ) {
    this.core = this.create(false);
  }

  /** The current Cytoscape instance (replaced when the graph crosses the large-graph size). */
  get cy(): Core {
    return this.core;
  }

  setColourBy(by: ColourBy): void {
    this.colourBy = by;
    this.core.style(graphStyle(by, this.isLarge));
  }

  /** Draws `graph` instead of what is shown. */
  async replace(graph: PairingGraph): Promise<RenderStats> {
    const t0 = performance.now();
    this.core.elements().remove();
    this.sizeFor(graph.nodes.length + graph.edges.length);
    this.core.add([...graph.nodes.map(nodeElement), ...graph.edges.map(edgeElement)]);
    await ran(this.core.layout(this.isLarge ? ringsByDegree() : forceLayout(true, false)));
    return this.finish(t0, graph.nodes.length, this.isLarge ? 'rings by degree' : 'fcose');
  }

  /** Adds what `graph` has that is not shown yet, around the node `near` that was expanded. */
  async merge(graph: PairingGraph, near: string): Promise<RenderStats> {
    const t0 = performance.now();
    const fresh = graph.nodes.filter((n) => this.core.getElementById(n.id).empty());
    this.sizeFor(this.core.elements().length + fresh.length + graph.edges.length);
    const origin = this.core.getElementById(near);
    const at = origin.nonempty() ? { ...origin.position() } : { x: 0, y: 0 };
    const added = this.core.collection();
    this.core.batch(() => {
      for (const n of graph.nodes) {
        const old = this.core.getElementById(n.id);
        if (old.nonempty()) old.data('depth', Math.min(Number(old.data('depth')), n.depth));
      }
      const near = (d: number) => d + (Math.random() - 0.5) * 60;
      added.merge(
        this.core.add(fresh.map((n) => ({ ...nodeElement(n), position: { x: near(at.x), y: near(at.y) } }))),
      );
      const edges = graph.edges.filter((e) => this.core.getElementById(e.id).empty());
      this.core.add(edges.map(edgeElement));
    });
    let layout = 'none';
    if (added.nonempty() && this.isLarge) {
      await ran(added.layout(ringAround(added.length, at)));
      layout = 'ring';
    } else if (added.nonempty()) {
      await ran(this.core.layout(forceLayout(false, false)));
      layout = 'fcose';
    }
    return this.finish(t0, added.length, layout);
  }

  /**
   * Makes the canvas show exactly `graph` (a fresh answer for the same view) while keeping what
   * stays where it is: gone edges and nodes are removed, changed ones restyled in place (an ended
   * pairing), new nodes placed beside a drawn neighbour and the layout refined from there.
   */
  async sync(graph: PairingGraph): Promise<RenderStats> {
    const t0 = performance.now();
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    const fresh = graph.nodes.filter((n) => this.core.getElementById(n.id).empty());
    this.sizeFor(graph.nodes.length + graph.edges.length);
    const added = this.core.collection();
    this.core.batch(() => {
      this.core
        .edges()
        .filter((e) => !edgeIds.has(e.id()))
        .remove();
      this.core
        .nodes()
        .filter((n) => !nodeIds.has(n.id()))
        .remove();
      for (const n of graph.nodes) {
        const old = this.core.getElementById(n.id);
        if (old.nonempty()) old.data(nodeElement(n).data);
      }
      for (const e of graph.edges) {
        const old = this.core.getElementById(e.id);
        if (old.nonempty()) old.data(edgeElement(e).data);
      }
      const beside = (id: string) => {
        for (const e of graph.edges) {
          const other = e.source === id ? e.target : e.target === id ? e.source : null;
          const at = other ? this.core.getElementById(other) : null;
          if (at?.nonempty()) return { ...at.position() };
        }
        return { x: 0, y: 0 };
      };
      const jitter = (d: number) => d + (Math.random() - 0.5) * 60;
      added.merge(
        this.core.add(
          fresh.map((n) => {
            const at = beside(n.id);
            return { ...nodeElement(n), position: { x: jitter(at.x), y: jitter(at.y) } };
          }),
        ),
      );
      this.core.add(graph.edges.filter((e) => this.core.getElementById(e.id).empty()).map(edgeElement));
    });
    // A large graph keeps its rings: new nodes stay beside their neighbour, unlaid.
    let layout = 'none';
    if (added.nonempty() && !this.isLarge) {
      await ran(this.core.layout(forceLayout(false, false)));
      layout = 'fcose';
    }
    return this.finish(t0, added.length, layout);
  }

  markExpanded(id: string): void {
    this.core.getElementById(id).addClass('expanded');
  }

  select(id: string): void {
    this.core.elements(':selected').unselect();
    this.core.getElementById(id).select();
  }

  /**
   * The API gives a level only to organizations; a person or enterprise helping at one level
   * (all its pairings drawn here agree) is coloured as that level too.
   */
  private colourHelpersByTheirPairings(): void {
    this.core.batch(() => {
      this.core.nodes('[!level]').forEach((n) => {
        const drawn = n.outgoers('edge').filter((e) => Boolean(e.data('level')));
        const levels = new Set(drawn.map((e) => String(e.data('level'))));
        if (levels.size === 1) n.data('levelColour', colourOf(LEVELS, [...levels][0]));
      });
    });
  }

  private async finish(t0: number, added: number, layout: string): Promise<RenderStats> {
    this.colourHelpersByTheirPairings();
    const layoutMs = Math.round(performance.now() - t0);
    if (added > 0) this.core.fit(undefined, 40);
    await painted();
    return {
      nodes: this.core.nodes().length,
      edges: this.core.edges().length,
      added,
      layoutMs,
      renderMs: Math.round(performance.now() - t0),
      layout,
    };
  }

  /** Swaps in an instance tuned for `elements` elements when that crosses LARGE_GRAPH. */
  private sizeFor(elements: number): void {
    const large = elements > LARGE_GRAPH;
    if (large === this.isLarge) return;
    const kept = this.core.elements().jsons() as ElementDefinition[];
    const viewport = { zoom: this.core.zoom(), pan: this.core.pan() };
    this.core.destroy();
    this.isLarge = large;
    this.core = this.create(large);
    this.core.add(kept);
    this.core.viewport(viewport);
  }

  private create(large: boolean): Core {
    const cy = cytoscape({
      container: this.container,
      style: graphStyle(this.colourBy, large),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
    });
    cy.on('tap', 'node', (e) => this.events.nodeTap(e.target.id()));
    cy.on('tap', 'edge', (e) => this.events.edgeTap(e.target.id()));
    return cy;
  }
}
