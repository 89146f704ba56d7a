import type { Label } from '../domain/model';
import type { ProposedFact } from '../ingest/proposal';
import type { ExemplarModel } from '../store/analytics/exemplars.store';
import type { RuleSummary, ViolationModel } from '../store/analytics/quota.store';
import type {
  Interval,
  TimelineGroupBy,
  TimelinePeriodModel,
  TimelineScope,
} from '../store/analytics/timeline.store';
import type { StoredProposal } from '../store/proposals/proposals.store';
import type { AuditRow } from '../store/writes/history';
import type { Connection, Edge } from './connections';

/*
 * The values behind GraphQL types that no store module returns as such: what a resolver hands to
 * the fields of its type. codegen.yml maps the types to these (and to store models), never to a
 * resolver module, so the generated resolver types import no resolver back.
 */

/** A page of quota violations, with the per-rule summary computed only when selected. */
export type QuotaViolationConnectionModel = Connection<ViolationModel> & {
  summary: () => Promise<RuleSummary[]>;
};
export type QuotaViolationEdgeModel = Edge<ViolationModel>;

export type ExemplarConnectionModel = Connection<ExemplarModel>;
export type ExemplarEdgeModel = Edge<ExemplarModel>;

/** A timeline: its scope as asked for and its periods, counted. */
export interface TimelineModel {
  scope: TimelineScope;
  /** The helper asked for (label and id), if any. */
  helper: { label: Label; id: string } | null;
  from: string;
  /** The last period's end (exclusive). */
  to: string;
  interval: Interval;
  groupBy: TimelineGroupBy | null;
  periods: TimelinePeriodModel[];
}

export type AuditEntryConnectionModel = Connection<AuditRow>;
export type AuditEntryEdgeModel = Edge<AuditRow>;

/** A proposed fact with its proposal, so status and review come from the stored decisions. */
export interface ProposedFactModel {
  fact: ProposedFact;
  proposal: StoredProposal;
}
