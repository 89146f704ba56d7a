/** Cypher fragments the indicator queries share: the area, its pairings, its tenures. */
import { COUNTED_PAIRING_KINDS, TOWNSHIP_LEVEL_KINDS, VILLAGE_LEVEL_KINDS } from '../../domain/model';

/** Closed lists are inlined as Cypher list literals; they come from domain/model, never from input. */
export const list = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
export const VILLAGE_KINDS = list(VILLAGE_LEVEL_KINDS);
export const TOWNSHIP_KINDS = list(TOWNSHIP_LEVEL_KINDS);
export const COUNTED = list(COUNTED_PAIRING_KINDS);
export const active = (v: string) => `${v}.validFrom <= date($on) AND date($on) < ${v}.validTo`;

export const AREA = 'MATCH (area:AdminUnit {id: $areaId})';
/** Pairings whose beneficiary `b` lies in the area. */
export const PAIRINGS = `${AREA}\nMATCH (area)<-[:LOCATED_IN*0..]-(b)<-[:BENEFICIARY]-(p:Pairing)`;
/** 帮扶对子 in the report's sense: assisting or stationed, beneficiary a village-level unit or a household. */
export const COUNTED_PAIRS =
  `p.kind IN ${COUNTED} AND ${active('p')}\n` +
  `  AND (b:Household OR (b:AdminUnit AND b.kind IN ${VILLAGE_KINDS}))`;
/** Things attached (FOR / HELD_IN) to a unit inside the area. */
export const unitsInArea = (rel: string, label: string) =>
  `${AREA}\nMATCH (area)<-[:LOCATED_IN*0..]-(:AdminUnit)<-[:${rel}]-(x:${label})`;
/** A person's tenure in a village-level unit of the area. */
export const TENURES = `${AREA}\nMATCH (area)<-[:LOCATED_IN*1..]-(v:AdminUnit)<-[:IN]-(t:Tenure)<-[:HOLDS]-(x:Person)`;
