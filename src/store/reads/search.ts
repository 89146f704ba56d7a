import type { Label } from '../../domain/model';
import { fetchLimit, type Page } from '../../domain/page';
import type { Gateway } from '../gateway';
import { SEARCHABLE_LABELS } from '../migrations/migrations';
import type { NodeRow } from './reads';

/** Characters with a meaning in Lucene's query syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns user text into a Lucene query that matches it literally: every operator character is
 * escaped and the boolean keywords are lower-cased (Lucene only reads them upper-case).
 * Returns null when nothing searchable remains.
 */
export function toLuceneQuery(text: string): string | null {
  const escaped = text
    .replace(LUCENE_SPECIAL, (c) => `\\${c}`)
    .replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase())
    .trim();
  return escaped.replace(/\\./g, '').trim() === '' ? null : escaped;
}

export interface SearchHit {
  score: number;
  node: NodeRow;
}

const HIT = 'n {.*, __label: labels(n)[0], __sort: null}';

/**
 * Ranked hits, `fetchLimit(page)` of them, after the keyset position (score desc, id asc).
 * Queries of one character cannot use the bigram index, so they scan names (capped by labels).
 */
export async function searchEntities(
  gw: Gateway,
  text: string,
  labels: readonly Label[],
  page: Page,
): Promise<SearchHit[]> {
  const allowed = labels.length
    ? labels.filter((l) => (SEARCHABLE_LABELS as readonly string[]).includes(l))
    : [...SEARCHABLE_LABELS];
  const [afterScore, afterId] = page.from ?? [null, null];
  const params = { labels: allowed, limit: fetchLimit(page), afterScore, afterId, text };
  const seek = '($afterId IS NULL OR score < $afterScore OR (score = $afterScore AND n.id > $afterId))';
  const chars = [...text.trim()];
  if (chars.length <= 1) {
    const arms = allowed
      .map(
        (l) =>
          `MATCH (n:${l}) WHERE n.name CONTAINS $text OR coalesce(n.aliasText, '') CONTAINS $text RETURN n`,
      )
      .join(' UNION ALL ');
    const rows = await gw.read(
      'search.substring',
      `CALL () { ${arms} } WITH n, 1.0 AS score WHERE ${seek} RETURN ${HIT} AS node, score ORDER BY score DESC, n.id LIMIT $limit`,
      params,
    );
    return rows.map((r) => ({ score: Number(r.score), node: r.node as NodeRow }));
  }
  const query = toLuceneQuery(text);
  if (query === null) return [];
  const rows = await gw.read(
    'search.fulltext',
    "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS n, score " +
      `WHERE labels(n)[0] IN $labels AND ${seek} RETURN ${HIT} AS node, score ORDER BY score DESC, n.id LIMIT $limit`,
    { ...params, query },
  );
  return rows.map((r) => ({ score: Number(r.score), node: r.node as NodeRow }));
}

/** How many entities match (for totalCount). */
export async function searchCount(gw: Gateway, text: string, labels: readonly Label[]): Promise<number> {
  const allowed = labels.length ? labels : [...SEARCHABLE_LABELS];
  if ([...text.trim()].length <= 1) {
    const arms = allowed
      .map(
        (l) =>
          `MATCH (n:${l}) WHERE n.name CONTAINS $text OR coalesce(n.aliasText, '') CONTAINS $text RETURN n`,
      )
      .join(' UNION ALL ');
    const [row] = await gw.read('search.substringCount', `CALL () { ${arms} } RETURN count(n) AS n`, {
      text,
    });
    return Number(row.n);
  }
  const query = toLuceneQuery(text);
  if (query === null) return 0;
  const [row] = await gw.read(
    'search.fulltextCount',
    "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node WHERE labels(node)[0] IN $labels RETURN count(node) AS n",
    { query, labels: allowed },
  );
  return Number(row.n);
}
