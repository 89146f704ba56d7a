import { quotaRule, QUOTA_RULES, type QuotaRule, type QuotaRuleId } from '../../domain/quota-rules';
import type { Gateway } from '../gateway';
import { Params } from '../reads/filter';
import type { NodeRow } from '../reads/reads';
import { ruleSummaryCypher, violationCountCypher, violationsCypher } from './quota.cypher';

/** One helper falling short of one rule, with the count of every requirement (rule order). */
export interface ViolationModel {
  rule: QuotaRule;
  helper: NodeRow;
  actual: number[];
}

export interface QuotaScope {
  areaId: string | null;
  /** ISO day. */
  on: string;
  rules: readonly QuotaRuleId[] | null;
}

const rulesOf = (s: QuotaScope) =>
  s.rules ? QUOTA_RULES.filter((r) => s.rules!.includes(r.id)) : QUOTA_RULES;

/** Up to `limit` violations after the keyset position `after` ([ruleId, helperId]). */
export async function quotaViolations(
  gw: Gateway,
  scope: QuotaScope,
  after: [string, string] | null,
  limit: number,
): Promise<ViolationModel[]> {
  const params = new Params({ on: scope.on, areaId: scope.areaId, limit });
  const cypher = violationsCypher(rulesOf(scope), after, scope.areaId !== null, params);
  const rows = await gw.read('analytics.quota.violations', cypher, params.values);
  return rows.map((r) => ({
    rule: quotaRule(r.rule as QuotaRuleId),
    helper: r.helper as NodeRow,
    actual: (r.actual as number[]).map(Number),
  }));
}

export async function quotaViolationCount(gw: Gateway, scope: QuotaScope): Promise<number> {
  const params = new Params({ on: scope.on, areaId: scope.areaId });
  const [row] = await gw.read(
    'analytics.quota.count',
    violationCountCypher(rulesOf(scope), scope.areaId !== null, params),
    params.values,
  );
  return Number(row?.n ?? 0);
}

export interface RuleSummary {
  rule: QuotaRule;
  subjects: number;
  violating: number;
}

/** Per rule (all asked rules, zeros included): how many helpers it binds in scope and how many fall short. */
export async function quotaSummary(gw: Gateway, scope: QuotaScope): Promise<RuleSummary[]> {
  const rules = rulesOf(scope);
  const mins = Object.fromEntries(rules.map((r) => [r.id, r.requirements.map((q) => q.min)]));
  const params = new Params({ on: scope.on, areaId: scope.areaId, mins });
  const rows = await gw.read(
    'analytics.quota.summary',
    ruleSummaryCypher(rules, scope.areaId !== null, params),
    params.values,
  );
  const byRule = new Map(rows.map((r) => [String(r.rule), r]));
  return rules.map((rule) => ({
    rule,
    subjects: Number(byRule.get(rule.id)?.subjects ?? 0),
    violating: Number(byRule.get(rule.id)?.violating ?? 0),
  }));
}
