/** A half-open range of UTF-16 offsets into the normalised text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A sentence of the normalised text with its offsets. */
export interface Sentence extends Span {
  text: string;
}

const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[，,。！？!?；;\n]/;

/** The sentences of a text (split after 。！？；; and at line breaks), blank ones left out. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_END.test(text[i])) {
      const end = i < text.length && text[i] !== '\n' ? i + 1 : i;
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed !== '')
        out.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
      start = i + 1;
    }
  }
  return out;
}

/**
 * The clause around `pos`: from after the previous ，；。！？ or line break to before the next
 * (a Chinese clause, the smallest piece that still reads as a statement).
 */
export function clauseAt(a: string, pos: number): Span {
  let s = pos;
  while (s > 0 && !clauseEndAt(a, s - 1)) s--;
  let e = pos;
  while (e < a.length && !clauseEndAt(a, e)) e++;
  while (s < e && a[s] === ' ') s++;
  return { start: s, end: e };
}

/** Whether a[i] ends a clause (a comma between digits is a thousands separator, not a clause end). */
const clauseEndAt = (a: string, i: number) =>
  CLAUSE_END.test(a[i]) &&
  !(a[i] === ',' && /\d/.test(a[i - 1] ?? '') && /\d{3}/.test(a.slice(i + 1, i + 4)));
