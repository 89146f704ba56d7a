import { COMPARATORS, type Comparator } from '../../domain/model';
import type { Row } from '../gateway';

/** One reported figure as read from the graph, ready to be recomputed and compared. */
export interface ObservationRow {
  id: string;
  indicatorId: string;
  computeKey: string;
  value: number;
  unit: string;
  comparator: Comparator;
  areaId: string;
  /** ISO `YYYY-MM-DD`. */
  referenceDate: string;
  /** Extra query parameters (the keys listed in the node's `dimensionKeys`). */
  dimensions: Record<string, string | number>;
}

/** Every observation with its dimensions as `[key, value]` pairs (Cypher cannot build maps with dynamic keys). */
export const LIST_OBSERVATIONS = `MATCH (o:Observation)-[:OF]->(i:Indicator)
RETURN o.id AS id, i.id AS indicatorId, o.computeKey AS computeKey, o.value AS value, o.unit AS unit,
  o.comparator AS comparator, o.areaId AS areaId, o.referenceDate AS referenceDate,
  [k IN coalesce(o.dimensionKeys, []) | [k, o[k]]] AS dimensions
ORDER BY id`;

/** Turns a LIST_OBSERVATIONS row (plain values from the gateway) into an ObservationRow; throws naming the bad field. */
export function toObservationRow(row: Row): ObservationRow {
  const str = (k: string): string => {
    const v = row[k];
    if (typeof v !== 'string')
      throw new TypeError(`observation ${String(row.id)}: ${k} should be a string, got ${JSON.stringify(v)}`);
    return v;
  };
  const value = row.value;
  if (typeof value !== 'number')
    throw new TypeError(
      `observation ${String(row.id)}: value should be a number, got ${JSON.stringify(value)}`,
    );
  const comparator = str('comparator');
  if (!(COMPARATORS as readonly string[]).includes(comparator)) {
    throw new TypeError(
      `observation ${String(row.id)}: comparator should be one of ${COMPARATORS.join('|')}, got ${comparator}`,
    );
  }
  const dimensions: Record<string, string | number> = {};
  for (const pair of Array.isArray(row.dimensions) ? row.dimensions : []) {
    if (
      !Array.isArray(pair) ||
      typeof pair[0] !== 'string' ||
      (typeof pair[1] !== 'string' && typeof pair[1] !== 'number')
    ) {
      throw new TypeError(`observation ${String(row.id)}: malformed dimension ${JSON.stringify(pair)}`);
    }
    dimensions[pair[0]] = pair[1];
  }
  return {
    id: str('id'),
    indicatorId: str('indicatorId'),
    computeKey: str('computeKey'),
    value,
    unit: str('unit'),
    comparator: comparator as Comparator,
    areaId: str('areaId'),
    referenceDate: str('referenceDate'),
    dimensions,
  };
}

/** The parameters of an observation's compute query: `$areaId`, `$on` (ISO date; queries apply date()) and its dimensions. */
export function observationParams(o: ObservationRow): Record<string, string | number> {
  return { ...o.dimensions, areaId: o.areaId, on: o.referenceDate };
}
