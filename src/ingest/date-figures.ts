import { parseNumber } from './chinese-number';
import { figure, type Figure } from './figure';

const CN_DIGIT = '[〇零一二两三四五六七八九十]';
const DATE_RE = new RegExp(
  `(\\d{4}|[〇零一二三四五六七八九]{4})年(?:(\\d{1,2}|${CN_DIGIT}{1,3})月(?:(\\d{1,2}|${CN_DIGIT}{1,3})[日号])?)?(以来|来|以前|前|后|底|初|末|年底|年初)?`,
  'gu',
);

/**
 * The dates of a report (2012年, 2013年4月16日, 2012年以来) as YEAR and DATE figures, with two
 * years joined by 至/到 (2013年至2016年) made one RANGE of calendar years; in text order.
 */
export function dateFigures(t: string, a: string): Figure[] {
  const out: Figure[] = [];
  for (const m of a.matchAll(DATE_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/\d/.test(a[start - 1] ?? '')) continue;
    const y = parseNumber(m[1]);
    const mo = m[2] ? parseNumber(m[2]) : null;
    const d = m[3] ? parseNumber(m[3]) : null;
    if (
      y === null ||
      y < 1900 ||
      y > 2100 ||
      (mo !== null && (mo < 1 || mo > 12)) ||
      (d !== null && (d < 1 || d > 31))
    )
      continue;
    const iso = [String(y), mo === null ? null : pad(mo), d === null ? null : pad(d)]
      .filter(Boolean)
      .join('-');
    const since = m[4] === '以来' || m[4] === '来';
    out.push(
      figure(
        t,
        a,
        { start, end },
        {
          kind: d !== null ? 'DATE' : 'YEAR',
          value: y,
          unit: d !== null ? 'date' : mo !== null ? 'month' : 'year',
          classifier: '年',
          date: iso,
          since,
        },
      ),
    );
  }

  joinYearSpans(t, a, out);
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Two years joined by 至/到/-/— (2013年至2016年) are one span of calendar years: a RANGE with
 * unit `year`, replacing the two YEAR figures (in place; `out` holds only the date pass's figures).
 */
function joinYearSpans(t: string, a: string, out: Figure[]): void {
  out.sort((x, y) => x.span.start - y.span.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const [x, y] = [out[i], out[i + 1]];
    if (x.unit !== 'year' || y.unit !== 'year' || x.since || x.value >= y.value) continue;
    if (!/^(?:至|到|-|—|–|～|~)$/.test(a.slice(x.span.end, y.span.start))) continue;
    out.splice(
      i,
      2,
      figure(
        t,
        a,
        { start: x.span.start, end: y.span.end },
        {
          kind: 'RANGE',
          value: x.value,
          high: y.value,
          unit: 'year',
          classifier: '年',
          date: x.date,
          since: y.since,
        },
      ),
    );
  }
}
