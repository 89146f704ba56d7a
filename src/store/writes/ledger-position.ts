/**
 * The ledger position of an audit entry: `AuditEntry.seq`, 1, 2, 3 … in the order the writes
 * COMMITTED. Subscriptions read the log by position (`seq > $after`), so an entry must never
 * become visible after an entry with a higher position — otherwise a reader that already moved
 * past it would miss it.
 *
 * Every audited write takes the next value of one counter node, `(:AuditSequence {id: 'ledger'})`,
 * under its write lock (set-and-remove a property first: Cypher's documented guard against lost
 * updates, so the increment reads the last committed value). Neo4j holds that lock until the
 * transaction ends, so the next writer gets its number only after this one committed or rolled
 * back; a rollback gives its number back. Committed positions are therefore always 1..n with no
 * gap, on any edition and on a cluster's leader. The price: audited writes serialise on the
 * counter from their audit statement (the last statement of a mutation) to commit.
 *
 * Prepend to a statement that CREATEs the entry; it binds `ledgerSeq`.
 */
export const NEXT_LEDGER_POSITION =
  "MERGE (ledger:AuditSequence {id: 'ledger'}) SET ledger.__lock = true REMOVE ledger.__lock " +
  'WITH ledger SET ledger.last = coalesce(ledger.last, 0) + 1 WITH ledger.last AS ledgerSeq ';
