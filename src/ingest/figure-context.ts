/** What the words around a number say about it: the sentence, a rate's 每…, a period, a named unit. */
import { UNIT_LEXICON } from './unit-lexicon';

const PERIOD_WORDS: Readonly<Record<string, 'year' | 'month'>> = { 每年: 'year', 每月: 'month' };
const TOTAL_MARKERS = /共|累计|合计|总计|共计|全年|总共/;

/** Words before a bare 万/亿 number that say it is money (价值310万, 投入资金达1.2亿). */
const MONEY_BEFORE =
  /(?:价值|资金|投资|投入|捐款|金额|折合|总额|总值|产值|收入)(?:达到|达|为|约|近|共|超过|累计|总计|合计)?$/u;
/** A counted noun with the verb that joins it to its bare 万/亿 number (干部达19.89万, 人口为4.5万). */
const NOUN_BEFORE = /([\u4e00-\u9fff]{1,6}?)(?:达到|达|为|有|共|约|近|超过|总数|总计|合计|累计)+$/u;

/**
 * The unit of a bare 万/亿 number from what its clause names right before it: yuan after a money
 * word, else the unit of a counted noun followed by a verb of amount (达, 为, 有 …); null if none.
 */
export function namedBefore(clauseBefore: string): string | null {
  if (MONEY_BEFORE.test(clauseBefore)) return 'yuan';
  const noun = NOUN_BEFORE.exec(clauseBefore)?.[1];
  if (!noun) return null;
  return UNIT_LEXICON.find((e) => noun.endsWith(e.keyword))?.unit ?? null;
}

/** The noun directly after a number without a measure word (5000贫困人口): its first characters. */
export const nounAt = (a: string, pos: number) => a.slice(pos, pos + 1);

/** The sentence text before `pos` (back to 。！？ or a line break). */
export function sentenceBefore(a: string, pos: number): string {
  let s = pos;
  while (s > 0 && !/[。！？!?\n]/.test(a[s - 1])) s--;
  return a.slice(s, pos);
}

export const sameSentence = (a: string, x: number, y: number) => !/[。！？!?\n]/.test(a.slice(x, y));

/**
 * What a figure is per, when a 每… before it in its sentence makes it a rate or a quota
 * (每个村50万元; 每位县级干部联系1个苏木乡镇、包扶1个嘎查村), unless its own clause marks a total
 * (共, 累计). 每年/每月 are periods, not rates.
 */
export function rateOf(sentence: string, clauseBefore: string): string | null {
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

export function periodOf(clauseBefore: string): 'year' | 'month' | null {
  for (const [w, p] of Object.entries(PERIOD_WORDS)) if (clauseBefore.includes(w)) return p;
  return null;
}
