import { tooComplex } from './query-limits';

/**
 * The size of a filter argument (an input object with AND/OR/NOT), and the bounds it must keep.
 * A filter compiles to one Cypher predicate evaluated on every candidate row, so its size
 * multiplies the work of the statement: a 150-branch OR took the whole 10 s deadline. Filters are
 * measured after variables are substituted, so inline and variable filters are bounded alike.
 */
export interface FilterSize {
  /** AND/OR/NOT levels on the deepest path (a filter of plain fields: 0). */
  depth: number;
  /** Sub-filters: items of every AND/OR list plus every NOT operand. */
  branches: number;
  /** Field predicates (e.g. `level`, `areaId`) in the whole tree. */
  predicates: number;
  /** The longest list given to one field (e.g. `level: [CITY, BANNER]` = 2). */
  longestList: number;
}

/** The bounds (MAX_FILTER_DEPTH, MAX_FILTER_BRANCHES, MAX_FILTER_LIST_VALUES). */
export interface FilterBounds {
  depth: number;
  branches: number;
  listValues: number;
}

/** Measures a coerced filter value. Iterative, so no input nests deep enough to overflow the stack. */
export function measureFilter(filter: unknown): FilterSize {
  const size: FilterSize = { depth: 0, branches: 0, predicates: 0, longestList: 0 };
  const stack: [unknown, number][] = [[filter, 0]];
  while (stack.length) {
    const [f, depth] = stack.pop()!;
    if (!f || typeof f !== 'object') continue;
    size.depth = Math.max(size.depth, depth);
    for (const [k, v] of Object.entries(f)) {
      if (v === null || v === undefined) continue;
      if ((k === 'AND' || k === 'OR') && Array.isArray(v)) {
        size.branches += v.length;
        for (const sub of v) stack.push([sub, depth + 1]);
      } else if (k === 'NOT') {
        size.branches += 1;
        stack.push([v, depth + 1]);
      } else {
        size.predicates += 1;
        if (Array.isArray(v)) size.longestList = Math.max(size.longestList, v.length);
      }
    }
  }
  return size;
}

/**
 * What a filter adds to the operation's cost: one per sub-filter and one per predicate, charged
 * each time the field runs (so a filter inside a page of 100 counts 100 times).
 */
export const filterCost = (s: FilterSize) => s.branches + s.predicates;

/** Throws QUERY_TOO_COMPLEX naming the bound and the argument when `s` exceeds `b`. */
export function checkFilterBounds(s: FilterSize, b: FilterBounds, argument: string): void {
  const over = (limit: string, setting: string, what: string, found: number, max: number) => {
    if (found <= max) return;
    throw tooComplex(
      `${argument} has ${found} ${what}, more than the limit of ${max} (${setting}): split it into several requests`,
      limit,
      max,
      { found, argument },
    );
  };
  over('filterDepth', 'MAX_FILTER_DEPTH', 'levels of AND/OR/NOT nesting', s.depth, b.depth);
  over('filterBranches', 'MAX_FILTER_BRANCHES', 'AND/OR/NOT branches', s.branches, b.branches);
  over('filterListValues', 'MAX_FILTER_LIST_VALUES', 'values in one list', s.longestList, b.listValues);
}
