import type { Gateway } from '../gateway';

/** What the API shows of an observation beyond the figures checkObservations returns. */
export interface ObservationDetails {
  indicatorName: string | null;
  interpretation: string | null;
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
RETURN oid, i.name AS indicatorName, o.interpretation AS interpretation`,
    { ids },
  );
  const byId = new Map(rows.map((r) => [String(r.oid), r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) return null;
    return {
      indicatorName: (r.indicatorName as string | null) ?? null,
      interpretation: (r.interpretation as string | null) ?? null,
    };
  });
}
