import type { Label } from '../domain/model';
import { OPEN_END } from '../domain/model';
import type { FilterInput } from '../store/reads/filter';
import { keysetOf, type NodeRow } from '../store/reads/reads';
import type { ItemName, RelName } from '../store/reads/specs';
import { toConnection, toPage, type NodeConnection, type PageArgs } from './connections';
import type { Context } from './context';
import { fromGlobalIdOf, toGlobalId } from './ids';

/** Shared field resolvers; each resolver module composes these. */

/** The store key of a row, as loaders take it. */
export const keyOfRow = (row: NodeRow) => ({ label: row.__label, id: row.id });

/** `id` and `key` of every Node. */
export const nodeFields = {
  id: (row: NodeRow) => toGlobalId(row.__label, row.id),
  key: (row: NodeRow) => row.id,
};

/** The Entity interface's fields beyond the stored properties. */
export const entityFields = {
  ...nodeFields,
  aliases: (row: NodeRow) => (Array.isArray(row.aliases) ? (row.aliases as string[]) : []),
  citations: (row: NodeRow, _a: unknown, ctx: Context) => ctx.loaders.all('citations', keyOfRow(row)),
};

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

export interface ListArgs extends PageArgs {
  filter?: object | null;
  orderBy?: string | null;
}

/** A resolver for a nested connection: one page per parent, batched per (field, arguments). */
export function relatedConnection(rel: RelName, item: ItemName) {
  return (row: NodeRow, args: ListArgs, ctx: Context): Promise<NodeConnection> => {
    const page = toPage(args);
    const filter = decodeFilter(args.filter);
    const order = args.orderBy ?? 'KEY';
    const parent = keyOfRow(row);
    return ctx.loaders
      .page(rel, item, parent, filter, order, page)
      .then((rows) => toConnection(rows, page, keysetOf, () => ctx.loaders.count(rel, item, parent, filter)));
  };
}

/** `validTo` as the API shows it: null while the pairing is open. */
export const validToOf = (row: NodeRow) => (row.validTo === OPEN_END ? null : (row.validTo as string | null));

/** Whether a row with validFrom/validTo is valid on an ISO day (half-open: validFrom ≤ day < validTo). */
export const activeOnDay = (row: NodeRow, day: string) =>
  String(row.validFrom) <= day && day < String(row.validTo ?? OPEN_END);

/** Today as an ISO date (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);
