import type { Gateway } from '../gateway';
import { toAuditRow, type AuditRow } from '../writes/history';
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
  return { ...toAuditRow(a), position: Number(a.seq), areas };
}
