import DataLoader from 'dataloader';
import type { Label } from '../domain/model';
import type { Page } from '../domain/page';
import { stableJson } from '../domain/stable-json';
import type { Gateway } from '../store/gateway';
import type { FilterInput } from '../store/reads/filter';
import {
  fetchAround,
  nodesByKeys,
  PRE,
  type Fetch,
  type Fetched,
  type NodeRow,
  type ParentKey,
} from '../store/reads/reads';
import { ITEMS, RELS, type ItemName, type RelName } from '../store/reads/specs';

const keyOf = (k: ParentKey) => `${k.label}:${k.id}`;

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

/** What to fetch with each row of a selection (see prefetch.ts), and its signature. */
export interface RowPlan {
  items: readonly PlanItem[];
  /** The properties the selection reads (always with `id`); null: every property. */
  props: readonly string[] | null;
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
    fetch: { kind: 'all', rel: RELS[rel], cap: 500, labels, props: rows?.props, nested: nestedOf(rows) },
    rows,
  };
}

/**
 * The request's DataLoaders. Each nested field gets one loader per (relationship, normalised
 * arguments, row shape), keyed by parent, so all parents of one field at one depth share one
 * Cypher statement; results a parent's statement fetched ahead are primed into the loaders of the
 * fields they belong to. Created per request in the context; never shared across requests.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<ParentKey, unknown, string>>();
  private readonly memos = new WeakMap<object, Map<string, unknown>>();

  constructor(private readonly gw: Gateway) {}

  /**
   * A value computed once per request for (`owner`, `key`), e.g. a field's prefetch plan per
   * selection (`owner`: the field's nodes in the document, shared by every row the field resolves on).
   */
  memo<T>(owner: object, key: string, make: () => T): T {
    let byKey = this.memos.get(owner);
    if (!byKey) this.memos.set(owner, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, make());
    return byKey.get(key) as T;
  }

  /** Any node by (label, id), with what `rows` plans for it; null when absent. */
  node(key: ParentKey, rows: RowPlan | null = null): Promise<NodeRow | null> {
    const loader = this.get(`node|${rows?.sig ?? ''}`, () => async (keys) => {
      const found = await nodesByKeys(this.gw, keys, nestedOf(rows), rows?.props);
      for (const row of found) if (row) this.primeRow(row, rows);
      return found;
    });
    return loader.load(key) as Promise<NodeRow | null>;
  }

  /** How many related items `parent` has under `filter`. */
  count(
    rel: RelName,
    item: ItemName,
    parent: ParentKey,
    filter: FilterInput | null | undefined,
  ): Promise<number> {
    return this.load({ main: countPlan(rel, item, filter), with: [] }, parent) as Promise<number>;
  }

  /** Every related item of `parent` (short lists such as citations), by key. */
  all(rel: RelName, parent: ParentKey, rows: RowPlan | null = null): Promise<NodeRow[]> {
    return this.load({ main: allPlan(rel, rows), with: [] }, parent) as Promise<NodeRow[]>;
  }

  /** The one related item of `parent` (e.g. a pairing's helper), or null. */
  async one(rel: RelName, parent: ParentKey, rows: RowPlan | null = null): Promise<NodeRow | null> {
    return (await this.all(rel, parent, rows))[0] ?? null;
  }

  /**
   * A field's value for `parent`: from the cache when a parent's statement fetched it ahead, else
   * in one batched statement with the fetches planned beside it (whose results are primed).
   */
  load(plan: FieldPlan, parent: ParentKey): Promise<Fetched> {
    return this.loaderOf(plan.main, plan.with).load(parent) as Promise<Fetched>;
  }

  /** Primes the loaders of what `rows` planned from the values the rows carry. */
  primeRows(found: readonly NodeRow[], rows: RowPlan | null): void {
    for (const row of found) this.primeRow(row, rows);
  }

  private primeRow(row: NodeRow, rows: RowPlan | null): void {
    const pre = row[PRE] as Fetched[] | undefined;
    if (pre === undefined) return;
    delete row[PRE];
    rows?.items.forEach((it, i) => this.prime(it, { label: row.__label, id: row.id }, pre[i]));
  }

  private prime(it: PlanItem, parent: ParentKey, value: Fetched): void {
    if (it.fetch.labels && !it.fetch.labels.includes(parent.label)) return;
    if (Array.isArray(value)) this.primeRows(value, it.rows);
    this.loaderOf(it).prime(parent, it.fetch.kind === 'count' ? Number(value) : value);
  }

  private loaderOf(main: PlanItem, beside: readonly PlanItem[] = []) {
    return this.get(main.id, () => async (keys) => {
      const name =
        main.fetch.kind === 'count' ? 'relatedCount' : main.fetch.kind === 'page' ? 'related' : 'relatedAll';
      const label = main.fetch.kind === 'all' ? '' : `.${main.fetch.item.label}`;
      const values = await fetchAround(
        this.gw,
        `${name}${label}`,
        keys,
        [main, ...beside].map((p) => p.fetch),
      );
      return values.map((v, k) => {
        beside.forEach((b, i) => this.prime(b, keys[k], v[i + 1]));
        if (Array.isArray(v[0])) this.primeRows(v[0], main.rows);
        return main.fetch.kind === 'count' ? Number(v[0]) : v[0];
      });
    });
  }

  private get(
    id: string,
    batch: () => (keys: readonly ParentKey[]) => Promise<unknown[]>,
  ): DataLoader<ParentKey, unknown, string> {
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = new DataLoader(batch(), { cacheKeyFn: keyOf, maxBatchSize: 1_000 });
      this.loaders.set(id, loader);
    }
    return loader;
  }
}

/** Re-exported for the modules that still import it from here. */
export { stableJson };
