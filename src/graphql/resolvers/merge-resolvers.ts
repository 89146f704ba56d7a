import type { Resolvers } from '../__generated__/resolvers-types';

type TypeEntry = Record<string, unknown>;

/** Whether a module's entry for a type is a map of fields (not a scalar or enum implementation). */
const isFieldMap = (v: unknown): v is TypeEntry =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The resolver modules merged into one map. Each `Type.field` (and each scalar) is resolved by
 * exactly one module: a second definition is an error naming the field and both modules, thrown
 * when the schema is built at startup, so no module can replace another's field by coming later
 * in the list. `modules` maps a module's name (for the error) to its resolvers.
 */
export function mergeResolvers(modules: Readonly<Record<string, Resolvers>>): Resolvers {
  const merged: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  const claim = (key: string, module: string) => {
    const first = owner.get(key);
    if (first !== undefined) {
      throw new Error(
        `${key} is resolved by two resolver modules, ${first} and ${module}: each field must be resolved in one module`,
      );
    }
    owner.set(key, module);
  };
  for (const [module, resolvers] of Object.entries(modules)) {
    for (const [type, entry] of Object.entries(resolvers as Record<string, unknown>)) {
      if (!isFieldMap(entry)) {
        claim(type, module);
        merged[type] = entry;
        continue;
      }
      if (merged[type] !== undefined && !isFieldMap(merged[type])) claim(type, module);
      const fields = (merged[type] ??= {}) as TypeEntry;
      for (const [field, resolver] of Object.entries(entry)) {
        claim(`${type}.${field}`, module);
        fields[field] = resolver;
      }
    }
  }
  return merged as Resolvers;
}
