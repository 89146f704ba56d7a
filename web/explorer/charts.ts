/**
 * The two small pictures of the side panel, drawn as plain SVG (a few dozen shapes; no chart
 * library is worth its weight here): the network through time (timeline bars) and an exemplar's
 * terms (one bar per beneficiary, from start to end). Both mark the view's date, and a click on a
 * year of the timeline moves the view to it. Every shape carries its figures in data attributes,
 * so a test reads what is drawn.
 */
import { h } from './dom';

const SVG = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** One period of the timeline: pairings active at its start, started and ended in it. */
export interface Period {
  start: string;
  active: number;
  started: number;
  ended: number;
}

/** One term of an exemplar: a beneficiary and the days the pairing runs (to: null = still running). */
export interface Term {
  id: string;
  name: string;
  from: string;
  to: string | null;
}

const WIDTH = 400;
const year = (day: string) => Number(day.slice(0, 4));
/** Fractional year of a day, for placing it on a time axis. */
const at = (day: string) =>
  year(day) + (Number(day.slice(5, 7)) - 1) / 12 + (Number(day.slice(8, 10)) - 1) / 365;

/**
 * Bars of pairings active at each period's start, with started (+) and ended (−) in the tooltip.
 * `pick` is called with a period's start when its bar is clicked.
 */
export function timelineChart(periods: Period[], activeOn: string, pick: (day: string) => void): HTMLElement {
  const height = 120;
  const top = Math.max(1, ...periods.map((p) => p.active));
  const w = WIDTH / Math.max(periods.length, 1);
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${height + 16}`,
    width: '100%',
    role: 'img',
    'aria-label': '帮扶对子随时间 Pairings through time',
  });
  periods.forEach((p, i) => {
    const barH = Math.round((p.active / top) * height);
    const bar = s(
      'rect',
      {
        class: `period${activeOn && activeOn >= p.start && (periods[i + 1]?.start ?? '9999') > activeOn ? ' current' : ''}`,
        x: i * w + 1,
        y: height - barH,
        width: Math.max(w - 2, 1),
        height: barH,
        'data-start': p.start,
        'data-active': p.active,
        'data-started': p.started,
        'data-ended': p.ended,
      },
      s(
        'title',
        {},
        `${p.start}: ${p.active} 有效 active · +${p.started} 新增 started · −${p.ended} 结束 ended`,
      ),
    );
    bar.addEventListener('click', () => pick(p.start));
    svg.append(bar);
  });
  const first = periods[0]?.start;
  const last = periods.at(-1)?.start;
  if (first && last) {
    svg.append(
      s('text', { x: 0, y: height + 13, class: 'axis' }, first.slice(0, 4)),
      s('text', { x: WIDTH, y: height + 13, class: 'axis', 'text-anchor': 'end' }, last.slice(0, 4)),
    );
  }
  return h(
    'section',
    { id: 'timeline-chart', class: 'chart' },
    h('h3', {}, '随时间 Through time'),
    h('p', { class: 'muted' }, `每期期初有效的对子 pairings active at each period's start (max ${top})`),
    svg as unknown as Node,
  );
}

/**
 * An exemplar's terms as bars from start to end (刘显亮's students): bars whose term includes the
 * view's date are filled, the others hollow; a vertical line marks the date.
 */
export function termsChart(terms: Term[], activeOn: string, today: string): HTMLElement {
  const rows = [...terms].sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name));
  const rowH = 8;
  const left = 0;
  const lo = Math.floor(Math.min(...rows.map((t) => at(t.from))));
  const hi = Math.ceil(Math.max(...rows.map((t) => at(t.to ?? today)), activeOn ? at(activeOn) : 0));
  const x = (day: string) => left + ((at(day) - lo) / Math.max(hi - lo, 1)) * (WIDTH - left);
  const height = rows.length * rowH;
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${height + 16}`,
    width: '100%',
    role: 'img',
    'aria-label': '资助期 Terms',
  });
  let active = 0;
  rows.forEach((t, i) => {
    const on = Boolean(activeOn) && t.from <= activeOn && (t.to === null || activeOn < t.to);
    if (on) active++;
    svg.append(
      s(
        'rect',
        {
          class: `term${on ? ' on' : ''}`,
          x: x(t.from),
          y: i * rowH + 1,
          width: Math.max(x(t.to ?? today) - x(t.from), 2),
          height: rowH - 2,
          'data-id': t.id,
          'data-on': String(on),
        },
        s('title', {}, `${t.name}: ${t.from} — ${t.to ?? '今 now'}`),
      ),
    );
  });
  if (activeOn) svg.append(s('line', { class: 'date', x1: x(activeOn), x2: x(activeOn), y1: 0, y2: height }));
  svg.append(
    s('text', { x: 0, y: height + 13, class: 'axis' }, String(lo)),
    s('text', { x: WIDTH, y: height + 13, class: 'axis', 'text-anchor': 'end' }, String(hi)),
  );
  return h(
    'section',
    { id: 'terms-chart', class: 'chart', 'data-terms': String(rows.length), 'data-on': String(active) },
    h('h3', {}, `资助期 Terms (${rows.length})`),
    h(
      'p',
      { class: 'muted' },
      activeOn
        ? `${activeOn} 在期 ${active} 人 · ${active} of ${rows.length} running that day`
        : '每个受助对象一条 one bar per beneficiary',
    ),
    svg as unknown as Node,
  );
}
