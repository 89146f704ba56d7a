import type { Label } from '../domain/model';
import type { FilterInput } from '../store/reads/filter';
import { fromGlobalIdOf } from './ids';

/** Which filter fields carry global ids, and of what kind. */
const ID_FIELDS: Readonly<Record<string, readonly Label[]>> = {
  areaId: ['AdminUnit'],
  programmeId: ['Programme'],
};

/** Replaces global ids in a filter (at any AND/OR/NOT depth) by store keys, checking their kind. */
export function decodeFilter<F extends object>(
  filter: F | null | undefined,
  argument = 'filter',
): FilterInput | null {
  if (!filter) return null;
  const out: FilterInput = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v === null || v === undefined) continue;
    if (k === 'AND' || k === 'OR')
      out[k] = (v as object[]).map((f, i) => decodeFilter(f, `${argument}.${k}[${i}]`)!);
    else if (k === 'NOT') out.NOT = decodeFilter(v as object, `${argument}.NOT`);
    else if (ID_FIELDS[k]) out[k] = fromGlobalIdOf(String(v), ID_FIELDS[k], `${argument}.${k}`).id;
    else out[k] = v;
  }
  return out;
}
