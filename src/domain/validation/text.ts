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

/** Checks a required text: trimmed, non-empty, at most `max` characters. Returns the trimmed text. */
export function checkText(issues: Issues, field: string, v: string, max = MAX_NAME): string {
  const t = v.trim();
  if (t === '') issues.add(field, 'must not be empty');
  else if ([...t].length > max) issues.add(field, `must be at most ${max} characters, got ${[...t].length}`);
  return t;
}

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
