import type { Gateway } from '../gateway';
import type { NodeRef, Props } from './write-tx';

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

/** The most history entries one call returns. */
export const MAX_HISTORY = 1_000;

/**
 * Every audit entry of one record, oldest first (by time, then by the version each wrote).
 * Entries are append-only: nothing in the service updates or deletes them.
 */
export async function readHistory(gw: Gateway, target: NodeRef, limit: number): Promise<AuditRow[]> {
  const rows = await gw.read(
    'history.read',
    'MATCH (a:AuditEntry {targetId: $id}) WHERE a.targetLabel = $label ' +
      'RETURN a {.*} AS a ORDER BY a.at, coalesce(a.version, 0), a.id LIMIT $limit',
    { id: target.id, label: target.label, limit },
  );
  return rows.map((r) => toAuditRow(r.a as Props));
}

function toAuditRow(a: Props): AuditRow {
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
