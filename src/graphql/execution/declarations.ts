import type { ItemName, RelName } from '../../store/reads/specs';

/**
 * What a field's resolver needs from the row it resolves on, declared on the resolver itself:
 * a fetch of related rows (`prefetches`) or stored properties (`readsProps`). The planner reads
 * these declarations from the executable schema (see `declarationsOf`), never from module state.
 */

/** What a resolver fetches, so a parent's statement can fetch it ahead. */
export type PrefetchMeta =
  | { kind: 'page'; rel: RelName; item: ItemName }
  | { kind: 'all'; rel: RelName; /** expected rows per parent, for the budget */ rows: number };

/** What a field's resolver needs: a fetch, some properties, or (undeclared) anything. */
export type Declared = PrefetchMeta | readonly string[] | 'anything';

/** Type → field → what its resolver needs. A field absent here reads the property of its name. */
export type Declarations = ReadonlyMap<string, ReadonlyMap<string, Declared>>;

const META = Symbol('prefetch');
const READS = Symbol('reads');

/** Declares what `resolver` fetches (returns the resolver). */
export function prefetches<F extends object>(resolver: F, meta: PrefetchMeta): F {
  return Object.assign(resolver, { [META]: meta });
}

/**
 * Declares which stored properties `resolver` reads from its row besides `id` (returns the
 * resolver). Rows are fetched with exactly the declared properties; reading another one fails
 * while plan checks are on (contract.ts), so a missing declaration cannot pass the tests.
 */
export function readsProps<F extends object>(resolver: F, props: readonly string[]): F {
  return Object.assign(resolver, { [READS]: props });
}

/** What one resolver declares (undefined: nothing, i.e. it may read anything). */
export function declaredBy(resolver: unknown): PrefetchMeta | readonly string[] | undefined {
  const r = resolver as { [META]?: PrefetchMeta; [READS]?: readonly string[] };
  return r[META] ?? r[READS];
}

/**
 * The declarations of the resolver maps a schema is built from. Later maps win, as in the
 * schema (the executable schema wraps resolvers, so they are read from the maps).
 */
export function declarationsOf(maps: readonly object[]): Declarations {
  const index = new Map<string, Map<string, Declared>>();
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      if (!fields || typeof fields !== 'object') continue;
      const byField = index.get(type) ?? new Map<string, Declared>();
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (typeof resolver === 'function') byField.set(field, declaredBy(resolver) ?? 'anything');
      }
      index.set(type, byField);
    }
  }
  return index;
}

/** The fetch `type.field` declares, if any. */
export function metaOf(d: Declarations, type: string, field: string): PrefetchMeta | undefined {
  const x = d.get(type)?.get(field);
  return x && x !== 'anything' && !Array.isArray(x) ? (x as PrefetchMeta) : undefined;
}

/** The stored properties `type.field` reads from its row; null: any (an undeclared resolver). */
export function propsOf(d: Declarations, type: string, field: string): readonly string[] | null {
  const x = d.get(type)?.get(field);
  if (x === undefined) return [field];
  if (x === 'anything') return null;
  return Array.isArray(x) ? (x as readonly string[]) : [];
}
