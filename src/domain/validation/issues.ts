import { AppError } from '../errors';

/** One problem with one input field: `field` is its path (e.g. `input.validTo`, or a CSV column). */
export interface Issue {
  field: string;
  problem: string;
}

/** Collects issues under a path prefix (e.g. `input`). */
export class Issues {
  readonly list: Issue[] = [];
  constructor(private readonly prefix = 'input') {}

  add(field: string, problem: string): this {
    this.list.push({ field: this.prefix ? `${this.prefix}.${field}` : field, problem });
    return this;
  }

  /** Adds every issue of `more` (already carrying full paths). */
  merge(more: readonly Issue[]): this {
    this.list.push(...more);
    return this;
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  /** Throws BAD_USER_INPUT naming the first issue's field; all issues travel in `details.issues`. */
  throwIfAny(): void {
    if (this.ok) return;
    throw invalid(this.list);
  }
}

/** BAD_USER_INPUT for a non-empty list of issues. */
export function invalid(issues: readonly Issue[]): AppError {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AppError('BAD_USER_INPUT', `${first.field}: ${first.problem}${more}`, {
    argument: first.field,
    issues,
  });
}
