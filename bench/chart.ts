import type { RunResult } from './results';
import type { VariantName } from './servers';

/**
 * p50 latency vs scale, one small panel per operation, as a self-contained SVG (a template of a
 * few dozen lines: three lines on log–log axes need no charting library or headless renderer).
 */

const COLORS: Record<VariantName, string> = { ours: '#d62728', floor: '#2ca02c', peer: '#1f77b4' };
const W = 260;
const H = 190;
const M = { l: 46, r: 10, t: 24, b: 30 };
const COLS = 3;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function p50Chart(run: RunResult): string {
  const scales = run.scales.map((s) => s.scale);
  const ops = run.scales[0]?.operations.map((o) => ({ name: o.name, title: o.title })) ?? [];
  const rows = Math.ceil(ops.length / COLS);
  const panels = ops.map((op, i) => panel(run, scales, op, (i % COLS) * W, 30 + Math.floor(i / COLS) * H));
  const legend = (Object.keys(COLORS) as VariantName[])
    .map(
      (v, i) =>
        `<rect x="${10 + i * 90}" y="8" width="14" height="4" fill="${COLORS[v]}"/>` +
        `<text x="${28 + i * 90}" y="14">${v}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${COLS * W}" height="${30 + rows * H}" font-family="sans-serif" font-size="10">
<rect width="100%" height="100%" fill="white"/>
${legend}<text x="300" y="14">p50 latency (ms, log) vs scale (log), concurrency 1</text>
${panels.join('\n')}
</svg>
`;
}

function panel(
  run: RunResult,
  scales: number[],
  op: { name: string; title: string },
  x0: number,
  y0: number,
): string {
  const series = (Object.keys(COLORS) as VariantName[]).map((v) => ({
    v,
    pts: run.scales
      .map((s) => [s.scale, s.operations.find((o) => o.name === op.name)?.variants[v]?.p50] as const)
      .filter((p): p is readonly [number, number] => typeof p[1] === 'number' && p[1] > 0),
  }));
  const all = series.flatMap((s) => s.pts.map((p) => p[1]));
  if (all.length === 0) return '';
  const lo = Math.floor(Math.log10(Math.min(...all)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...all))));
  const sLo = Math.log10(Math.min(...scales));
  const sHi = Math.max(sLo + 1, Math.log10(Math.max(...scales)));
  const px = (scale: number) => x0 + M.l + ((Math.log10(scale) - sLo) / (sHi - sLo)) * (W - M.l - M.r);
  const py = (ms: number) => y0 + H - M.b - ((Math.log10(ms) - lo) / (hi - lo)) * (H - M.t - M.b);
  const grid = [];
  for (let e = lo; e <= hi; e++) {
    const y = py(10 ** e);
    grid.push(
      `<line x1="${x0 + M.l}" x2="${x0 + W - M.r}" y1="${y}" y2="${y}" stroke="#ddd"/>` +
        `<text x="${x0 + M.l - 4}" y="${y + 3}" text-anchor="end">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)}</text>`,
    );
  }
  for (const s of scales) {
    grid.push(`<text x="${px(s)}" y="${y0 + H - M.b + 12}" text-anchor="middle">${s}</text>`);
  }
  const lines = series
    .filter((s) => s.pts.length > 0)
    .map(
      ({ v, pts }) =>
        `<polyline fill="none" stroke="${COLORS[v]}" stroke-width="2" points="${pts.map(([s, ms]) => `${px(s).toFixed(1)},${py(ms).toFixed(1)}`).join(' ')}"/>` +
        pts
          .map(
            ([s, ms]) =>
              `<circle cx="${px(s).toFixed(1)}" cy="${py(ms).toFixed(1)}" r="2.5" fill="${COLORS[v]}"/>`,
          )
          .join(''),
    );
  return `<g><text x="${x0 + M.l}" y="${y0 + 14}" font-weight="bold">${esc(op.name)}</text>
<rect x="${x0 + M.l}" y="${y0 + M.t}" width="${W - M.l - M.r}" height="${H - M.t - M.b}" fill="none" stroke="#999"/>
${grid.join('')}${lines.join('')}</g>`;
}
