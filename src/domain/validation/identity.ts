import type { Issues } from './issues';

/** Weights of the 17 digits of a 居民身份证号 (GB 11643-1999, ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * True for an 18-character resident ID number (居民身份证号) whose check character is right.
 * The number is never stored: writes keep a salted hash and the last four characters.
 */
export function isIdNumber(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return CHECK[sum % 11] === v[17];
}

/** Normalises an ID number (trims, upper-cases the check character x) and checks it. */
export function checkIdNumber(issues: Issues, field: string, v: string): string {
  const n = v.trim().toUpperCase();
  if (!isIdNumber(n))
    issues.add(field, 'must be an 18-character resident ID number (居民身份证号) with a valid check digit');
  return n;
}

/**
 * Mainland China phone numbers in E.164: a mobile number `+861` + 10 digits, or a landline
 * `+86` + area code (2–3 digits after a leading non-zero) + 7–8 digits. Import files may write
 * the national form (13812345678, 0477-1234567); normalisePhone turns it into E.164.
 */
const MOBILE = /^\+861[3-9]\d{9}$/;
const LANDLINE = /^\+86[1-9]\d{1,2}\d{7,8}$/;

export function normalisePhone(v: string): string {
  const t = v.trim().replace(/[\s-]/g, '');
  if (t.startsWith('+')) return t;
  if (/^1\d{10}$/.test(t)) return `+86${t}`;
  if (/^0\d{9,11}$/.test(t)) return `+86${t.slice(1)}`;
  return t;
}

export function checkPhone(issues: Issues, field: string, v: string): string {
  const n = normalisePhone(v);
  if (!MOBILE.test(n) && !LANDLINE.test(n))
    // the value is personal data: the message does not repeat it
    issues.add(field, 'must be a mainland China phone number (e.g. +8613812345678)');
  return n;
}
