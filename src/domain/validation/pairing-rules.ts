import {
  TOWNSHIP_LEVEL_KINDS,
  VILLAGE_LEVEL_KINDS,
  type Category,
  type Label,
  type Level,
  type PairingKind,
  type Rank,
  type UnitKind,
} from '../model';
import type { Issues } from './issues';

/** What a beneficiary is, for the legality table: its label, and its kind for an AdminUnit. */
export interface BeneficiaryFacts {
  label: Label;
  unitKind?: UnitKind | null;
}

/** What a helper is: its label, its level for an Organization that has one, its rank for a Person. */
export interface HelperFacts {
  label: Label;
  level?: Level | null;
  rank?: Rank | null;
}

/**
 * The level a cadre of a rank helps at (docs/model.md): a county-level cadre (县级, of the
 * 旗四大班子) at BANNER, a section-level cadre (科级, a township's) at TOWNSHIP. Other ranks (副科级,
 * none) do not fix a level: reserve cadres are seconded by banner or township organs alike.
 */
export const LEVEL_OF_RANK: Readonly<Partial<Record<Rank, Level>>> = {
  COUNTY: 'BANNER',
  SECTION: 'TOWNSHIP',
};

/** The facts of a stored helper that the pairing rules read. */
export const helperFacts = (label: Label, props: Readonly<Record<string, unknown>>): HelperFacts => ({
  label,
  level: label === 'Organization' ? ((props.level as Level | undefined) ?? null) : null,
  rank: label === 'Person' ? ((props.rank as Rank | undefined) ?? null) : null,
});

/** Beneficiary classes of the legality table. */
export type BeneficiaryClass = 'GACHA_VILLAGE' | 'VILLAGE' | 'TOWNSHIP' | 'HOUSEHOLD' | 'STUDENT';

/**
 * The legal pairings (帮扶对子), from the report's 五级四类 mechanism: which helper label each
 * category needs, and for each kind which beneficiaries it may assist. VILLAGE = any village-level
 * unit (嘎查村 or 社区); GACHA_VILLAGE = a 嘎查村 only ("每个民营企业帮扶1个嘎查村").
 *  - 机关单位 (AGENCY, an Organization) assist villages and poor households, sponsor students;
 *  - 党员领导干部 (LEADING_CADRE, a Person) assist villages, households and students, liaise with a
 *    township (联系1个苏木乡镇), sponsor students;
 *  - 民营企业 (ENTERPRISE, an Enterprise) assist one 嘎查村, sponsor students;
 *  - 下挂干部 (SECONDED_CADRE, a Person) are stationed in a village (驻村).
 */
export const LEGAL_PAIRINGS: Readonly<
  Record<Category, { helper: Label; kinds: Partial<Record<PairingKind, readonly BeneficiaryClass[]>> }>
> = {
  AGENCY: { helper: 'Organization', kinds: { ASSIST: ['VILLAGE', 'HOUSEHOLD'], SPONSOR: ['STUDENT'] } },
  LEADING_CADRE: {
    helper: 'Person',
    kinds: { ASSIST: ['VILLAGE', 'HOUSEHOLD', 'STUDENT'], LIAISON: ['TOWNSHIP'], SPONSOR: ['STUDENT'] },
  },
  ENTERPRISE: { helper: 'Enterprise', kinds: { ASSIST: ['GACHA_VILLAGE'], SPONSOR: ['STUDENT'] } },
  SECONDED_CADRE: { helper: 'Person', kinds: { STATIONED: ['VILLAGE'] } },
};

/** The classes a beneficiary belongs to (a 嘎查村 is both GACHA_VILLAGE and VILLAGE). */
export function classesOf(b: BeneficiaryFacts): BeneficiaryClass[] {
  if (b.label === 'Household') return ['HOUSEHOLD'];
  if (b.label === 'Student') return ['STUDENT'];
  if (b.label !== 'AdminUnit' || !b.unitKind) return [];
  if (b.unitKind === 'GACHA_VILLAGE') return ['GACHA_VILLAGE', 'VILLAGE'];
  if (VILLAGE_LEVEL_KINDS.includes(b.unitKind)) return ['VILLAGE'];
  if (TOWNSHIP_LEVEL_KINDS.includes(b.unitKind)) return ['TOWNSHIP'];
  return [];
}

const describe = (b: BeneficiaryFacts) =>
  b.label === 'AdminUnit' ? `an AdminUnit of kind ${b.unitKind}` : `a ${b.label}`;

/**
 * Checks that (category, kind, helper, beneficiary, level) is a legal pairing; adds an issue to
 * the field at fault. An organization that has a level must help at that level.
 */
export function checkPairing(
  issues: Issues,
  p: { category: Category; kind: PairingKind; level: Level },
  helper: HelperFacts,
  beneficiary: BeneficiaryFacts,
): void {
  const rule = LEGAL_PAIRINGS[p.category];
  if (helper.label !== rule.helper) {
    issues.add('helperId', `a ${p.category} pairing needs a ${rule.helper} as helper, got a ${helper.label}`);
    return;
  }
  const allowed = rule.kinds[p.kind];
  if (!allowed) {
    const kinds = Object.keys(rule.kinds).join(', ');
    issues.add('kind', `a ${p.category} helper may only make pairings of kind ${kinds}, got ${p.kind}`);
    return;
  }
  if (!classesOf(beneficiary).some((c) => allowed.includes(c))) {
    issues.add(
      'beneficiaryId',
      `a ${p.category} ${p.kind} pairing may assist ${allowed.join(' or ')}, got ${describe(beneficiary)}`,
    );
  }
  if (helper.level && helper.level !== p.level) {
    issues.add(
      'level',
      `the helper organization is at level ${helper.level}, so the pairing must be too, got ${p.level}`,
    );
  }
  const rankLevel = helper.rank ? LEVEL_OF_RANK[helper.rank] : undefined;
  if (rankLevel && rankLevel !== p.level) {
    issues.add(
      'level',
      `the helper is a cadre of rank ${helper.rank}, who helps at level ${rankLevel}, so the pairing must be too, got ${p.level}`,
    );
  }
}
