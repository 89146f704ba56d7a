import { isInexact, NUMBER_SOURCE, parseNumber } from './chinese-number';
import { dateFigures } from './date-figures';
import { figure, type Figure, type FigureComparator, type FigureKind } from './figure';
import { namedBefore, nounAt, periodOf, rateOf, sameSentence, sentenceBefore } from './figure-context';
import { clauseAt, type Span } from './spans';
import { termFigures } from './term-figures';
import { CLASSIFIER_UNITS, CLASSIFIERS, unitFromNouns } from './unit-lexicon';

// A lone 万 or 亿 before 余/多 is one of them (万余名党员 = more than 10,000 persons).
const NUM = new RegExp(`${NUMBER_SOURCE}|[万亿](?=[余多])`, 'gu');
const MORE_THAN_AFTER = /^(?:余|多)/;
const STOP = /[，,。；;！!？?、：:（()）“”"「」《》\n与和及同并]/;
const YEAR_HORIZON_AFTER = /^(?:多)?(?:以来|来|内|间|期间|中|前|后)/;
/** Words that make N年/N个月/N天 a span of time (为期三年, 长达25年, 连续四年), not a count. */
const SPAN_BEFORE = /(?:为期|长达|历时|连续|持续|坚持)$/;

/**
 * Every figure of a report, in text order. `a` is the analysis text (simplified, ASCII digits),
 * `t` the normalised text of the same length that quotes come from.
 */
export function extractFigures(t: string, a: string): Figure[] {
  return readFigures(t, a).figures;
}

/**
 * The figures (extractFigures) and the numerals read but left out of them because their value
 * cannot be held exactly (9999999999999999元, 9007199254740多万元): each span covers the numeral
 * with its magnitude, so that a reviewer sees what the pipeline did not propose.
 */
export function readFigures(t: string, a: string): { figures: Figure[]; inexact: Span[] } {
  const out: Figure[] = [];
  const inexact: Span[] = [];
  const covered: Span[] = [];
  const taken = (s: number, e: number) => covered.some((c) => s < c.end && c.start < e);

  for (const f of [...dateFigures(t, a), ...termFigures(t, a)]) {
    out.push(f);
    covered.push(f.span);
  }

  let previous: Figure | null = null;
  for (const m of a.matchAll(NUM)) {
    const start = m.index;
    const numText = m[0];
    const numEnd = start + numText.length;
    if (taken(start, numEnd)) continue;
    const prev = a[start - 1] ?? '';
    if (/[A-Za-z0-9._\-/]/.test(prev) || prev === '第' || /^[A-Za-z]/.test(a[numEnd] ?? '')) continue;
    const arabic = /^\d/.test(numText);
    let value = numText === '万' ? 1e4 : numText === '亿' ? 1e8 : parseNumber(numText);
    if (value === null) {
      if (isInexact(numText)) inexact.push({ start, end: numEnd });
      continue;
    }
    // A lone 一 is an article (一个村, 一批), except in a span up to now or ahead (一年来, 一年内).
    const lone = numText === '一' && !/^(?:年|个月)多?(?:以来|来|内)/.test(a.slice(numEnd));
    if (!arabic && (lone || /^[一二两三四五六七八九十]是/.test(a.slice(start, numEnd + 1)))) continue;

    let pos = numEnd;
    let atLeast = false;
    if (MORE_THAN_AFTER.test(a.slice(pos))) {
      atLeast = true;
      pos += 1;
      // 2500多万元, 3200余万名: the qualifier sits between the digits and their magnitude.
      const mag = /^[千百]?[万亿]+/.exec(a.slice(pos))?.[0];
      if (mag) {
        // a value the magnitude makes inexact is no figure (not the value without its magnitude)
        const whole = parseNumber(`${numText}${mag}`);
        if (whole === null) {
          if (isInexact(`${numText}${mag}`)) inexact.push({ start, end: pos + mag.length });
          continue;
        }
        value = whole;
        pos += mag.length;
      }
    }
    let classifier = CLASSIFIERS.find((c) => a.startsWith(c, pos)) ?? null;
    if (a.startsWith('万元', pos) || a.startsWith('亿元', pos)) classifier = null; // 万 was not read as part of the number
    let high: number | null = null;
    // A range: 3-5万元, 3至5个, 二至三名.
    if (classifier === null && /^[-~～—–至到]/.test(a.slice(pos))) {
      const rest = new RegExp(`^[-~～—–至到](${NUMBER_SOURCE})`, 'u').exec(a.slice(pos));
      const h = rest ? parseNumber(rest[1]) : null;
      const after = rest ? pos + rest[0].length : pos;
      const c = CLASSIFIERS.find((x) => a.startsWith(x, after));
      if (rest && h !== null && c === '年' && isYear(value) && isYear(h) && value < h) {
        // 2013至2016年: a span of calendar years, not a range of durations; it replaces the
        // year the date pass read at its end.
        const yearEnd = after + 1;
        const i = out.findIndex(
          (f) => f.kind === 'YEAR' && f.span.start === pos + 1 && f.span.end <= yearEnd + 4,
        );
        const end = i >= 0 ? Math.max(out[i].span.end, yearEnd) : yearEnd;
        if (i >= 0) out.splice(i, 1);
        covered.push({ start, end });
        out.push(
          figure(
            t,
            a,
            { start, end },
            {
              kind: 'RANGE',
              value,
              high: h,
              unit: 'year',
              classifier: '年',
              date: String(value),
              since: /(?:以来|来)$/.test(a.slice(start, end)) || /^(?:以来|来)/.test(a.slice(end)),
            },
          ),
        );
        continue;
      }
      if (rest && h !== null && c !== undefined) {
        high = h;
        if (value < h && /[万亿]$/.test(rest[1]) && !/[万亿]$/.test(numText)) {
          const lowText = `${numText}${rest[1].match(/[千百]?[万亿]+$/)?.[0] ?? ''}`;
          const low = parseNumber(lowText);
          if (low === null) {
            if (isInexact(lowText)) inexact.push({ start, end: after });
            continue;
          }
          value = low;
        }
        pos = after;
        classifier = c;
      }
    }
    let percent = false;
    if (a.slice(Math.max(0, start - 3), start) === '百分之') percent = true;
    // A number without a measure word: the counted noun right after it (5000贫困人口), or, for a
    // number with 万/亿, the thing it measures named just before it (干部达19.89万, 价值310万).
    let bareUnit: string | null = null;
    if (classifier === null && !percent) {
      if (!arabic) continue;
      const unit = unitFromNouns('', a.slice(pos, pos + 8), '');
      if (unit !== null && a.slice(pos).startsWith(nounAt(a, pos))) classifier = '';
      else {
        bareUnit = /[万亿]$/.test(numText) ? namedBefore(a.slice(clauseAt(a, start).start, start)) : null;
        if (bareUnit === null) continue;
        classifier = bareUnit === 'yuan' ? '元' : '';
      }
    }
    if (classifier === null) classifier = '%';
    // A quoted numeral with its measure word is a name (“八项”重点工作), unless an enumeration counted it above.
    if (!arabic && /[“「"]/.test(prev) && /[”」"]/.test(a[pos + classifier.length] ?? '')) continue;
    pos += (classifier === '%' && percent) || bareUnit !== null ? 0 : classifier.length;
    if (/^(?:余|多)/.test(a.slice(pos)) && !atLeast) {
      atLeast = true;
      pos += 1;
    }
    const spanStart = percent ? start - 3 : start;
    const after = a.slice(pos, pos + 4);
    let comparator: FigureComparator = atLeast ? 'MORE_THAN' : 'EXACT';
    const aboutAfter = /^(?:左右|上下)/.test(after);
    if (/^(?:以上|及以上)/.test(after)) {
      atLeast = true;
      comparator = 'AT_LEAST';
    }
    const trailing = /^(?:及以上|以上|左右|上下)/.exec(after)?.[0] ?? '';
    const before = a.slice(Math.max(0, spanStart - 6), spanStart);
    if (/(?:至少|不少于|不低于)[^，,。；;\d]{0,4}$/.test(a.slice(Math.max(0, spanStart - 10), spanStart))) {
      atLeast = true;
      comparator = 'AT_LEAST';
    } else if (/(?:超过|逾|超)$/.test(before)) {
      atLeast = true;
      comparator = 'MORE_THAN';
    }
    const about = /(?:近|约|大约|将近|接近)$/.test(before) || aboutAfter;
    const clause = clauseAt(a, spanStart);
    const clauseBefore = a.slice(clause.start, spanStart);
    const cumulative = /累计/.test(clauseBefore);

    // Years and months: counts (22年助学), or horizons and spans up to now (三年内, 8年多来).
    let kind: FigureKind = classifier === '元' ? 'AMOUNT' : classifier === '%' ? 'PERCENT' : 'COUNT';
    let since = false;
    if (['年', '个月', '天'].includes(classifier)) {
      if (
        YEAR_HORIZON_AFTER.test(a.slice(pos)) ||
        /^(?:多)?(?:以来|来)/.test(a.slice(numEnd + (atLeast ? 1 : 0) + classifier.length))
      ) {
        kind = 'DURATION';
        since = /^(?:多)?(?:以来|来)/.test(a.slice(pos));
      } else if (/^[级度底初末代]/.test(a.slice(pos))) continue;
      else if (SPAN_BEFORE.test(a.slice(Math.max(0, start - 4), start))) kind = 'DURATION';
    }
    if (high !== null) kind = 'RANGE';

    const sentence = sentenceBefore(a, spanStart);
    const rate = rateOf(sentence, clauseBefore);
    const period = periodOf(clauseBefore);
    if (rate !== null && kind !== 'DURATION') kind = 'RATE';

    const nounAfter = a.slice(pos, pos + 16).split(STOP)[0];
    const nounBefore = clauseBefore.slice(-16).split(STOP).pop() ?? '';
    let unit: string | null =
      classifier === '%'
        ? 'percent'
        : classifier === '元'
          ? 'yuan'
          : (bareUnit ?? unitFromNouns(classifier, nounAfter, nounBefore));
    if (
      unit === null &&
      previous &&
      previous.classifier === classifier &&
      sameSentence(a, previous.span.start, spanStart)
    )
      unit = previous.unit;
    unit ??= CLASSIFIER_UNITS[classifier] ?? 'items';

    const f = figure(
      t,
      a,
      { start: spanStart, end: pos + trailing.length },
      {
        kind,
        value,
        high,
        unit,
        classifier,
        atLeast,
        about,
        cumulative,
        comparator,
        per: rate,
        period,
        since,
      },
    );
    out.push(f);
    covered.push(f.span); // the high end of a range (3至5名) is not read again on its own
    previous = f;
  }
  return { figures: out.sort((x, y) => x.span.start - y.span.start), inexact };
}

const isYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;
