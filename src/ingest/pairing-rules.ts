import type { Figure } from './figure';
import type { EntityRef, LinkedMention, PairingFact, SourceInfo } from './proposal';
import type { Sentence } from './spans';

/**
 * Verbs of assistance, longest first. 驻村/进驻/第一书记 make a STATIONED pairing (a person living
 * in the village); the others ASSIST.
 */
const VERBS =
  /结成[^，,。；;]{0,12}?对子|结对帮扶|结成|结对|定点帮扶|对口帮扶|包联|包扶|挂包|帮扶|驻村|进驻|派驻|选派/gu;
const STATIONED = /驻村|进驻|派驻|第一书记|工作队/;

/** An organisation's level from its name's first unit (自治区… REGION, …市… CITY, …旗/县… BANNER). */
export function levelOfName(name: string): string | null {
  if (/^(?:内蒙古|自治区|区直)/.test(name)) return 'REGION';
  if (/^[\u4e00-\u9fa5]{0,6}?(?:旗|县)(?!级)/.test(name) && !/市/.test(name.slice(0, 4))) return 'BANNER';
  if (/^[\u4e00-\u9fa5]{0,6}?(?:市|盟)/.test(name)) return 'CITY';
  if (/^[\u4e00-\u9fa5]{0,8}?(?:镇|乡|苏木)/.test(name)) return 'TOWNSHIP';
  return null;
}

/** Level words of a helper phrase. */
export function levelWord(s: string): string | null {
  if (/自治区级|区直|自治区/.test(s)) return 'REGION';
  if (/市级|市直/.test(s)) return 'CITY';
  if (/旗级|旗直|县级|县直|旗委|县委|旗政府|县政府/.test(s)) return 'BANNER';
  if (/乡级|镇级|苏木|乡镇|科级/.test(s)) return 'TOWNSHIP';
  return null;
}

const refOf = (m: LinkedMention): EntityRef | null =>
  m.link ? { key: m.link.key } : m.factId ? { fact: m.factId } : null;

/** Who helps: organisations, enterprises, people. Who is helped: units, households, students. */
const HELPER_TYPES: ReadonlySet<string> = new Set(['ORGANIZATION', 'ENTERPRISE', 'PERSON']);
const BENEFICIARY_TYPES: ReadonlySet<string> = new Set(['ADMIN_UNIT', 'HOUSEHOLD', 'STUDENT']);

/**
 * Proposed pairings of one sentence: for each verb of assistance, the helpers (organisations,
 * enterprises, people) written before it and the beneficiary units written after it (or, in
 * “X与Y结成…对子”, between 与 and the verb). Of a unit chain (准格尔旗城壕村) the last link is the
 * beneficiary. Level and category come from the helper's name or the words before it; what the
 * text does not say stays null for the reviewer.
 */

export function pairingsIn(
  a: string,
  s: Sentence,
  mentions: readonly LinkedMention[],
  figures: readonly Figure[],
  source: SourceInfo,
): Omit<PairingFact, 'id'>[] {
  const inS = mentions.filter((m) => m.span.start >= s.start && m.span.end <= s.end);
  const text = a.slice(s.start, s.end);
  const out: Omit<PairingFact, 'id'>[] = [];
  const seen = new Set<string>();
  for (const v of text.matchAll(VERBS)) {
    const vs = s.start + v.index;
    const ve = vs + v[0].length;
    const clauseStart = lastIndexOfAny(a, /[；;。]/, s.start, vs);
    const helpers = inS.filter(
      (m) => HELPER_TYPES.has(m.type) && m.span.end <= vs && m.span.start >= clauseStart,
    );
    if (!helpers.length) continue;
    const lastHelper = Math.max(...helpers.map((h) => h.span.end));
    const yu = a.slice(lastHelper, vs).search(/与|和|同|对|到|赴|进驻|在/);
    const benefStart = yu >= 0 ? lastHelper + yu : ve;
    const benefEnd = yu >= 0 ? vs : nextIndexOfAny(a, /[，,；;。]/, ve, s.end);
    const units = inS.filter(
      (m) => BENEFICIARY_TYPES.has(m.type) && m.span.start >= benefStart && m.span.end <= benefEnd,
    );
    const deepest = units.filter((u) => !units.some((o) => o.parent !== null && mentions[o.parent] === u));
    const stationed = STATIONED.test(v[0]) || STATIONED.test(text);
    for (const h of helpers) {
      for (const b of deepest) {
        const hr = refOf(h);
        const br = refOf(b);
        if (!hr || !br) continue;
        const key = `${hr.key ?? hr.fact}>${br.key ?? br.fact}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const before = a.slice(clauseStart, h.span.end);
        const category =
          h.type === 'ENTERPRISE'
            ? 'ENTERPRISE'
            : h.type === 'PERSON'
              ? stationed || /下挂|选派|驻村/.test(h.post ?? '')
                ? 'SECONDED_CADRE'
                : 'LEADING_CADRE'
              : 'AGENCY';
        out.push({
          kind: 'PAIRING',
          helper: hr,
          beneficiary: br,
          level: levelWord(h.name) ?? levelOfName(h.name) ?? levelWord(before),
          category,
          pairingKind: stationed && h.type === 'PERSON' ? 'STATIONED' : 'ASSIST',
          verb: v[0],
          validFrom: startOf(figures, s, source),
          quote: { start: Math.min(h.span.start, b.span.start), end: Math.max(ve, b.span.end), text: '' },
          evidence: `“${h.name}” ${v[0]} “${b.name}” in one sentence${yu >= 0 ? ' (X与Y结成…)' : ''}`,
        });
      }
    }
  }
  return out;
}

/**
 * The pairing's start: a year, date or span of years in its sentence (2012年以来 → 2012-01-01,
 * 2013年至2016年 → 2013-01-01), else the report's date.
 */
function startOf(figures: readonly Figure[], s: Sentence, source: SourceInfo): string {
  const f = figures.find(
    (x) =>
      (x.kind === 'YEAR' || x.kind === 'DATE' || (x.kind === 'RANGE' && x.unit === 'year')) &&
      x.span.start >= s.start &&
      x.span.end <= s.end,
  );
  if (!f || f.date === null) return source.published;
  return f.date.length === 4 ? `${f.date}-01-01` : f.date.length === 7 ? `${f.date}-01` : f.date;
}

function lastIndexOfAny(a: string, re: RegExp, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (re.test(a[i])) return i + 1;
  return from;
}

function nextIndexOfAny(a: string, re: RegExp, from: number, to: number): number {
  for (let i = from; i < to; i++) if (re.test(a[i])) return i;
  return to;
}
