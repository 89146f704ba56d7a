import type { Issues } from './issues';

/** Longest name (名称/姓名) accepted, in characters. */
export const MAX_NAME = 100;
/** Longest free text (reasons, resolutions, quotes), in characters. */
export const MAX_TEXT = 2000;

/**
 * Store keys chosen by clients or import files: lower-case ASCII words joined by `:`, `.`, `-` or
 * `_`, like the seed's `au:chenghao` and `syn:zg:household:00001`. They become ids, so they are
 * kept to a safe alphabet and length.
 */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9:._-]{0,119}$/;

/**
 * Control characters (C0, DEL, C1). Names refuse all of them: NUL truncates text in C tools, ESC
 * starts terminal escape sequences, BEL rings. Free text keeps tab and line breaks (a note may
 * have several lines) and refuses the rest.
 */
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_TEXT = /[^\P{Cc}\t\n\r]/u;
/**
 * Bidirectional formatting (U+202A–202E embeddings and overrides, U+2066–2069 isolates, the
 * LRM/RLM/ALM marks): U+202E makes `exe.txt` display as `txt.exe`; stored names must read as written.
 */
const BIDI = /\p{Bidi_Control}/u;
/**
 * Characters that render as nothing: white space and the default-ignorable code points (zero
 * width space and joiners, soft hyphen, variation selectors, Hangul fillers …), plus the Braille
 * blank. A name made only of these looks empty, so it counts as empty.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** A UTF-16 surrogate not part of a pair: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;

/** How a text field is checked: a name (short, single line) or free text (long, may span lines). */
export type TextKind = 'name' | 'text';

/**
 * The one check and normalisation of every human-written string (names, aliases, notes, reasons,
 * quotes), for the mutations and every import kind alike: NFC (so 'é' typed as e + U+0301 and as
 * U+00E9 is one name), trimmed; refused when it holds a lone surrogate, a control character
 * (free text: except tab and line breaks) or bidirectional formatting, when it is empty once
 * invisible characters are removed, or when it is longer than `max` characters. Returns the
 * normalised text.
 */
export function checkText(issues: Issues, field: string, v: string, max = MAX_NAME): string {
  const kind: TextKind = max > MAX_NAME ? 'text' : 'name';
  if (LONE_SURROGATE.test(v)) {
    issues.add(field, 'must be valid Unicode text (it holds a lone surrogate)');
    return v;
  }
  const t = v.normalize('NFC').trim();
  const control = kind === 'name' ? CONTROL.exec(t) : CONTROL_IN_TEXT.exec(t);
  const bidi = BIDI.exec(t);
  if (control) issues.add(field, `must not contain control characters, got ${codePoint(control[0])}`);
  else if (bidi)
    issues.add(field, `must not contain bidirectional formatting characters, got ${codePoint(bidi[0])}`);
  else if (t.replace(INVISIBLE, '') === '') issues.add(field, 'must not be empty');
  else if ([...t].length > max) issues.add(field, `must be at most ${max} characters, got ${[...t].length}`);
  return t;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Checks a list of aliases: each a valid name, no duplicates. */
export function checkAliases(issues: Issues, field: string, v: readonly string[]): string[] {
  const out = v.map((a, i) => checkText(issues, `${field}[${i}]`, a));
  if (new Set(out).size !== out.length) issues.add(field, 'must not repeat an alias');
  return out;
}

export function checkKey(issues: Issues, field: string, v: string): void {
  if (!KEY_PATTERN.test(v))
    issues.add(field, 'must be 1–120 characters of a–z, 0–9 and : . - _, starting with a letter or digit');
}

/** The character masks are made of (刘** in an export below analyst), half- and full-width. */
const MASK_CHAR = /[*＊]/;

/**
 * A personal name (a household's or student's name or alias) may not contain the mask character:
 * a value such as 刘** is what an export below analyst shows, and stored it would overwrite the
 * real name with its mask. One rule for the mutations, the ledger imports and graph import.
 */
export function checkNotMasked(issues: Issues, field: string, v: unknown): void {
  if (typeof v === 'string' && MASK_CHAR.test(v))
    issues.add(
      field,
      `must not contain * (a masked name, as an export below analyst shows it), got ${JSON.stringify(v)}`,
    );
}
