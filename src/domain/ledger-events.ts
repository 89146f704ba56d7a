/**
 * What a change recorded in the audit log means to a front end: the kinds of `ledgerChanged`
 * events. Every audited operation maps to exactly one kind (test/unit/ledger-events.test.ts walks
 * the operations of the access policy), so a new mutation cannot be left out silently.
 */
export const LEDGER_EVENT_KINDS = [
  'PAIRING_CREATED', // 结对 created
  'PAIRING_ENDED', // 结对 ended (解除)
  'PROJECT_RECORDED', // 帮扶项目
  'VISIT_RECORDED', // 调研
  'DISPUTE_RECORDED', // 矛盾纠纷
  'DISPUTE_RESOLVED',
  'TENURE_RECORDED', // 任职
  'ENTITY_CREATED', // an admin unit, organization, person, enterprise, household or programme
  'ENTITY_UPDATED',
  'CITATION_ADDED', // 出处
  'IMPORTED', // a bulk import run (one event for the whole run)
  'REPORT_FACT_ACCEPTED', // a reviewed fact of a report (报道) written to the graph
] as const;
export type LedgerEventKind = (typeof LEDGER_EVENT_KINDS)[number];

const BY_OPERATION: Readonly<Record<string, LedgerEventKind>> = {
  createPairing: 'PAIRING_CREATED',
  endPairing: 'PAIRING_ENDED',
  recordProject: 'PROJECT_RECORDED',
  recordVisit: 'VISIT_RECORDED',
  recordDispute: 'DISPUTE_RECORDED',
  resolveDispute: 'DISPUTE_RESOLVED',
  recordTenure: 'TENURE_RECORDED',
  addCitation: 'CITATION_ADDED',
  import: 'IMPORTED',
  acceptProposedFact: 'REPORT_FACT_ACCEPTED',
};

/**
 * Audited operations that never change the published graph, so no front end hears of them:
 * proposals of a report and their rejection stay apart from the graph until a fact is accepted.
 */
export const UNANNOUNCED_OPERATIONS: ReadonlySet<string> = new Set(['proposeReport', 'rejectProposedFact']);

/** The event kind of an audit entry's operation; null for an operation this version does not know. */
export function ledgerEventKind(operation: string): LedgerEventKind | null {
  if (UNANNOUNCED_OPERATIONS.has(operation)) return null;
  const known = BY_OPERATION[operation];
  if (known) return known;
  if (/^create[A-Z]/.test(operation)) return 'ENTITY_CREATED';
  if (/^update[A-Z]/.test(operation)) return 'ENTITY_UPDATED';
  return null;
}
