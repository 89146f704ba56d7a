import type { Comparator } from '../../domain/model';
import type { Gateway } from '../gateway';
import { INDICATOR_QUERIES, isComputeKey } from './indicators.cypher';
import {
  LIST_OBSERVATIONS,
  observationParams,
  toObservationRow,
  type ObservationRow,
} from './observation-row';

/** One reported figure beside the value the graph gives now. */
export interface ObservationCheck {
  observation: ObservationRow;
  /** Null when the observation names no known query. */
  computed: number | null;
  matches: boolean;
}

/** Whether `computed` satisfies the reported figure (EXACT equality to 2 decimals, 多/余 as >, 至少 as ≥). */
export function satisfies(comparator: Comparator, reported: number, computed: number): boolean {
  switch (comparator) {
    case 'EXACT':
      return Math.round(computed * 100) === Math.round(reported * 100);
    case 'MORE_THAN':
      return computed > reported;
    case 'AT_LEAST':
      return computed >= reported;
  }
}

/**
 * Recomputes every observation (optionally only those cited from one source) from pairings and
 * entities, one read per observation, in the observation's area and on its reference date.
 */
export async function checkObservations(gw: Gateway, sourceId?: string): Promise<ObservationCheck[]> {
  const rows = await gw.read('indicators.list', LIST_OBSERVATIONS);
  const observations = rows.map(toObservationRow);
  const cited = sourceId ? await observationsOfSource(gw, sourceId) : null;
  const out: ObservationCheck[] = [];
  for (const o of observations) {
    if (cited && !cited.has(o.id)) continue;
    if (!isComputeKey(o.computeKey)) {
      out.push({ observation: o, computed: null, matches: false });
      continue;
    }
    const q = INDICATOR_QUERIES[o.computeKey];
    const [row] = await gw.read(`indicator.${o.computeKey}`, q.cypher, observationParams(o));
    const computed = row === undefined || row.value === null ? null : Number(row.value);
    out.push({
      observation: o,
      computed,
      matches: computed !== null && satisfies(o.comparator, o.value, computed),
    });
  }
  return out;
}

async function observationsOfSource(gw: Gateway, sourceId: string): Promise<Set<string>> {
  const rows = await gw.read(
    'indicators.ofSource',
    'MATCH (:Source {id: $sourceId})<-[:FROM]-(:Citation)<-[:SUPPORTED_BY]-(o:Observation) RETURN DISTINCT o.id AS id',
    { sourceId },
  );
  return new Set(rows.map((r) => String(r.id)));
}
