import { parseNumber } from './chinese-number';
import { figure, type Figure } from './figure';
import { CLASSIFIER_UNITS } from './unit-lexicon';

const QUOTED_TERM = /[“「"]([一二两三四五六七八九十])([^\s”」"])[”」"]/gu;

/**
 * Quoted numeral terms that count the enumeration before them (自治区、市、旗、乡、村“五级” → 5
 * levels) as COUNT figures; a quoted term that counts nothing before it is a name (“三到”, “两委”).
 */
export function termFigures(t: string, a: string): Figure[] {
  const out: Figure[] = [];
  for (const m of a.matchAll(QUOTED_TERM)) {
    const start = m.index + 1;
    const end = start + 2;
    const value = parseNumber(m[1]);
    const items = enumerationBefore(a, m.index);
    if (value === null || items.length !== value) continue; // a name like “三到”, “八项”, “两委”
    const ch = m[2];
    const unit = CLASSIFIER_UNITS[ch] ?? (items.slice(1).every((i) => i.startsWith(ch)) ? 'themes' : 'items');
    out.push(figure(t, a, { start, end }, { kind: 'COUNT', value, unit, classifier: ch }));
  }
  return out;
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
