import type { Label, PairingKind, Rank, UnitKind } from './model';

/**
 * The report's quotas (帮扶任务) as data: one definition per rule, each naming who it applies to,
 * what it requires and the quote that states it. The store compiles every rule into Cypher from
 * fixed fragments (src/store/analytics/quota.cypher.ts); adding a rule means adding an entry here.
 * A rule checks minimums: a helper "falls short" when any requirement counts fewer than `min`
 * on the day asked; having more is never a violation.
 */

/** Who a rule applies to: nodes of one label whose listed properties take one of the listed values. */
export interface QuotaSubject {
  label: Extract<Label, 'Person' | 'Organization' | 'Enterprise'>;
  /** Property → allowed values (ANDed). Property names are fixed here, never user input. */
  where: Readonly<Record<string, readonly string[]>>;
}

/** The beneficiaries a requirement counts (distinct ones, through pairings valid on the day). */
export type QuotaTarget =
  { label: 'AdminUnit'; unitKinds: readonly UnitKind[] } | { label: 'Household' } | { label: 'Student' };

/** What a requirement counts. */
export type QuotaMeasure =
  /** Distinct beneficiaries of `target` reached through valid pairings of one of `kinds`. */
  | { type: 'BENEFICIARIES'; kinds: readonly PairingKind[]; target: QuotaTarget }
  /** Distinct persons holding a valid STATIONED_CADRE tenure SECONDED_FROM the helper (下挂). */
  | { type: 'SECONDED_CADRES' };

export interface QuotaRequirement {
  /** Stable key within its rule, e.g. `households`. */
  key: string;
  /** What is required, in the report's words. */
  description: string;
  min: number;
  measure: QuotaMeasure;
}

export const QUOTA_RULE_IDS = ['COUNTY_CADRE', 'BANNER_AGENCY', 'SECTION_CADRE', 'ENTERPRISE'] as const;
export type QuotaRuleId = (typeof QUOTA_RULE_IDS)[number];

export interface QuotaRule {
  id: QuotaRuleId;
  /** Who it binds, in the report's words. */
  name: string;
  /** The Citation that states the quota (seeds/report.json). */
  citationId: string;
  subject: QuotaSubject;
  requirements: readonly QuotaRequirement[];
}

const VILLAGE_LEVEL: readonly UnitKind[] = ['GACHA_VILLAGE', 'COMMUNITY'];
const TOWNSHIP_LEVEL: readonly UnitKind[] = ['TOWNSHIP', 'STREET'];
const ASSIST: readonly PairingKind[] = ['ASSIST'];
const rank = (r: Rank): readonly string[] => [r];

/** The four quotas of the report, in the order it states them. */
export const QUOTA_RULES: readonly QuotaRule[] = [
  {
    id: 'COUNTY_CADRE',
    name: '旗四大班子县级干部',
    citationId: 'cit:quota-county-cadre',
    subject: { label: 'Person', where: { rank: rank('COUNTY') } },
    requirements: [
      {
        key: 'township',
        description: '联系1个苏木乡镇(街道)',
        min: 1,
        measure: {
          type: 'BENEFICIARIES',
          kinds: ['LIAISON'],
          target: { label: 'AdminUnit', unitKinds: TOWNSHIP_LEVEL },
        },
      },
      {
        key: 'village',
        description: '包扶1个嘎查村(社区)',
        min: 1,
        measure: {
          type: 'BENEFICIARIES',
          kinds: ASSIST,
          target: { label: 'AdminUnit', unitKinds: VILLAGE_LEVEL },
        },
      },
      {
        key: 'households',
        description: '包扶2户贫困户',
        min: 2,
        measure: { type: 'BENEFICIARIES', kinds: ASSIST, target: { label: 'Household' } },
      },
    ],
  },
  {
    id: 'BANNER_AGENCY',
    name: '旗直机关(机关事业单位)',
    citationId: 'cit:quota-banner-agency',
    subject: { label: 'Organization', where: { level: ['BANNER'], type: ['AGENCY', 'PUBLIC_INSTITUTION'] } },
    requirements: [
      {
        key: 'village',
        description: '至少包扶1个嘎查村(社区)',
        min: 1,
        measure: {
          type: 'BENEFICIARIES',
          kinds: ASSIST,
          target: { label: 'AdminUnit', unitKinds: VILLAGE_LEVEL },
        },
      },
      {
        key: 'households',
        description: '至少包扶3户贫困户',
        min: 3,
        measure: { type: 'BENEFICIARIES', kinds: ASSIST, target: { label: 'Household' } },
      },
      {
        key: 'secondedCadre',
        description: '下挂1名后备干部驻村开展工作',
        min: 1,
        measure: { type: 'SECONDED_CADRES' },
      },
    ],
  },
  {
    id: 'SECTION_CADRE',
    name: '苏木乡镇(街道)科级干部',
    citationId: 'cit:quota-township-cadre',
    subject: { label: 'Person', where: { rank: rank('SECTION') } },
    requirements: [
      {
        key: 'household',
        description: '至少包扶1户贫困户',
        min: 1,
        measure: { type: 'BENEFICIARIES', kinds: ASSIST, target: { label: 'Household' } },
      },
      {
        key: 'student',
        description: '扶持1名贫困大学生',
        min: 1,
        measure: { type: 'BENEFICIARIES', kinds: ['ASSIST', 'SPONSOR'], target: { label: 'Student' } },
      },
    ],
  },
  {
    id: 'ENTERPRISE',
    name: '民营企业',
    citationId: 'cit:quota-enterprise',
    subject: { label: 'Enterprise', where: {} },
    requirements: [
      {
        key: 'village',
        description: '帮扶1个嘎查村',
        min: 1,
        measure: {
          type: 'BENEFICIARIES',
          kinds: ASSIST,
          target: { label: 'AdminUnit', unitKinds: ['GACHA_VILLAGE'] },
        },
      },
    ],
  },
];

/** A rule by id (every id of QUOTA_RULE_IDS has exactly one rule; test/unit checks it). */
export function quotaRule(id: QuotaRuleId): QuotaRule {
  const r = QUOTA_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no quota rule ${id}`);
  return r;
}

/** One unmet requirement of one helper. */
export interface QuotaShortfall {
  requirement: QuotaRequirement;
  actual: number;
  missing: number;
}

/** The requirements `actual` (counts in requirement order) falls short of. */
export function shortfalls(rule: QuotaRule, actual: readonly number[]): QuotaShortfall[] {
  if (actual.length !== rule.requirements.length) {
    throw new RangeError(`${rule.id}: expected ${rule.requirements.length} counts, got ${actual.length}`);
  }
  return rule.requirements.flatMap((requirement, i) =>
    actual[i] < requirement.min
      ? [{ requirement, actual: actual[i], missing: requirement.min - actual[i] }]
      : [],
  );
}
