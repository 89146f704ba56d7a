import type { QuotaMeasure, QuotaRule } from '../../domain/quota-rules';
import { Params } from '../reads/filter';
import { activeAt, cypherList } from './specs';

/**
 * Compiles the quota rules of domain/quota-rules.ts into one statement: one UNION arm per rule,
 * each listing the rule's subjects (helper `h`) in scope with the count of every requirement, kept
 * only when some count is below its minimum. Property names and kinds come from the rule data
 * (fixed code); the day, the area, minimums and the page position are parameters.
 *
 * A helper is in an area when it is located in it (directly, or through the organization it is a
 * member of) or when any of its pairings, of any date, has a beneficiary in it — county cadres are
 * placed only by whom they assist.
 */

const ACTIVE_P = activeAt('p', '$on');

function measureCypher(m: QuotaMeasure): string {
  if (m.type === 'SECONDED_CADRES') {
    return (
      "COUNT { MATCH (h)<-[:SECONDED_FROM]-(t:Tenure {post: 'STATIONED_CADRE'})<-[:HOLDS]-(c:Person) " +
      `WHERE ${activeAt('t', '$on')} RETURN DISTINCT c }`
    );
  }
  const t = m.target;
  const target =
    t.label === 'AdminUnit'
      ? `(b:AdminUnit) WHERE b.kind IN ${cypherList(t.unitKinds)} AND`
      : `(b:${t.label}) WHERE`;
  return (
    `COUNT { MATCH (h)<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->${target} ` +
    `p.kind IN ${cypherList(m.kinds)} AND ${ACTIVE_P} RETURN DISTINCT b }`
  );
}

/**
 * The helpers in scope of an area, computed once, walking DOWN from the area (anchored on its id):
 * everything located in it, the members of organizations located in it, and the helpers of
 * pairings whose beneficiary lies in it. (Testing each subject upwards instead made the planner
 * expand the whole area below every subject: minutes at scale 100.)
 */
const SCOPE = `CALL () {
    MATCH (:AdminUnit {id: $areaId})<-[:LOCATED_IN*0..]-(u)
    CALL (u) {
      MATCH (u)<-[:BENEFICIARY]-(:Pairing)-[:HELPER]->(h) RETURN h
      UNION
      MATCH (u)<-[:MEMBER_OF*0..1]-(h) RETURN h
    }
    RETURN collect(DISTINCT h) AS scope
  }`;

/** Where the page starts: before this rule (all subjects), at it (after an id), or past it (none). */
export type ArmSeek = 'ALL' | { afterId: string } | 'NONE';

function arm(
  rule: QuotaRule,
  seek: ArmSeek,
  scoped: boolean,
  params: Params,
  onlyViolations: boolean,
): string {
  const conds = Object.entries(rule.subject.where).map(
    ([prop, values]) => `h.${prop} IN $${params.add(values)}`,
  );
  if (scoped) conds.unshift(`h:${rule.subject.label}`);
  if (typeof seek === 'object') conds.push(`h.id > $${params.add(seek.afterId)}`);
  const counts = rule.requirements.map((r) => measureCypher(r.measure)).join(',\n      ');
  const mins = params.add(rule.requirements.map((r) => r.min));
  const id = params.add(rule.id);
  const where = conds.length ? ` WHERE ${conds.join(' AND ')}` : '';
  return `${scoped ? `UNWIND scope AS h WITH h${where}` : `MATCH (h:${rule.subject.label})${where}`}
    WITH h, [
      ${counts}
    ] AS actual
    ${onlyViolations ? `WHERE any(i IN range(0, size(actual) - 1) WHERE actual[i] < $${mins}[i])` : ''}
    RETURN $${id} AS rule, h, actual`;
}

/** The arms of `rules` a page needs, given the keyset position [ruleId, helperId] of `after`. */
function arms(
  rules: readonly QuotaRule[],
  after: [string, string] | null,
  scoped: boolean,
  params: Params,
  onlyViolations = true,
): string {
  const parts = rules.flatMap((r) => {
    const seek: ArmSeek = !after
      ? 'ALL'
      : r.id > after[0]
        ? 'ALL'
        : r.id === after[0]
          ? { afterId: after[1] }
          : 'NONE';
    return seek === 'NONE' ? [] : [arm(r, seek, scoped, params, onlyViolations)];
  });
  return parts.length
    ? parts.join('\n    UNION ALL\n    ')
    : 'UNWIND [] AS h RETURN null AS rule, h, [] AS actual';
}

/** One page of violations ordered by (rule id, helper id): `$limit` rows. */
export function violationsCypher(
  rules: readonly QuotaRule[],
  after: [string, string] | null,
  scoped: boolean,
  params: Params,
): string {
  return `${scoped ? SCOPE : ''}
  CALL (${scoped ? 'scope' : ''}) {
    ${arms(rules, after, scoped, params)}
  }
  WITH rule, h, actual ORDER BY rule, h.id LIMIT $limit
  RETURN rule, h {.*, __label: labels(h)[0], __sort: rule} AS helper, actual`;
}

/** How many (rule, helper) pairs fall short. */
export function violationCountCypher(rules: readonly QuotaRule[], scoped: boolean, params: Params): string {
  return `${scoped ? SCOPE : ''}
  CALL (${scoped ? 'scope' : ''}) {
    ${arms(rules, null, scoped, params)}
  }
  RETURN count(*) AS n`;
}

/** Per rule: subjects in scope and how many of them fall short. */
export function ruleSummaryCypher(rules: readonly QuotaRule[], scoped: boolean, params: Params): string {
  return `${scoped ? SCOPE : ''}
  CALL (${scoped ? 'scope' : ''}) {
    ${arms(rules, null, scoped, params, false)}
  }
  WITH rule, h, actual
  RETURN rule, count(h) AS subjects,
    count(CASE WHEN any(i IN range(0, size(actual) - 1) WHERE actual[i] < $mins[rule][i]) THEN h END) AS violating`;
}
