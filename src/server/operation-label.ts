/** The `operation` label of an operation without a name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** The `operation` label of every name that gets no label of its own. */
export const OTHER_OPERATION = 'other';
/** Longest operation name that may become a label. */
const MAX_NAME_LENGTH = 64;

/**
 * Turns a client-chosen operation name into a metrics label from a bounded set, so no client can
 * add Prometheus series at will: with an allow-list, only its names (the operations of known
 * clients) are labels; without one, the first `max` distinct names seen by this process are, and
 * later new names are counted as OTHER_OPERATION. Either way the label takes at most
 * `max` (or allow-list size) + 2 values.
 */
export class OperationLabel {
  private readonly seen = new Set<string>();
  private readonly allowed: ReadonlySet<string> | null;

  constructor(
    allowList: readonly string[] | null = null,
    private readonly max = 100,
  ) {
    this.allowed = allowList ? new Set(allowList) : null;
  }

  of(name: string | null | undefined): string {
    if (name === null || name === undefined || name === '') return ANONYMOUS_OPERATION;
    if (this.allowed) return this.allowed.has(name) ? name : OTHER_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max || name.length > MAX_NAME_LENGTH) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

/** HTTP methods that get a label of their own; any other method is counted as `other`. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The `method` label of an HTTP request: one of METHODS or `other`. */
export const methodLabel = (method: string | undefined): string =>
  method !== undefined && METHODS.has(method) ? method : 'other';
