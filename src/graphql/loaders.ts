import DataLoader from 'dataloader';
import type { Page } from '../domain/page';
import type { Gateway } from '../store/gateway';
import type { FilterInput } from '../store/reads/filter';
import {
  nodesByKeys,
  relatedAll,
  relatedCounts,
  relatedPages,
  type NodeRow,
  type ParentKey,
} from '../store/reads/reads';
import { ITEMS, RELS, type ItemName, type RelName } from '../store/reads/specs';

const keyOf = (k: ParentKey) => `${k.label}:${k.id}`;

/**
 * The request's DataLoaders. Each nested field gets one loader per (relationship, normalised
 * arguments), keyed by parent, so all parents of one field at one depth share one Cypher
 * statement. Created per request in the context; never shared across requests.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<ParentKey, unknown, string>>();

  constructor(private readonly gw: Gateway) {}

  /** Any node by (label, id); null when absent. */
  node(key: ParentKey): Promise<NodeRow | null> {
    return this.get('node', () => (keys) => nodesByKeys(this.gw, keys)).load(key) as Promise<NodeRow | null>;
  }

  /** One page of related items of `parent`. */
  page(
    rel: RelName,
    item: ItemName,
    parent: ParentKey,
    filter: FilterInput | null | undefined,
    order: string,
    page: Page,
  ): Promise<NodeRow[]> {
    const id = `page|${rel}|${item}|${stableJson({ filter, order, page })}`;
    const loader = this.get(
      id,
      () => (keys) => relatedPages(this.gw, RELS[rel], ITEMS[item], keys, filter, order, page),
    );
    return loader.load(parent) as Promise<NodeRow[]>;
  }

  /** How many related items `parent` has under `filter`. */
  count(
    rel: RelName,
    item: ItemName,
    parent: ParentKey,
    filter: FilterInput | null | undefined,
  ): Promise<number> {
    const id = `count|${rel}|${item}|${stableJson(filter ?? null)}`;
    const loader = this.get(id, () => (keys) => relatedCounts(this.gw, RELS[rel], ITEMS[item], keys, filter));
    return loader.load(parent) as Promise<number>;
  }

  /** Every related item of `parent` (short lists such as citations), by key. */
  all(rel: RelName, parent: ParentKey): Promise<NodeRow[]> {
    return this.get(`all|${rel}`, () => (keys) => relatedAll(this.gw, RELS[rel], keys)).load(
      parent,
    ) as Promise<NodeRow[]>;
  }

  /** The one related item of `parent` (e.g. a pairing's helper), or null. */
  async one(rel: RelName, parent: ParentKey): Promise<NodeRow | null> {
    return (await this.all(rel, parent))[0] ?? null;
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

/** JSON with sorted object keys, so equal arguments written in another order share a loader. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
