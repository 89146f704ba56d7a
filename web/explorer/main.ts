/**
 * The graph explorer (GET /explorer): search an entity, see its pairing graph, click to expand.
 * Every view is one request to the public GraphQL API (see queries.ts). The view stays current:
 * a live feed (live.ts) hears of every pairing created or ended, and when one touches a drawn node
 * the view is read again and the canvas synced in place (no reload). For tests and for power
 * users' consoles the page exposes `window.bangfuExplorer` ({ cy, graph, state, last, expand }),
 * counts finished views in `<body data-views>` and live updates in `<body data-live-updates>`, and
 * shows the feed's state in `#live[data-state]`.
 */
import './explorer.css';
import { ApiError, gql } from './api';
import { byId, h } from './dom';
import { GraphView, type RenderStats } from './graph-view';
import { legend, paintSwatches } from './legend';
import { entityPanel, messagePanel, pairingPanel } from './panel';
import { type ColourBy, KINDS, PROVENANCE } from './palette';
import { type Period, type Term, termsChart, timelineChart } from './charts';
import { type LiveState, LiveFeed } from './live';
import { isPairing, type LiveEvent, PAIRING, SEARCH, VIEW } from './queries';
import { timeControl } from './time-control';
import type { DataRange } from './time-steps';
import { TIME } from './time-queries';
import { pairingFilter, readState, writeState } from './view-state';

interface LastView extends RenderStats {
  requestMs: number;
  truncated: boolean;
}

const state = readState(window.location.search);
const panel = byId<HTMLElement>('panel');
const status = byId<HTMLElement>('status');
const results = byId<HTMLUListElement>('search-results');
const legendBox = byId<HTMLElement>('legend-body');
const liveBadge = byId<HTMLElement>('live');
const graph = new GraphView(byId('graph'), {
  nodeTap: (id) => void expand(id),
  edgeTap: (id) => void showPairing(id),
});
/** The console/test handle: the canvas, the view state, the last view's figures, expand by id. */
const debug = {
  get cy() {
    return graph.cy;
  },
  graph,
  state,
  last: null as LastView | null,
  expand: (id: string) => expand(id),
};
Object.assign(window, { bangfuExplorer: debug });

let inflight: AbortController | null = null;
let views = 0;
/** Bumped by every view, search or pairing request: a live refresh older than one is dropped. */
let generation = 0;
/** Relevant live events heard so far: a view that heard one while it was read reads again. */
let heard = 0;
let liveUpdates = 0;
/** Whether the panel shows the focused entity (a live update redraws it) or something else. */
let panelShowsFocus = false;

function setPanel(el: HTMLElement, focus = false) {
  panel.replaceChildren(el);
  panel.scrollTop = 0;
  panelShowsFocus = focus;
}

function fail(e: unknown) {
  if (e instanceof DOMException && e.name === 'AbortError') return;
  const text = e instanceof ApiError ? e.message : `请求失败 Request failed: ${String(e)}`;
  setPanel(messagePanel(text, 'error'));
  status.textContent = '出错 Error';
  document.body.dataset.busy = 'false';
}

/** Starts a request, cancelling the one before it: only the latest view may draw. */
function begin(label: string): AbortSignal {
  generation++;
  inflight?.abort();
  inflight = new AbortController();
  document.body.dataset.busy = 'true';
  status.textContent = `${label}…`;
  return inflight.signal;
}

function finish(last: LastView) {
  debug.last = last;
  document.body.dataset.busy = 'false';
  document.body.dataset.views = String(++views);
  status.replaceChildren(
    `${last.nodes.toLocaleString('zh-CN')} 节点 nodes · ${last.edges.toLocaleString('zh-CN')} 对子 pairings · `,
    `请求 request ${last.requestMs} ms · 渲染 render ${last.renderMs} ms (${last.layout})`,
    last.truncated ? h('strong', { class: 'truncated' }, ' · 已截断 truncated (maxNodes)') : '',
  );
  history.replaceState(null, '', writeState(state) || window.location.pathname);
}

/** The variables of the view of `state`: all roots, or only `near` (an expansion). */
const viewVariables = (near?: string) => ({
  rootIds: near ? [near] : state.roots,
  depth: state.depth,
  activeOn: state.activeOn || null,
  filter: pairingFilter(state),
  maxNodes: state.maxNodes,
  focus: state.focus ?? near ?? state.roots[0],
});

/** Loads the view of `state`: all roots afresh (`near` unset), or one root merged in. */
async function loadView(near?: string) {
  live.start();
  const signal = begin(near ? '展开 Expanding' : '加载 Loading');
  const t0 = performance.now();
  const heardBefore = heard;
  try {
    const data = await gql(VIEW, viewVariables(near), signal);
    const requestMs = Math.round(performance.now() - t0);
    const g = data.pairingGraph;
    const stats = near ? await graph.merge(g, near) : await graph.replace(g);
    for (const r of state.roots) graph.markExpanded(r);
    if (state.focus) graph.select(state.focus);
    if (data.focus)
      setPanel(
        entityPanel(data.focus, (id) => void expand(id)),
        true,
      );
    else setPanel(messagePanel('未找到 Not found'));
    finish({ ...stats, requestMs, truncated: g.truncated });
    // A change heard while this view was read may have committed after the read.
    if (heard !== heardBefore) scheduleRefresh();
    if (data.focus) void showTime(data.focus.id, data.focus.__typename);
  } catch (e) {
    fail(e);
  }
}

/** Ids a pairing event concerns: the pairing and, while it exists, its two ends. */
function idsOf(e: LiveEvent): string[] {
  const ids = [e.recordId ?? ''];
  if (e.node && 'helper' in e.node) ids.push(e.node.helper.id, e.node.beneficiary.id);
  return ids.filter(Boolean);
}

/**
 * A pairing created or ended changes what is shown exactly when it touches a drawn node (a new
 * pairing joins the graph through one of its ends; an ended one is a drawn edge). Others are
 * ignored; a relevant one schedules a refresh.
 */
function onLiveEvent(e: LiveEvent) {
  if (!state.roots.length) return;
  if (!idsOf(e).some((id) => graph.cy.getElementById(id).nonempty())) return;
  heard++;
  scheduleRefresh();
}

let refreshTimer: number | undefined;
let refreshing = false;
let refreshAgain = false;

/** Refreshes soon, once for a burst of events. */
function scheduleRefresh() {
  if (!state.roots.length) return;
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void refresh(), 100);
}

/**
 * Reads the whole view again and syncs the canvas (and the focused entity's panel) with it, in
 * place. A user's request started meanwhile wins: this answer is dropped (the user's read began
 * after the change was heard, so it shows it).
 */
async function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  const gen = generation;
  try {
    const data = await gql(VIEW, viewVariables());
    if (gen === generation && document.body.dataset.busy !== 'true') {
      if (panelShowsFocus && data.focus) {
        const top = panel.scrollTop;
        setPanel(
          entityPanel(data.focus, (id) => void expand(id)),
          true,
        );
        panel.scrollTop = top;
      }
      await graph.sync(data.pairingGraph);
      document.body.dataset.liveUpdates = String(++liveUpdates);
    }
  } catch (e) {
    status.textContent = `实时更新失败 Live update failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    refreshing = false;
    if (refreshAgain) {
      refreshAgain = false;
      scheduleRefresh();
    }
  }
}

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: '连接中 connecting',
  live: '实时 live',
  offline: '离线 offline',
};

function showLive(s: LiveState) {
  liveBadge.dataset.state = s;
  liveBadge.textContent = LIVE_TEXT[s];
  liveBadge.title =
    s === 'live'
      ? '新建或解除的对子会自动显示 Pairings created or ended show up by themselves'
      : '未连接实时更新，正在重试 Not receiving live updates; retrying';
}

const live = new LiveFeed({ event: onLiveEvent, state: showLive, resync: scheduleRefresh });

/** Click on a node (or a name in the panel): expand it and show its details, in one request. */
async function expand(id: string) {
  if (!state.roots.includes(id)) state.roots.push(id);
  state.focus = id;
  await loadView(id);
}

interface FocusTime {
  id: string;
  periods: Period[];
  terms: Term[];
}
/** The focused entity through time (fetched once per focus; redrawn at each date). */
let focusTime: FocusTime | null = null;
const HELPER_TYPES = ['Organization', 'Person', 'Enterprise'];

/** The first and last day the focused entity's data knows of: its terms, else its timeline. */
function rangeOf(t: FocusTime): DataRange | null {
  if (t.terms.length) {
    const days = t.terms.flatMap((x) => (x.to ? [x.from, x.to] : [x.from]));
    return { first: days.reduce((a, b) => (a < b ? a : b)), last: days.reduce((a, b) => (a > b ? a : b)) };
  }
  const moving = t.periods.filter((p) => p.started > 0 || p.ended > 0);
  if (!moving.length) return null;
  return { first: moving[0].start, last: `${moving.at(-1)?.start.slice(0, 4)}-12-31` };
}

/** Adds the timeline and terms charts of the focused entity to the panel. */
function drawTime(t: FocusTime) {
  const article = panel.querySelector(`article.entity[data-id="${CSS.escape(t.id)}"]`);
  if (!article) return;
  article.querySelectorAll('.chart').forEach((c) => c.remove());
  const today = new Date().toISOString().slice(0, 10);
  const charts: HTMLElement[] = [];
  if (t.periods.length) charts.push(timelineChart(t.periods, state.activeOn, (day) => setDay(day)));
  if (t.terms.length) charts.push(termsChart(t.terms, state.activeOn, today));
  article.querySelector('h2')?.after(...charts);
}

/** Fetches the focused area's or helper's timeline and terms (once per focus), then draws them. */
async function showTime(id: string, typename: string) {
  const area = typename === 'AdminUnit';
  if (!area && !HELPER_TYPES.includes(typename)) {
    time.setRange(null);
    return;
  }
  if (focusTime?.id !== id) {
    try {
      const data = await gql(TIME, {
        areaId: area ? id : null,
        helperId: area ? null : id,
        from: '1980-01-01',
        to: `${new Date().getUTCFullYear()}-12-31`,
        id,
      });
      focusTime = {
        id,
        periods: data.timeline.periods,
        terms: (data.terms?.sponsorships?.edges ?? []).map(({ node }) => ({
          id: node.id,
          name: node.beneficiary.name,
          from: node.validFrom,
          to: node.validTo,
        })),
      };
    } catch (e) {
      fail(e);
      return;
    }
  }
  if (!focusTime) return;
  time.setRange(rangeOf(focusTime));
  drawTime(focusTime);
  document.body.dataset.timeFor = id;
}

/** Moves the view to `day` ('' = any time). */
function setDay(day: string) {
  state.activeOn = day;
  time.show(day);
  if (state.roots.length) void loadView();
}

async function showPairing(id: string) {
  const signal = begin('对子 Pairing');
  try {
    const { pairing } = await gql(PAIRING, { id }, signal);
    graph.select(id);
    setPanel(
      pairing && isPairing(pairing)
        ? pairingPanel(pairing, (x) => void expand(x))
        : messagePanel('未找到 Not found'),
    );
    document.body.dataset.busy = 'false';
    status.textContent = '对子详情 Pairing details';
  } catch (e) {
    fail(e);
  }
}

async function search(text: string) {
  const signal = begin('搜索 Searching');
  try {
    const { search } = await gql(SEARCH, { text }, signal);
    results.replaceChildren(
      ...search.edges.map(({ kind, node }) => {
        const b = h(
          'button',
          { type: 'button', 'data-id': node.id },
          h('span', { class: 'name' }, node.name),
          h('span', { class: 'meta' }, KINDS.find((k) => k.value === typeName(kind))?.zh ?? kind),
          node.provenance === 'SYNTHETIC'
            ? h('span', { class: 'badge prov-synthetic' }, PROVENANCE.SYNTHETIC.zh)
            : '',
          node.aliases.length ? h('span', { class: 'aliases' }, node.aliases.join('、')) : '',
        );
        b.addEventListener('click', () => {
          results.hidden = true;
          state.roots = [node.id];
          state.focus = node.id;
          void loadView();
        });
        return h('li', {}, b);
      }),
    );
    if (!search.edges.length) results.replaceChildren(h('li', { class: 'muted' }, '无结果 No results'));
    results.hidden = false;
    document.body.dataset.busy = 'false';
    status.textContent = `${search.edges.length} 个结果 results`;
  } catch (e) {
    fail(e);
  }
}

/** SearchKind (ADMIN_UNIT) → GraphNode kind (AdminUnit). */
function typeName(kind: string) {
  return kind.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _u: string, c: string) => c.toUpperCase());
}

function showLegend() {
  legendBox.replaceChildren(legend(state.colourBy));
  paintSwatches(legendBox);
}

function wireControls() {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-input');
  const depth = byId<HTMLSelectElement>('depth');
  const colour = byId<HTMLSelectElement>('colour-by');
  const hide = byId<HTMLInputElement>('hide-synthetic');
  const others = byId<HTMLInputElement>('hide-out-of-network');
  depth.value = String(state.depth);
  colour.value = state.colourBy;
  hide.checked = state.hideSynthetic;
  others.checked = state.hideOutOfNetwork;

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (text) void search(text);
  });
  const reload = () => {
    if (state.roots.length) void loadView();
  };
  depth.addEventListener('change', () => {
    state.depth = Number(depth.value);
    reload();
  });
  hide.addEventListener('change', () => {
    state.hideSynthetic = hide.checked;
    reload();
  });
  others.addEventListener('change', () => {
    state.hideOutOfNetwork = others.checked;
    reload();
  });
  colour.addEventListener('change', () => {
    state.colourBy = colour.value as ColourBy;
    graph.setColourBy(state.colourBy);
    showLegend();
    history.replaceState(null, '', writeState(state) || window.location.pathname);
  });
}

const time = timeControl({ day: state.activeOn, step: state.step }, setDay, (step) => {
  state.step = step;
  history.replaceState(null, '', writeState(state) || window.location.pathname);
});
wireControls();
showLegend();
if (state.roots.length) void loadView();
else setPanel(messagePanel('搜索一个实体开始，例如「城壕村」。Search an entity to start, e.g. 城壕村.'));
