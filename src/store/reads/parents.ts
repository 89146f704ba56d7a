import type { Label } from '../../domain/model';
import type { Row } from '../gateway';
import type { Params } from './filter';
import type { ParentKey } from './reads';

/**
 * Binds `v` to each parent node, with `pid` = "Label:id", one anchored MATCH per label present
 * (UNION inside one CALL, so the batch stays one statement).
 */
export function matchParents(
  keys: readonly ParentKey[],
  params: Params,
  v: string,
  allowed?: readonly Label[],
): string {
  const byLabel = new Map<Label, string[]>();
  for (const k of keys) {
    if (allowed && !allowed.includes(k.label)) continue;
    byLabel.set(k.label, [...(byLabel.get(k.label) ?? []), k.id]);
  }
  if (byLabel.size === 0) return `UNWIND [] AS pid MATCH (${v}) WHERE false`;
  const arms = [...byLabel].map(([label, ids]) => {
    const p = params.add(ids);
    return `UNWIND $${p} AS id MATCH (${v}:${label} {id: id}) RETURN ${v}, '${label}:' + id AS pid`;
  });
  return `CALL () { ${arms.join(' UNION ALL ')} }`;
}

/** Each key's value among the rows (by their `pid`), in key order; null for a key without a row. */
export function inKeyOrder<T>(keys: readonly ParentKey[], rows: Row[], pick: (r: Row) => T): (T | null)[] {
  const byKey = new Map(rows.map((r) => [String(r.pid), pick(r)]));
  return keys.map((k) => byKey.get(`${k.label}:${k.id}`) ?? null);
}
