/**
 * Numbers as reports write them: Arabic (`1,079`, `85.71`, `1.5`), Chinese (`一百五十九`, `两`,
 * `二〇一三`, `三点五`), either with the units 十百千万亿 (`1.5万`, `3千万`, `一亿二千万`), and the two
 * mixed (`3万5千`, `1亿2000万`, `100亿零1`). Values are computed exactly (decimal, not binary):
 * a number whose value a JavaScript number cannot hold exactly (`9999999999999999`, beyond
 * 2^53 − 1) is not a number here — the store refuses such integers too (docs/model.md).
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
/** Unit → power of ten. */
const UNITS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

const ARABIC = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
/**
 * A regular-expression source for one whole number with its units (no capture groups): it starts
 * with an Arabic number or a Chinese digit or 十百千 and runs over every Chinese digit, unit, 零,
 * Chinese decimal (点五) and — after a unit or 零 — Arabic number, so the span is the whole numeral
 * (三万五千, 十万零五百, 3万5千, 100亿零1), never its tail.
 */
export const NUMBER_SOURCE =
  `(?:${ARABIC}|[零〇一二两三四五六七八九十百千])` +
  `(?:[十百千万亿]|(?<!\\d)[零〇一二两三四五六七八九]|(?<=[零〇一二三四五六七八九十百千])点[零〇一二三四五六七八九]+|(?<=[十百千万亿零])${ARABIC})*`;

/** An exact decimal: n / 10^s. */
interface Dec {
  n: bigint;
  s: number;
}
const dec = (digits: string): Dec => {
  const [i, f = ''] = digits.replace(/,/g, '').split('.');
  return { n: BigInt(i + f), s: f.length };
};
const scale = (x: Dec, k: number): Dec =>
  x.s >= k ? { n: x.n, s: x.s - k } : { n: x.n * 10n ** BigInt(k - x.s), s: 0 };
const add = (x: Dec, y: Dec): Dec =>
  x.s >= y.s ? { n: x.n + y.n * 10n ** BigInt(x.s - y.s), s: x.s } : add(y, x);
const ZERO: Dec = { n: 0n, s: 0 };
const less = (x: Dec, pow: number) => add(x, { n: -(10n ** BigInt(pow + x.s)), s: x.s }).n < 0n;

/** The JavaScript number of an exact decimal, or null when it cannot be held exactly. */
function toNumber(x: Dec): number | null {
  const neg = x.n < 0n;
  let digits = (neg ? -x.n : x.n).toString().padStart(x.s + 1, '0');
  let text = x.s === 0 ? digits : `${digits.slice(0, -x.s)}.${digits.slice(-x.s)}`;
  if (x.s > 0) text = text.replace(/0+$/, '').replace(/\.$/, '');
  digits = text;
  const v = Number(digits);
  if (Number.isInteger(v) ? !Number.isSafeInteger(v) || String(v) !== digits : String(v) !== digits)
    return null;
  return v;
}

const TOKEN = new RegExp(`${ARABIC}|点[零〇一二三四五六七八九]+|.`, 'gu');

/**
 * The value of one number written as NUMBER_SOURCE matches, or null when it is not a number (a
 * lone unit, units out of order as in 三百五千, a value not exactly representable). Chinese digits
 * in a row without units (`二〇一三`) read as a positional numeral; a single digit right after a
 * unit counts in the next lower place (三万五 = 35000, 一千二 = 1200), as it is spoken.
 */
export function parseNumber(s: string): number | null {
  const x = parseExact(s);
  return x === null ? null : toNumber(x);
}

/**
 * Whether a numeral is read but has no value because a JavaScript number cannot hold it exactly
 * (past 2^53 − 1, or too many decimals), as opposed to not being a numeral this reads (十二五).
 */
export function isInexact(s: string): boolean {
  return parseNumber(s) === null && parseExact(s) !== null;
}

/** The exact value of a numeral (parseNumber before its range check), or null when it is none. */
function parseExact(s: string): Dec | null {
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(s)) return dec([...s].map((c) => DIGITS[c]).join(''));
  let total = ZERO; // everything above 万 (whole 亿 groups)
  let wan = ZERO; // the current 万 group
  let section = ZERO; // the current group below 万
  let digit: Dec | null = null;
  let digitText = '';
  let lastUnit: number | null = null; // the unit just before `digit`, null after 零 or at the start
  let prevUnit = Infinity; // the last unit below 万 in this section (they must decrease)
  let prevBig = Infinity; // the last 万/亿 since the last 亿
  let minBig = Infinity; // the smallest 万/亿 so far: what follows it must be below it
  for (const [tok] of s.matchAll(TOKEN)) {
    if (tok.startsWith('点')) {
      // 三点五, 四千一百二十五点四万: the fraction of the integer before it; only 万/亿 may follow.
      const whole = parseExact(s.slice(0, s.indexOf('点')));
      const rest = s.slice(s.indexOf('点') + tok.length);
      if (whole === null || !/^[万亿]*$/.test(rest)) return null;
      let x = add(whole, dec(`0.${[...tok.slice(1)].map((c) => DIGITS[c]).join('')}`));
      for (const c of rest) x = scale(x, UNITS[c]);
      return x;
    }
    if (tok === '零' || tok === '〇') {
      if (digit !== null) return null;
      lastUnit = null;
    } else if (/^\d/.test(tok) || tok in DIGITS) {
      if (digit !== null) return null; // 3五, 二三十: two digits without a unit between
      digit = /^\d/.test(tok) ? dec(tok) : { n: BigInt(DIGITS[tok]), s: 0 };
      digitText = tok;
    } else if (tok in UNITS) {
      const p = UNITS[tok];
      if (p < 4) {
        if (p >= prevUnit) return null;
        section = add(section, scale(digit ?? { n: 1n, s: 0 }, p));
        prevUnit = p;
      } else {
        const group = add(section, digit ?? ZERO);
        if (p === 4) {
          if (prevBig === 4 || (group.n === 0n && wan.n === 0n && total.n === 0n)) return null;
          if (total.n !== 0n && !less(group, 4)) return null; // 1亿20000万
          wan = scale(group, 4);
        } else {
          const all = add(add(total, wan), group);
          if (all.n === 0n) return null;
          total = scale(all, 8);
          wan = ZERO;
        }
        prevBig = p === 8 ? Infinity : p;
        minBig = Math.min(minBig, p);
        section = ZERO;
        prevUnit = Infinity;
      }
      digit = null;
      lastUnit = p;
    } else return null;
  }
  let last = digit ?? ZERO;
  // 三万五, 一千二: a lone digit right after a unit is in the next lower place.
  if (
    digit !== null &&
    lastUnit !== null &&
    lastUnit > 1 &&
    /^(?:\d|[一二两三四五六七八九])$/.test(digitText)
  )
    last = scale(digit, lastUnit === 8 ? 7 : lastUnit === 4 ? 3 : lastUnit - 1);
  // 3万50000, 1万零20000: what follows a 万/亿 must be below it.
  if (minBig !== Infinity && !less(add(section, last), minBig)) return null;
  const n = add(add(add(total, wan), section), last);
  return s === '' ? null : n;
}
