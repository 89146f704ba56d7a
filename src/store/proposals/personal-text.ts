import { PERSONAL_FIELDS } from '../../domain/access-policy';
import type { Span } from '../../ingest/spans';
import type { StoredProposal } from './proposals.store';
import type { WriteTx } from '../writes/write-tx';
import { checkedLabel } from '../writes/write-tx';

/** Labels with personal fields, and those fields (name, aliases, phone …), from the schema's @personal. */
const PERSONAL = Object.entries(PERSONAL_FIELDS).map(([label, fields]) => ({
  label: checkedLabel(label),
  fields: Object.keys(fields),
}));

/**
 * The spans of a proposal's text that carry personal data, for masking in what every role reads
 * (the Source's text, citation quotes): EVERY occurrence of each household's or student's name
 * the pipeline found, and of each personal value (name, alias, phone …) of a household or student
 * already in the graph that the text contains. A name written twice, or one the pipeline did not
 * recognise as a household's, is masked wherever it stands, not only where it was found.
 */
export async function personalSpans(w: WriteTx, p: StoredProposal): Promise<Span[]> {
  const text = p.proposal.text;
  const values = new Set(
    p.proposal.mentions.filter((m) => m.type === 'HOUSEHOLD' || m.type === 'STUDENT').map((m) => m.text),
  );
  for (const { label, fields } of PERSONAL) {
    const rows = await w.run(
      `accept.personalValues.${label}`,
      `MATCH (n:${label}) UNWIND $fields AS f WITH n[f] AS v WHERE v IS NOT NULL
       UNWIND CASE WHEN valueType(v) STARTS WITH 'LIST' THEN v ELSE [v] END AS s
       WITH toString(s) AS s WHERE size(s) >= 2 AND $text CONTAINS s RETURN DISTINCT s`,
      { fields, text },
    );
    for (const r of rows) values.add(String(r.s));
  }
  const spans: Span[] = p.proposal.mentions
    .filter((m) => m.type === 'HOUSEHOLD' || m.type === 'STUDENT')
    .map((m) => m.span);
  for (const v of values)
    for (let at = text.indexOf(v); v.length > 0 && at >= 0; at = text.indexOf(v, at + 1))
      spans.push({ start: at, end: at + v.length });
  return spans;
}

/**
 * `text` (which starts at `offset` of the proposal's text) with every character of a personal span
 * but its first replaced by `*` — the INITIAL mask of names (刘显明 → 刘**), at the same length.
 */
export function maskSpans(text: string, offset: number, spans: readonly Span[]): string {
  const chars = text.split(''); // offsets are UTF-16 code units, like the spans'
  for (const sp of spans)
    for (let i = Math.max(sp.start + 1, offset); i < Math.min(sp.end, offset + text.length); i++)
      chars[i - offset] = '*';
  return chars.join('');
}
