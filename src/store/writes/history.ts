import { badInput } from '../../domain/errors';
import type { Keyset, Page } from '../../domain/page';
import type { Gateway } from '../gateway';
import type { NodeKey } from '../../domain/node-key';
import type { Props } from './write-tx';

/** One audit entry as stored: before/after are the record's properties (JSON), null for none. */
export interface AuditRow {
  id: string;
  /** ISO 8601 date-time of the write. */
  at: string;
  actor: string;
  role: string;
  operation: string;
  targetLabel: string;
  targetId: string;
  before: Props | null;
  after: Props | null;
  details: Props | null;
  requestId: string | null;
  version: number | null;
}

/** Which end of a record's history comes first. */
export type HistoryOrder = 'OLDEST_FIRST' | 'NEWEST_FIRST';

/**
 * A position in a record's history: the entry's time (ISO 8601, as stored) and `version|id`
 * (the version each entry wrote, 0 for none, then the entry's key break ties of one instant).
 */
export const historyKeyset = (a: AuditRow): Keyset => [a.at, `${a.version ?? 0}|${a.id}`];

/** The sort key of an entry; seeks compare `at` as a DateTime, not as text (fractions vary in length). */
const SORT = 'a.at, coalesce(a.version, 0), a.id';
const SORT_DESC = 'a.at DESC, coalesce(a.version, 0) DESC, a.id DESC';
const AFTER =
  '(a.at > datetime($at) OR (a.at = datetime($at) AND (coalesce(a.version, 0) > $version OR ' +
  '(coalesce(a.version, 0) = $version AND a.id > $entry))))';
const BEFORE =
  '(a.at < datetime($at) OR (a.at = datetime($at) AND (coalesce(a.version, 0) < $version OR ' +
  '(coalesce(a.version, 0) = $version AND a.id < $entry))))';

/** ISO 8601 date-times as the store writes them (a cursor's time is checked before Cypher sees it). */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * One page of a record's audit entries (append-only: nothing in the service updates or deletes
 * them): up to `page.limit + 1` entries in seek order (the extra one tells whether another page
 * exists), oldest first or newest first; a backward page is fetched in reverse (the connection
 * builder flips it). Uses the `auditentry_target` index; the sort is per record.
 */
export async function readHistoryPage(
  gw: Gateway,
  target: NodeKey,
  page: Page,
  order: HistoryOrder,
): Promise<AuditRow[]> {
  const ascending = (page.direction === 'forward') === (order === 'OLDEST_FIRST');
  const params: Record<string, unknown> = { id: target.id, label: target.label, limit: page.limit + 1 };
  let seek = '';
  if (page.from) {
    const [at, rest] = page.from;
    const bar = rest.indexOf('|');
    const version = Number(rest.slice(0, bar));
    if (typeof at !== 'string' || !ISO_DATETIME.test(at) || bar < 0 || !Number.isSafeInteger(version))
      throw badInput('the cursor is not a position in this history', {
        argument: page.direction === 'forward' ? 'after' : 'before',
      });
    Object.assign(params, { at, version, entry: rest.slice(bar + 1) });
    seek = ` AND ${ascending ? AFTER : BEFORE}`;
  }
  const rows = await gw.read(
    'history.page',
    'MATCH (a:AuditEntry {targetId: $id}) WHERE a.targetLabel = $label' +
      seek +
      ` RETURN a {.*} AS a ORDER BY ${ascending ? SORT : SORT_DESC} LIMIT $limit`,
    params,
  );
  return rows.map((r) => toAuditRow(r.a as Props));
}

/** How many audit entries a record has. */
export async function countHistory(gw: Gateway, target: NodeKey): Promise<number> {
  const [r] = await gw.read(
    'history.count',
    'MATCH (a:AuditEntry {targetId: $id}) WHERE a.targetLabel = $label RETURN count(a) AS n',
    { id: target.id, label: target.label },
  );
  return Number(r.n);
}

/** An audit entry as stored (JSON text in before/after/details) → the record history and the ledger read. */
export function toAuditRow(a: Props): AuditRow {
  const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as Props) : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(a.id),
    at: String(a.at),
    actor: String(a.actor),
    role: String(a.role),
    operation: String(a.operation),
    targetLabel: String(a.targetLabel),
    targetId: String(a.targetId),
    before: json(a.before),
    after: json(a.after),
    details: json(a.details),
    requestId: str(a.requestId),
    version: typeof a.version === 'number' ? a.version : null,
  };
}
