/**
 * Numbers as reports write them: Arabic (`1,079`, `85.71`, `1.5`), Chinese (`一百五十九`, `两`,
 * `二〇一三`, `三点五`), and either followed by the multipliers 万 / 亿 (`1.5万`, `3千万`, `一亿二千万`).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** A regular-expression source for one number with its multipliers (no capture groups). */
export const NUMBER_SOURCE =
  '(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)(?:[千百]?[万亿])*';

/** Rounds away binary noise: 1.5 × 10000 is 15000, not 15000.000000000002. */
const clean = (n: number) => Number(n.toPrecision(12));

/**
 * The value of one number written as NUMBER_SOURCE matches, or null when it is not a number
 * (e.g. a lone multiplier). Chinese digits in a row without units (`二〇一三`) read as a
 * positional numeral.
 */
export function parseNumber(s: string): number | null {
  const m = /^(.*?)((?:[千百]?[万亿])*)$/.exec(s);
  if (!m) return null;
  const [, head, tail] = m;
  if (head === '' && tail !== '') return null;
  // A trailing 万/亿 run multiplies an Arabic head; a Chinese head parses the whole string.
  if (/^[\d.,]+$/.test(head)) {
    const base = Number(head.replace(/,/g, ''));
    if (!Number.isFinite(base)) return null;
    let mult = 1;
    for (const c of tail) mult *= BIG_UNITS[c] ?? SMALL_UNITS[c] ?? 1;
    return clean(base * mult);
  }
  // 三点五万, 四千一百二十五点四万: a Chinese decimal multiplied by its 万/亿 run.
  if (head.includes('点') && tail !== '') {
    const base = parseChinese(head);
    if (base === null) return null;
    let mult = 1;
    for (const c of tail) mult *= BIG_UNITS[c] ?? SMALL_UNITS[c] ?? 1;
    return clean(base * mult);
  }
  return parseChinese(s);
}

function parseChinese(s: string): number | null {
  const [intPart, frac] = s.split('点');
  if (frac !== undefined) {
    const i = parseChinese(intPart);
    if (i === null || !/^[零〇一二三四五六七八九]+$/.test(frac)) return null;
    return clean(i + Number(`0.${[...frac].map((c) => DIGITS[c]).join('')}`));
  }
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c];
      digit = null;
    } else if (c in BIG_UNITS) {
      const group = section + (digit ?? 0);
      total = c === '亿' ? (total + group) * 1e8 : total + group * 1e4;
      section = 0;
      digit = null;
    } else return null;
  }
  const n = total + section + (digit ?? 0);
  return s === '' ? null : clean(n);
}
