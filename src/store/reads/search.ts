import type { Label } from '../../domain/model';
import { fetchLimit, type Page } from '../../domain/page';
import type { Gateway } from '../gateway';
import { SEARCHABLE_LABELS } from '../migrations/migrations';
import { Params } from './filter';
import { fetchClauses, type Fetch, type NodeRow } from './reads';
import { projection, rowOf } from './row-shape';

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

/**
 * Ranked hits, `fetchLimit(page)` of them, after the keyset position (score desc, id asc), with
 * what the selection nests under each hit fetched in the same statement (`nested`) and only the
 * properties it reads (`props`; every property when null), as every planned read does.
 * Queries of one character cannot use the bigram index, so they scan names (capped by labels).
 */
export async function searchEntities(
  gw: Gateway,
  text: string,
  labels: readonly Label[],
  page: Page,
  nested: readonly Fetch[] = [],
  props: readonly string[] | null = null,
): Promise<SearchHit[]> {
  const allowed = searchedLabels(labels);
  const [afterScore, afterId] = page.from ?? [null, null];
  const params = new Params({ labels: allowed, limit: fetchLimit(page), afterScore, afterId, text });
  const seek = '($afterId IS NULL OR score < $afterScore OR (score = $afterScore AND n.id > $afterId))';
  const ordered = 'ORDER BY score DESC, n.id';
  // the statement's hits, ranked and cut, then the nested fetches of each and its row
  const hits = (name: string, source: string, where = '') =>
    gw.read(
      name,
      `${source} WHERE ${where}${seek} ` +
        (nested.length
          ? `WITH n, score ${ordered} LIMIT $limit ${fetchClauses(nested, params)} RETURN ${projection(nested, 'null', props)} AS node, score ${ordered}`
          : `RETURN ${projection(nested, 'null', props)} AS node, score ${ordered} LIMIT $limit`),
      params.values,
    );
  let rows;
  if ([...text.trim()].length <= 1) {
    const arms = substringArms(allowed);
    rows = await hits('search.substring', `CALL () { ${arms} } WITH n, 1.0 AS score`);
  } else {
    const query = toLuceneQuery(text);
    if (query === null) return [];
    params.values.query = query;
    rows = await hits(
      'search.fulltext',
      "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS n, score",
      'labels(n)[0] IN $labels AND ',
    );
  }
  return rows.map((r) => ({ score: Number(r.score), node: rowOf(r.node, nested, props) }));
}

/** Names and aliases of each label containing `$text`, one `UNION ALL` arm per label. */
const substringArms = (labels: readonly Label[]) =>
  labels
    .map(
      (l) =>
        `MATCH (n:${l}) WHERE n.name CONTAINS $text OR coalesce(n.aliasText, '') CONTAINS $text RETURN n`,
    )
    .join(' UNION ALL ');

/** The labels a search looks in: those asked that are searchable, or every searchable one. */
function searchedLabels(labels: readonly Label[]): Label[] {
  return labels.length
    ? labels.filter((l) => (SEARCHABLE_LABELS as readonly string[]).includes(l))
    : [...SEARCHABLE_LABELS];
}

/** How many entities match (for totalCount). */
export async function searchCount(gw: Gateway, text: string, labels: readonly Label[]): Promise<number> {
  const allowed = searchedLabels(labels);
  if ([...text.trim()].length <= 1) {
    const arms = substringArms(allowed);
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
