import type { NodeRow } from '../../store/reads/reads';

/**
 * The contract between a field and its plan: a row carries the stored properties its selection's
 * resolvers declared (readsProps, or the field's own name), and nothing else. With plan checks on
 * (PLAN_CHECKS, on outside production), a row refuses a read of any other property with an error
 * naming it, so a resolver that reads an undeclared property fails every test that reaches it
 * instead of silently resolving `undefined`.
 */

/** Reads every object answers or that libraries probe (promise checks, JSON, inspection). */
const PROBES: ReadonlySet<string> = new Set([
  'then',
  'toJSON',
  'constructor',
  'inspect',
  'nodeType',
  '$$typeof',
]);

/** Thrown when a resolver reads a property its plan did not fetch. */
export class UnplannedPropertyError extends Error {}

/** `row`, refusing reads of properties it was not fetched with. */
export function checkedRow(row: NodeRow): NodeRow {
  return new Proxy(row, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && !PROBES.has(key)) {
        throw new UnplannedPropertyError(
          `a resolver read ${target.__label}.${key}, which its plan did not fetch: declare it with readsProps`,
        );
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
