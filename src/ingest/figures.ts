import { NUMBER_SOURCE, parseNumber } from './chinese-number';
import { clauseAt, type Span } from './spans';
import { CLASSIFIER_UNITS, CLASSIFIERS, UNIT_LEXICON, unitFromNouns } from './unit-lexicon';

/**
 * What kind of quantity a figure is. COUNT, AMOUNT (money) and PERCENT are the figures a report
 * states about its area — the candidates for Observations. RATE is per unit (每个村50万元: a quota
 * or a standard, not a total), RANGE has a low and a high value, YEAR/DATE are points in time and
 * DURATION a horizon or a span up to now (三年内, 8年多来).
 */
export type FigureKind = 'COUNT' | 'AMOUNT' | 'PERCENT' | 'RATE' | 'RANGE' | 'YEAR' | 'DATE' | 'DURATION';

/** How exact the figure is, as the Observation's comparator records it. */
export type FigureComparator = 'EXACT' | 'MORE_THAN' | 'AT_LEAST';

export interface Figure {
  kind: FigureKind;
  value: number;
  /** The high end of a RANGE; null otherwise. */
  high: number | null;
  /** Canonical unit (persons, villages, pairings, yuan, percent, years …). */
  unit: string;
  /** The measure word as written (个, 名, 户, 元 …; '' when the noun follows the number directly). */
  classifier: string;
  /** 余/多/以上/超过/至少: the true figure is at least (or more than) `value`. */
  atLeast: boolean;
  /** 近/约/左右: the figure is approximate. */
  about: boolean;
  /** 累计: a running total. */
  cumulative: boolean;
  comparator: FigureComparator;
  /** What a RATE is per (个村, 人, 户 …); null otherwise. */
  per: string | null;
  /** 每年/每月: a figure stated per period. */
  period: 'year' | 'month' | null;
  /** For YEAR and DATE: ISO year, year-month or date; for DURATION ending now, `since` flags 以来. */
  date: string | null;
  since: boolean;
  /** The figure as written, in the normalised text. */
  span: Span;
  /** The clause that states it (verbatim). */
  quote: Span & { text: string };
}

// A lone 万 or 亿 before 余/多 is one of them (万余名党员 = more than 10,000 persons).
const NUM = new RegExp(`${NUMBER_SOURCE}|[万亿](?=[余多])`, 'gu');
const CN_DIGIT = '[〇零一二两三四五六七八九十]';
const DATE_RE = new RegExp(
  `(\\d{4}|[〇零一二三四五六七八九]{4})年(?:(\\d{1,2}|${CN_DIGIT}{1,3})月(?:(\\d{1,2}|${CN_DIGIT}{1,3})[日号])?)?(以来|来|以前|前|后|底|初|末|年底|年初)?`,
  'gu',
);
const QUOTED_TERM = /[“「"]([一二两三四五六七八九十])([^\s”」"])[”」"]/gu;

const PERIOD_WORDS: Readonly<Record<string, 'year' | 'month'>> = { 每年: 'year', 每月: 'month' };
const TOTAL_MARKERS = /共|累计|合计|总计|共计|全年|总共/;
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
  const out: Figure[] = [];
  const covered: Span[] = [];
  const taken = (s: number, e: number) => covered.some((c) => s < c.end && c.start < e);

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
    covered.push({ start, end });
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

  for (const m of a.matchAll(QUOTED_TERM)) {
    const start = m.index + 1;
    const end = start + 2;
    const value = parseNumber(m[1]);
    const items = enumerationBefore(a, m.index);
    if (value === null || items.length !== value) continue; // a name like “三到”, “八项”, “两委”
    const ch = m[2];
    const unit = CLASSIFIER_UNITS[ch] ?? (items.slice(1).every((i) => i.startsWith(ch)) ? 'themes' : 'items');
    covered.push({ start, end });
    out.push(figure(t, a, { start, end }, { kind: 'COUNT', value, unit, classifier: ch }));
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
    if (value === null) continue;
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
        value = parseNumber(`${numText}${mag}`) ?? value;
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
        if (value < h && /[万亿]$/.test(rest[1]) && !/[万亿]$/.test(numText))
          value = parseNumber(`${numText}${rest[1].match(/[千百]?[万亿]+$/)?.[0] ?? ''}`) ?? value;
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
  return out.sort((x, y) => x.span.start - y.span.start);
}

/** Whether a figure is a candidate Observation (a stated count, amount or percentage). */
export const isObservationCandidate = (f: Figure): boolean =>
  f.kind === 'COUNT' || f.kind === 'AMOUNT' || f.kind === 'PERCENT';

function figure(
  t: string,
  a: string,
  span: Span,
  p: Partial<Figure> & Pick<Figure, 'kind' | 'value' | 'unit' | 'classifier'>,
): Figure {
  const q = clauseAt(a, span.start);
  return {
    high: null,
    atLeast: false,
    about: false,
    cumulative: false,
    comparator: 'EXACT',
    per: null,
    period: null,
    date: null,
    since: false,
    ...p,
    span,
    quote: {
      start: q.start,
      end: Math.max(q.end, span.end),
      text: t.slice(q.start, Math.max(q.end, span.end)),
    },
  };
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
const isYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;

/** Words before a bare 万/亿 number that say it is money (价值310万, 投入资金达1.2亿). */
const MONEY_BEFORE =
  /(?:价值|资金|投资|投入|捐款|金额|折合|总额|总值|产值|收入)(?:达到|达|为|约|近|共|超过|累计|总计|合计)?$/u;
/** A counted noun with the verb that joins it to its bare 万/亿 number (干部达19.89万, 人口为4.5万). */
const NOUN_BEFORE = /([\u4e00-\u9fff]{1,6}?)(?:达到|达|为|有|共|约|近|超过|总数|总计|合计|累计)+$/u;

/**
 * The unit of a bare 万/亿 number from what its clause names right before it: yuan after a money
 * word, else the unit of a counted noun followed by a verb of amount (达, 为, 有 …); null if none.
 */
function namedBefore(clauseBefore: string): string | null {
  if (MONEY_BEFORE.test(clauseBefore)) return 'yuan';
  const noun = NOUN_BEFORE.exec(clauseBefore)?.[1];
  if (!noun) return null;
  return UNIT_LEXICON.find((e) => noun.endsWith(e.keyword))?.unit ?? null;
}

/** The noun directly after a number without a measure word (5000贫困人口): its first characters. */
const nounAt = (a: string, pos: number) => a.slice(pos, pos + 1);

/** The sentence text before `pos` (back to 。！？ or a line break). */
function sentenceBefore(a: string, pos: number): string {
  let s = pos;
  while (s > 0 && !/[。！？!?\n]/.test(a[s - 1])) s--;
  return a.slice(s, pos);
}

const sameSentence = (a: string, x: number, y: number) => !/[。！？!?\n]/.test(a.slice(x, y));

/**
 * What a figure is per, when a 每… before it in its sentence makes it a rate or a quota
 * (每个村50万元; 每位县级干部联系1个苏木乡镇、包扶1个嘎查村), unless its own clause marks a total
 * (共, 累计). 每年/每月 are periods, not rates.
 */
function rateOf(sentence: string, clauseBefore: string): string | null {
  if (TOTAL_MARKERS.test(clauseBefore)) return null;
  const all = [
    ...sentence.matchAll(/每(?!年|月|季|天|日|周)([个位名户家人次村]?)([^，,。；;、0-9\s]{0,6})/gu),
  ];
  if (!all.length) return null;
  const last = all[all.length - 1];
  const per = `${last[1]}${last[2]}`.replace(
    /(?:至少|不少于|都|均|要|应|帮扶|包扶|联系|投入|补助|补贴).*$/u,
    '',
  );
  return per || last[1] || '单位';
}

function periodOf(clauseBefore: string): 'year' | 'month' | null {
  for (const [w, p] of Object.entries(PERIOD_WORDS)) if (clauseBefore.includes(w)) return p;
  return null;
}

/**
 * The items of the enumeration that ends at `end` (自治区、市、旗、乡、村 → 5 items): back to the
 * clause's start or a closing quote, split on 、 和 及 与.
 */
function enumerationBefore(a: string, end: number): string[] {
  let s = end;
  while (s > 0 && !/[，,。；;：:！？\n”」]/.test(a[s - 1])) s--;
  const text = a.slice(s, end).replace(/^(?:和|及|与|以及)/, '');
  const items = text.split(/、|以及|和|及|与/).filter((x) => x !== '');
  return items.length >= 2 ? items : [];
}
