import type { Gateway } from '../gateway';
import type { NodeRow } from '../reads/reads';

/** What the API shows of an observation beyond the figures checkObservations returns. */
export interface ObservationDetails {
  indicatorName: string | null;
  interpretation: string | null;
  citations: NodeRow[];
}

/** Details of several observations in one statement, in key order (null when absent). */
export async function observationDetails(
  gw: Gateway,
  ids: readonly string[],
): Promise<(ObservationDetails | null)[]> {
  const rows = await gw.read(
    'analytics.observationDetails',
    `UNWIND $ids AS oid
MATCH (o:Observation {id: oid})-[:OF]->(i:Indicator)
RETURN oid, i.name AS indicatorName, o.interpretation AS interpretation,
  COLLECT { MATCH (o)-[:SUPPORTED_BY]->(c:Citation) RETURN c {.*, __label: 'Citation'} ORDER BY c.id } AS citations`,
    { ids },
  );
  const byId = new Map(rows.map((r) => [String(r.oid), r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) return null;
    return {
      indicatorName: (r.indicatorName as string | null) ?? null,
      interpretation: (r.interpretation as string | null) ?? null,
      citations: r.citations as NodeRow[],
    };
  });
}
