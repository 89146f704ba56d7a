import type { Gateway } from '../gateway';
import type { AuditRow } from '../writes/history';
import type { Props } from '../writes/write-tx';
import { LEDGER_AFTER, LEDGER_HEAD } from './ledger.cypher';

/** One committed audit entry at its ledger position, with the admin units its record lies in. */
export interface LedgerEntry extends AuditRow {
  /** The entry's position: 1, 2, 3 … in commit order, with no gap (see writes/ledger-position.ts). */
  position: number;
  /** Ids of the admin units containing the record (its own unit and every ancestor); [] when none. */
  areas: string[];
}

/** The last committed ledger position. */
export async function ledgerHead(gw: Gateway): Promise<number> {
  const [row] = await gw.read('ledger.head', LEDGER_HEAD);
  return Number(row.last);
}

/** Up to `limit` entries after position `after`, in position order. */
export async function ledgerAfter(gw: Gateway, after: number, limit: number): Promise<LedgerEntry[]> {
  const rows = await gw.read('ledger.after', LEDGER_AFTER, { after, limit });
  return rows.map((r) => toLedgerEntry(r.a as Props, r.areas as string[]));
}

function toLedgerEntry(a: Props, areas: string[]): LedgerEntry {
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
    position: Number(a.seq),
    areas,
  };
}
