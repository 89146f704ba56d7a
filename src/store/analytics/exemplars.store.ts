import type { Gateway } from '../gateway';
import type { NodeRow } from '../reads/reads';

/**
 * Exemplars (先进典型): persons with the EXEMPLAR role (刘显亮) and the organizations and persons a
 * Recognition FEATURES (《七月聚焦》's 6 先进基层党组织 and 8 先进个人). In an area when the
 * exemplar is located in it, or a recognition featuring it was made FOR a unit in it.
 */

export interface ExemplarModel {
  row: NodeRow;
  reasons: ('EXEMPLAR' | 'FEATURED')[];
  /** Names of the recognitions featuring it. */
  recognitions: string[];
}

/** Tested upwards from the exemplar: the area end is unlabelled, so the planner cannot start from it. */
const IN_AREA =
  '(EXISTS { MATCH (x)-[:LOCATED_IN*0..6]->(a) WHERE a.id = $areaId } OR ' +
  'EXISTS { MATCH (x)<-[:FEATURES]-(:Recognition)-[:FOR]->()-[:LOCATED_IN*0..6]->(a) WHERE a.id = $areaId })';

const candidates = (scoped: boolean) => `CALL () {
  MATCH (x:Person) WHERE 'EXEMPLAR' IN coalesce(x.roles, []) RETURN x, 'EXEMPLAR' AS reason, null AS recognition
  UNION ALL
  MATCH (r:Recognition)-[:FEATURES]->(x) RETURN x, 'FEATURED' AS reason, r.name AS recognition
}
WITH x, collect(DISTINCT reason) AS reasons, collect(DISTINCT recognition) AS recognitions
${scoped ? `WHERE ${IN_AREA}` : ''}`;

/**
 * A page of exemplars — EXEMPLAR-role persons first, then featured ones, each by (label, id) —
 * `limit` rows after the keyset position `after` ([sort, id]).
 */
export async function exemplarPage(
  gw: Gateway,
  areaId: string | null,
  after: [string, string] | null,
  limit: number,
): Promise<ExemplarModel[]> {
  const rows = await gw.read(
    'analytics.exemplars',
    `${candidates(areaId !== null)}
WITH x, reasons, recognitions, (CASE WHEN 'EXEMPLAR' IN reasons THEN '0:' ELSE '1:' END) + labels(x)[0] AS sort
WHERE $afterSort IS NULL OR sort > $afterSort OR (sort = $afterSort AND x.id > $afterId)
RETURN x {.*, __label: labels(x)[0], __sort: sort} AS row, reasons, recognitions
ORDER BY sort, x.id LIMIT $limit`,
    { areaId, afterSort: after?.[0] ?? null, afterId: after?.[1] ?? null, limit },
  );
  return rows.map((r) => ({
    row: r.row as NodeRow,
    reasons: r.reasons as ExemplarModel['reasons'],
    recognitions: (r.recognitions as string[]).filter((x) => x !== null),
  }));
}

export async function exemplarCount(gw: Gateway, areaId: string | null): Promise<number> {
  const [row] = await gw.read(
    'analytics.exemplars.count',
    `${candidates(areaId !== null)} RETURN count(x) AS n`,
    {
      areaId,
    },
  );
  return Number(row?.n ?? 0);
}
