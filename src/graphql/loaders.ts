import DataLoader from 'dataloader';
import { AppError } from '../domain/errors';
import { MAX_SHORT_LIST } from '../domain/validation/entity-rules';
import type { Gateway } from '../store/gateway';
import type { FilterInput } from '../store/reads/filter';
import {
  fetchAround,
  nodesByKeys,
  PRE,
  type Fetched,
  type NodeRow,
  type ParentKey,
} from '../store/reads/reads';
import type { ItemName, RelName } from '../store/reads/specs';
import { checkedRow } from './execution/contract';
import {
  allPlan,
  countPlan,
  nestedOf,
  type FieldPlan,
  type PlanItem,
  type RowPlan,
} from './execution/plan-items';

const keyOf = (k: ParentKey) => `${k.label}:${k.id}`;

/** `f` of `v`: at once when `v` is a value, after it when `v` is a promise. */
export const whenReady = <T, U>(v: T | Promise<T>, f: (t: T) => U): U | Promise<U> =>
  v instanceof Promise ? v.then(f) : f(v);

/**
 * The request's DataLoaders. Each nested field gets one loader per (relationship, normalised
 * arguments, row shape), keyed by parent, so all parents of one field at one depth share one
 * Cypher statement; results a parent's statement fetched ahead are kept by the loader id of the
 * field they belong to and by parent, and answered from there without a promise (`value`). Other
 * per-request batches (analytics) register theirs with `custom`, so this is the request's one
 * loader registry. Created per request in the context; never shared across requests.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<ParentKey, unknown, string>>();
  private readonly customs = new Map<string, unknown>();
  private readonly memos = new WeakMap<object, Map<string, unknown>>();
  /** Values a parent's statement fetched ahead, by loader id and parent key (see `ahead`). */
  private readonly fetched = new Map<string, Map<string, unknown>>();

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

  /** The loader named `id` of this request, made by `make` on first use (one registry per request). */
  custom<K, V>(id: string, make: () => DataLoader<K, V, string>): DataLoader<K, V, string> {
    let loader = this.customs.get(id) as DataLoader<K, V, string> | undefined;
    if (!loader) this.customs.set(id, (loader = make()));
    return loader;
  }

  /** Any node by (label, id), with what `rows` plans for it; null when absent. */
  node(key: ParentKey, rows: RowPlan | null = null): Promise<NodeRow | null> {
    const loader = this.get(`node|${rows?.sig ?? ''}`, () => async (keys) => {
      const found = await nodesByKeys(this.gw, keys, nestedOf(rows), rows?.props);
      return found.map((row) => row && this.primeRow(row, rows));
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

  /**
   * Every related item of `parent` (short lists such as citations), by key; a list longer than
   * MAX_SHORT_LIST fails with an error naming it rather than answer part of it.
   */
  all(rel: RelName, parent: ParentKey, rows: RowPlan | null = null): NodeRow[] | Promise<NodeRow[]> {
    const all = this.value({ main: allPlan(rel, rows), with: [] }, parent) as NodeRow[] | Promise<NodeRow[]>;
    // a rejection, never a throw: callers return this as it is from list items
    const short = (items: NodeRow[]) =>
      items.length <= MAX_SHORT_LIST
        ? items
        : Promise.reject(
            new AppError(
              'QUERY_TOO_COMPLEX',
              `${parent.label} ${parent.id} has more than ${MAX_SHORT_LIST} ${rel}, more than a list without paging answers`,
              { limit: 'listItems', max: MAX_SHORT_LIST },
            ),
          );
    return Array.isArray(all) ? short(all) : all.then(short);
  }

  /** The one related item of `parent` (e.g. a pairing's helper), or null. */
  one(
    rel: RelName,
    parent: ParentKey,
    rows: RowPlan | null = null,
  ): NodeRow | null | Promise<NodeRow | null> {
    return whenReady(this.all(rel, parent, rows), (all) => all[0] ?? null);
  }

  /**
   * A field's value for `parent`: as it is when a parent's statement fetched it ahead (resolvers
   * return it so, and graphql-js completes the prefetched part of a page without a promise per
   * object), else a promise of it from one batched statement with the fetches planned beside it
   * (whose results are kept for their fields).
   */
  value(plan: FieldPlan, parent: ParentKey): Fetched | Promise<Fetched> {
    const ahead = this.fetched.get(plan.main.id)?.get(keyOf(parent)) as Fetched | undefined;
    return ahead ?? (this.loaderOf(plan.main, plan.with).load(parent) as Promise<Fetched>);
  }

  /** `value`, always as a promise. */
  load(plan: FieldPlan, parent: ParentKey): Promise<Fetched> {
    return Promise.resolve(this.value(plan, parent));
  }

  /**
   * Keeps what `rows` planned from the values the rows carry (for `value`); returns the rows as
   * fields read them (checked against the plan's properties when plan checks are on).
   */
  primeRows(found: readonly NodeRow[], rows: RowPlan | null): NodeRow[] {
    return found.map((row) => this.primeRow(row, rows));
  }

  private primeRow(row: NodeRow, rows: RowPlan | null): NodeRow {
    const pre = row[PRE] as Fetched[] | undefined;
    if (pre !== undefined) {
      delete row[PRE];
      rows?.items.forEach((it, i) => this.prime(it, { label: row.__label, id: row.id }, pre[i]));
    }
    return rows?.checked ? checkedRow(row) : row;
  }

  private prime(it: PlanItem, parent: ParentKey, value: Fetched): void {
    if (it.fetch.labels && !it.fetch.labels.includes(parent.label)) return;
    const v = Array.isArray(value) ? this.primeRows(value, it.rows) : Number(value);
    // the first value of a key stays (as with DataLoader's prime)
    let byParent = this.fetched.get(it.id);
    if (!byParent) this.fetched.set(it.id, (byParent = new Map()));
    const key = keyOf(parent);
    if (!byParent.has(key)) byParent.set(key, v);
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
        return Array.isArray(v[0]) ? this.primeRows(v[0], main.rows) : Number(v[0]);
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
