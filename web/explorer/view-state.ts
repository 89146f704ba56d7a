import { NETWORK_KINDS, type ColourBy } from './palette';
import type { Step } from './time-steps';

/** Everything that defines a view; kept in the URL so a view can be bookmarked and shared. */
export interface ViewState {
  /** The entities whose neighbourhood is shown (the first is where the user started). */
  roots: string[];
  /** The entity whose details the side panel shows. */
  focus: string | null;
  /** Only pairings valid on this day (YYYY-MM-DD), or all when empty. */
  activeOn: string;
  depth: number;
  hideSynthetic: boolean;
  /** Hide pairings outside the 五级四类 network (助学 SPONSOR, 联系 LIAISON). */
  hideOutOfNetwork: boolean;
  /** What the time control's ◀ ▶ buttons step by. */
  step: Step;
  colourBy: ColourBy;
  /** The most nodes one request may return (the API's `maxNodes`, 1–2000). */
  maxNodes: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const clampInt = (v: string | null, lo: number, hi: number, dflt: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= lo && n <= hi ? n : dflt;
};

/** Reads a view from the query string; anything malformed falls back to the default. */
export function readState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const on = q.get('on') ?? '';
  const roots = q.getAll('root').filter((r) => r.length > 0 && r.length < 200);
  return {
    roots,
    focus: q.get('focus') ?? roots[0] ?? null,
    activeOn: DATE.test(on) ? on : '',
    depth: clampInt(q.get('depth'), 1, 3, 1),
    hideSynthetic: q.get('synthetic') === 'hide',
    hideOutOfNetwork: q.get('others') === 'hide',
    step: q.get('step') === 'month' ? 'month' : 'year',
    colourBy: q.get('colour') === 'category' ? 'category' : 'level',
    maxNodes: clampInt(q.get('maxNodes'), 1, 2000, 500),
  };
}

/** The query string of a view (defaults left out). */
export function writeState(s: ViewState): string {
  const q = new URLSearchParams();
  for (const r of s.roots) q.append('root', r);
  if (s.focus && s.focus !== s.roots[0]) q.set('focus', s.focus);
  if (s.activeOn) q.set('on', s.activeOn);
  if (s.depth !== 1) q.set('depth', String(s.depth));
  if (s.hideSynthetic) q.set('synthetic', 'hide');
  if (s.hideOutOfNetwork) q.set('others', 'hide');
  if (s.step !== 'year') q.set('step', s.step);
  if (s.colourBy !== 'level') q.set('colour', s.colourBy);
  if (s.maxNodes !== 500) q.set('maxNodes', String(s.maxNodes));
  const text = q.toString();
  return text ? `?${text}` : '';
}

/**
 * The PairingFilter of a view: the date and, when hidden, without the synthetic layer or the
 * pairings outside the 五级四类 network.
 */
export function pairingFilter(s: ViewState): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (s.activeOn) f.activeOn = s.activeOn;
  if (s.hideSynthetic) f.provenance = ['REPORTED', 'DERIVED'];
  if (s.hideOutOfNetwork) f.kind = [...NETWORK_KINDS];
  return f;
}
