import type { Label } from '../../domain/model';
import type { Page } from '../../domain/page';
import type { FilterInput } from '../../store/reads/filter';
import type { Fetch } from '../../store/reads/reads';
import { ITEMS, RELS, type ItemName, type RelName } from '../../store/reads/specs';
import { stableJson } from '../../domain/stable-json';
import { MAX_SHORT_LIST } from '../../domain/validation/entity-rules';

/**
 * One field's fetch, and the id of the loader whose cache holds its results: the id names what is
 * fetched (relationship, normalised arguments) and the shape of the rows (which properties they
 * carry), so a result fetched ahead by a parent's statement is found by the field's own resolver.
 */
export interface PlanItem {
  id: string;
  fetch: Fetch;
  /** For pages and lists: what to fetch with each of the fetched rows. */
  rows: RowPlan | null;
}

/** What to fetch with each row of a selection, and its signature. */
export interface RowPlan {
  items: readonly PlanItem[];
  /** The properties the selection reads (always with `id`); null: every property. */
  props: readonly string[] | null;
  /** Whether rows refuse reads of properties outside `props` (plan checks, contract.ts). */
  checked: boolean;
  sig: string;
}

/** A field's plan: its own fetch, and fetches of the same parent made in the same statement (its totalCount). */
export interface FieldPlan {
  main: PlanItem;
  with: readonly PlanItem[];
}

/** The fetches a row plan makes with each row. */
export const nestedOf = (rows: RowPlan | null) => rows?.items.map((i) => i.fetch) ?? [];

/**
 * The part of a loader id that names the rows' shape: which properties they carry. Rows of one
 * shape are cached under one id, so a field never finds rows fetched without a property it reads.
 */
const shapeOf = (rows: RowPlan | null) => (rows?.props ? rows.props.join(',') : '*');

/** A page of `rel` items per parent. */
export function pagePlan(
  rel: RelName,
  item: ItemName,
  filter: FilterInput | null | undefined,
  order: string,
  page: Page,
  rows: RowPlan | null = null,
  labels: readonly Label[] | null = null,
): PlanItem {
  return {
    id: `page|${rel}|${item}|${stableJson({ filter, order, page })}|${shapeOf(rows)}`,
    fetch: {
      kind: 'page',
      rel: RELS[rel],
      item: ITEMS[item],
      filter,
      order,
      page,
      labels,
      props: rows?.props,
      nested: nestedOf(rows),
    },
    rows,
  };
}

/** The number of `rel` items per parent under a filter. */
export function countPlan(
  rel: RelName,
  item: ItemName,
  filter: FilterInput | null | undefined,
  labels: readonly Label[] | null = null,
): PlanItem {
  return {
    id: `count|${rel}|${item}|${stableJson(filter ?? null)}`,
    fetch: { kind: 'count', rel: RELS[rel], item: ITEMS[item], filter, labels },
    rows: null,
  };
}

/** Every `rel` item per parent (short lists, to-one relationships), by key. */
export function allPlan(
  rel: RelName,
  rows: RowPlan | null = null,
  labels: readonly Label[] | null = null,
): PlanItem {
  return {
    id: `all|${rel}|${shapeOf(rows)}`,
    fetch: {
      kind: 'all',
      rel: RELS[rel],
      cap: MAX_SHORT_LIST,
      labels,
      props: rows?.props,
      nested: nestedOf(rows),
    },
    rows,
  };
}
