import { PERSONAL_FIELDS } from '../../domain/access-policy';
import { analysisOf } from '../../ingest/normalise-report';
import type { Span } from '../../ingest/spans';
import type { TxRunner } from '../gateway';
import { checkedLabel } from './write-tx';

/** Labels with personal fields, and those fields (name, aliases, phone …), from the schema's @personal. */
const PERSONAL = Object.entries(PERSONAL_FIELDS).map(([label, fields]) => ({
  label: checkedLabel(label),
  fields: Object.keys(fields),
}));

/** Characters a name may be split by in a text without ceasing to be read as the name. */
const SEPARATOR = /[\s·•‧・•\u00ad\u200b-\u200d\u2060\ufeff_\-—–.．。,，、:：;；'"‘’“”()（）]/u;

/** A text with its separators left out, in analysis form, and where each kept character stood. */
interface Skeleton {
  chars: string;
  at: number[];
}

function skeleton(text: string, keep: (c: string) => boolean = (c) => !SEPARATOR.test(c)): Skeleton {
  const a = analysisOf(text); // same length as text: simplified script, NFKC
  const out: Skeleton = { chars: '', at: [] };
  for (let i = 0; i < a.length; i++)
    if (keep(a[i])) {
      out.chars += a[i];
      out.at.push(i);
    }
  return out;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
/** A phone as stored (E.164) or written: the digits a text would show of it (no +86). */
const phoneDigits = (v: string) => v.replace(/^\+86/, '').replace(/\D/g, '');
const looksLikePhone = (v: string) => /^\+?[\d\s()-]{7,}$/.test(v);

/** Every span of `text` (as `in`'s skeleton) that reads `value`'s skeleton `find`. */
function occurrences(inText: Skeleton, find: string): Span[] {
  const spans: Span[] = [];
  if (find.length < 2) return spans;
  for (let k = inText.chars.indexOf(find); k >= 0; k = inText.chars.indexOf(find, k + 1))
    spans.push({ start: inText.at[k], end: inText.at[k + find.length - 1] + 1 });
  return spans;
}

/**
 * The spans of `text` that carry personal data, for masking in what every role reads (a Source's
 * text, title and publisher, citation quotes): each of `known` (names the pipeline found as a
 * household's or student's) and each personal value (name, alias, phone …) of a household or
 * student in the graph, wherever the text reads it — in traditional or simplified script, in
 * full-width or half-width characters, split by spaces, dots or invisible characters, a phone with
 * or without +86 and separators. Runs in the caller's transaction (`run`).
 */
export async function personalSpansIn(
  run: TxRunner,
  text: string,
  known: readonly string[] = [],
): Promise<Span[]> {
  return (await personalSpansInEach(run, [text], known))[0];
}

/**
 * personalSpansIn of each of `texts`, reading the graph's personal values once for all of them
 * (one statement per personal label, not one per label and text).
 */
export async function personalSpansInEach(
  run: TxRunner,
  texts: readonly string[],
  known: readonly string[] = [],
): Promise<Span[][]> {
  const values = await readPersonalValues(run, texts, known);
  return texts.map((t) => values.spansIn(t));
}

/**
 * The personal values (`known`, and those of the graph's households and students) that any of
 * `texts` reads, read once: their spans and masks in those texts, or in any part of them, need no
 * further read.
 */
export async function readPersonalValues(
  run: TxRunner,
  texts: readonly string[],
  known: readonly string[] = [],
): Promise<PersonalValues> {
  const searched = texts.filter((t) => t.length >= 2);
  const values = new Set(known);
  for (const { label, fields } of searched.length ? PERSONAL : []) {
    const rows = await run(
      `personal.values.${label}`,
      `MATCH (n:${label}) UNWIND $fields AS f WITH n[f] AS v WHERE v IS NOT NULL
       UNWIND CASE WHEN valueType(v) STARTS WITH 'LIST' THEN v ELSE [v] END AS s
       WITH toString(s) AS s WHERE size(s) >= 2
         AND any(t IN $texts WHERE t.text CONTAINS s OR t.words CONTAINS s
           OR (s STARTS WITH '+86' AND size(s) >= 10 AND t.digits CONTAINS substring(s, 3)))
       RETURN DISTINCT s`,
      {
        fields,
        texts: searched.map((text) => ({
          text,
          words: skeleton(text).chars,
          digits: skeleton(text, isDigit).chars,
        })),
      },
    );
    for (const r of rows) values.add(String(r.s));
  }
  return new PersonalValues(values);
}

/** Personal values read once (readPersonalValues), and where a text reads them. */
export class PersonalValues {
  constructor(private readonly values: ReadonlySet<string>) {}

  /** Every span of `text` that reads one of the values (personalSpansIn's answer for it). */
  spansIn(text: string): Span[] {
    const spans: Span[] = [];
    if (text.length < 2) return spans;
    const words = skeleton(text);
    const digits = skeleton(text, isDigit);
    for (const v of this.values)
      spans.push(
        ...(looksLikePhone(v) ? occurrences(digits, phoneDigits(v)) : occurrences(words, skeleton(v).chars)),
      );
    return spans;
  }

  /** `text` with the values it reads masked (maskPersonal's answer for it). */
  mask(text: string): string {
    return maskSpans(text, 0, this.spansIn(text));
  }
}

/**
 * `text` (which starts at `offset` of the text the spans point into) with every character of a
 * personal span but its first replaced by `*` — the INITIAL mask of names (刘显明 → 刘**), at the
 * same length, so that offsets into the text still hold.
 */
export function maskSpans(text: string, offset: number, spans: readonly Span[]): string {
  const chars = text.split(''); // offsets are UTF-16 code units, like the spans'
  for (const sp of spans) {
    // the first character is kept whole: a character outside the BMP is two code units
    const first = text.codePointAt(sp.start - offset) ?? 0;
    const kept = sp.start >= offset && first > 0xffff ? 2 : 1;
    for (let i = Math.max(sp.start + kept, offset); i < Math.min(sp.end, offset + text.length); i++)
      chars[i - offset] = '*';
  }
  return chars.join('');
}

/** `text` with the personal data it reads masked (personalSpansIn, maskSpans). */
export async function maskPersonal(
  run: TxRunner,
  text: string,
  known: readonly string[] = [],
): Promise<string> {
  return maskSpans(text, 0, await personalSpansIn(run, text, known));
}

/** maskPersonal of each of `texts` (null stays null), the graph read once for all of them. */
export async function maskPersonalEach(
  run: TxRunner,
  texts: readonly (string | null)[],
  known: readonly string[] = [],
): Promise<(string | null)[]> {
  const given = texts.filter((t): t is string => t !== null);
  const spans = await personalSpansInEach(run, given, known);
  let i = 0;
  return texts.map((t) => (t === null ? null : maskSpans(t, 0, spans[i++])));
}
