import { createRequire } from 'node:module';
import { htmlToText, looksLikeHtml } from './html-to-text';

// opencc-js ships as an ES module with a CommonJS (UMD) build; this package compiles to CommonJS,
// so it loads the UMD build. Only the one function used here is typed.
const OpenCC = createRequire(__filename)('opencc-js') as {
  Converter(o: { from: string; to: string }): (s: string) => string;
};

/**
 * A report as the pipeline reads it. `text` is the normalised text in the report's own script:
 * every offset of a proposal points into it and every quote is a verbatim substring of it.
 * `analysis` has exactly the same length, character for character: simplified script, ASCII
 * digits, `%` and punctuation, so patterns are written once (for simplified Chinese) and still
 * report offsets that are valid in `text`.
 */
export interface NormalisedReport {
  readonly text: string;
  readonly analysis: string;
  /** Whether the input read as traditional script (some character changed on conversion). */
  readonly traditional: boolean;
}

// One converter for the process: building it parses OpenCC's dictionaries (≈ 50 ms).
let toSimplified: ((s: string) => string) | null = null;
const t2s = (s: string) => (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }))(s);

/**
 * Normalises a report: HTML to text, line ends to `\n`, runs of spaces (including U+3000 and
 * no-break spaces) to one, blank lines collapsed, lines trimmed. Then the analysis copy: OpenCC
 * (traditional → mainland simplified) over the whole text, which keeps phrase context; when a
 * phrase changes length the conversion is redone character by character so offsets stay aligned.
 * Full-width digits, letters and signs become ASCII by Unicode NFKC, one character at a time.
 */
export function normaliseReport(input: string, format: 'text' | 'html' | 'auto' = 'auto'): NormalisedReport {
  const html = format === 'html' || (format === 'auto' && looksLikeHtml(input));
  const raw = html ? htmlToText(input) : input;
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0\u3000\u2002-\u200b]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const analysis = analysisOf(text);
  return { text, analysis, traditional: t2s(text) !== text };
}

/**
 * The analysis copy of a text, of exactly its length, character for character: simplified script
 * (OpenCC over the whole text, character by character where a phrase changes length), and
 * full-width digits, letters and signs as ASCII (NFKC, one character at a time).
 */
export function analysisOf(text: string): string {
  let simplified = t2s(text);
  if (simplified.length !== text.length) simplified = alignedConvert(text);
  return [...simplified]
    .map((c) => {
      const k = c.normalize('NFKC');
      return k.length === c.length ? k : c;
    })
    .join('');
}

/** Character-by-character conversion; a character whose conversion changes length stays as it is. */
function alignedConvert(text: string): string {
  let out = '';
  for (const c of text) {
    const s = t2s(c);
    out += s.length === c.length ? s : c;
  }
  return out;
}
