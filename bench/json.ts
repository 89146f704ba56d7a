/**
 * Reading response JSON without `any`: a response is a Tree (every property is another Tree);
 * `list`, `str` and `num` say what a leaf is. Wrong guesses surface as mismatches in the
 * equivalence check, which compares the canonical forms of the three variants.
 */
export interface Tree {
  readonly [k: string]: Tree;
}

export const list = (x: Tree | undefined | null): Tree[] => (Array.isArray(x) ? (x as Tree[]) : []);
export const str = (x: Tree | undefined | null): string | null =>
  x === undefined || x === null ? null : String(x as unknown);
export const num = (x: Tree | undefined | null): number => Number(x as unknown);
export const tree = (x: unknown): Tree => x as Tree;

/** Stable JSON (object keys sorted), for comparing canonical forms. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Sorted copy (for sets compared as sets). */
export const sorted = <T>(xs: T[]): T[] => [...xs].sort((a, b) => (String(a) < String(b) ? -1 : 1));
