import { OPEN_END } from '../model';
import type { Issues } from './issues';

/** A record dated within the record it hangs off (a pairing's project or visit). */
export interface DatedRecord {
  label: string;
  key: string;
  date: string;
}

/**
 * The records dated within another record (docs/model.md): a pairing's projects and visits fall in
 * the pairing's half-open validity. Every write that changes either date keeps this.
 */
export const DATED_WITHIN = [
  { parent: 'Pairing', rel: 'HAS_PROJECT', child: 'Project', date: 'date' },
  { parent: 'Pairing', rel: 'HAS_VISIT', child: 'Visit', date: 'date' },
] as const;

/**
 * Checks that every record hanging off a record (its projects and visits) still lies in the
 * record's new validity [validFrom, validTo); the issue goes to `field` and names every record
 * that would fall outside, with its date.
 */
export function checkDependentsWithin(
  issues: Issues,
  field: string,
  what: string,
  validFrom: string,
  validTo: string,
  dependents: readonly DatedRecord[],
): void {
  const outside = dependents
    .filter((d) => d.date < validFrom || d.date >= validTo)
    .sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  if (outside.length === 0) return;
  const shown = outside.slice(0, 10).map((d) => `${d.label} ${d.key} (${d.date})`);
  const more = outside.length > 10 ? ` and ${outside.length - 10} more` : '';
  issues.add(
    field,
    `the ${what} would be valid from ${validFrom} to ${validTo === OPEN_END ? 'open' : validTo}, ` +
      `but these records dated within it would fall outside: ${shown.join(', ')}${more}`,
  );
}
