import { COMMITTEE_POSTS, DESIGNATIONS, VILLAGE_LEVEL_KINDS, type Post, type UnitKind } from '../model';
import type { Issues } from './issues';
import { checkNodeRules } from './node-rules';
import { checkWhole, WHOLE } from './whole-numbers';

export { MAX_AMOUNT_YUAN, MAX_MEMBERS } from './whole-numbers';

/** Depth of each unit kind in the tree (region 0 … village 4). */
const DEPTH: Readonly<Record<UnitKind, number>> = {
  REGION: 0,
  CITY: 1,
  BANNER: 2,
  TOWNSHIP: 3,
  STREET: 3,
  GACHA_VILLAGE: 4,
  COMMUNITY: 4,
};

/**
 * An administrative unit lies directly in a unit one level up (a 嘎查村 in a 苏木乡镇, a 社区 in a
 * 街道 or 苏木乡镇, a banner in a city); only a region may have no parent.
 */
export function checkUnitParent(issues: Issues, kind: UnitKind, parentKind: UnitKind | null): void {
  if (parentKind === null) {
    if (kind !== 'REGION') issues.add('parentId', `a unit of kind ${kind} needs a parent unit`);
    return;
  }
  if (DEPTH[parentKind] !== DEPTH[kind] - 1)
    issues.add('parentId', `a unit of kind ${kind} cannot lie directly in a unit of kind ${parentKind}`);
  if (kind === 'GACHA_VILLAGE' && parentKind === 'STREET')
    issues.add('parentId', 'a 嘎查村 (GACHA_VILLAGE) lies in a 苏木乡镇 (TOWNSHIP), not a 街道 (STREET)');
}

/** Designations (后进村, 示范村) belong to village-level units only and must be known ones. */
export function checkDesignations(issues: Issues, kind: UnitKind, designations: readonly string[]): void {
  designations.forEach((d, i) => {
    if (!(DESIGNATIONS as readonly string[]).includes(d))
      issues.add(`designations[${i}]`, `must be one of ${DESIGNATIONS.join(', ')}, got ${JSON.stringify(d)}`);
  });
  if (designations.length > 0 && !VILLAGE_LEVEL_KINDS.includes(kind))
    issues.add('designations', `only village-level units carry designations, not a unit of kind ${kind}`);
}

/** A household (贫困户) is registered in a village-level unit (嘎查村 or 社区). */
export function checkHouseholdUnit(issues: Issues, field: string, unitKind: UnitKind): void {
  if (!VILLAGE_LEVEL_KINDS.includes(unitKind))
    issues.add(field, `a household is registered in a 嘎查村 or 社区, not a unit of kind ${unitKind}`);
}

/**
 * The most items a list without paging answers (a fact's citations, a person's tenures, an
 * indicator's observations …), and so the most citations one fact takes. A longer list is an
 * error naming it, never a list silently cut.
 */
export const MAX_SHORT_LIST = 500;

/**
 * A 两委 post is held in a village-level unit of the matching kind: VILLAGE_* posts in a 嘎查村,
 * COMMUNITY_* posts in a 社区, COMMITTEE_MEMBER in either.
 */
export function checkTenure(issues: Issues, post: Post, unitKind: UnitKind): void {
  if (!COMMITTEE_POSTS.includes(post)) {
    issues.add('post', `must be a 两委 post (${COMMITTEE_POSTS.join(', ')}), got ${post}`);
    return;
  }
  const needed: UnitKind[] = post.startsWith('VILLAGE_')
    ? ['GACHA_VILLAGE']
    : post.startsWith('COMMUNITY_')
      ? ['COMMUNITY']
      : [...VILLAGE_LEVEL_KINDS];
  if (!needed.includes(unitKind))
    issues.add(
      'unitId',
      `the post ${post} is held in a ${needed.join(' or ')}, not a unit of kind ${unitKind}`,
    );
}

/** An amount of money: whole yuan from 0 to MAX_AMOUNT_YUAN (the WHOLE table's rule). */
export function checkAmount(issues: Issues, field: string, yuan: unknown): void {
  checkWhole(issues, field, yuan, WHOLE.amountYuan);
}

/** An entity as it will be after a write: its properties and the records its references point at. */
export interface EntityState {
  props: Readonly<Record<string, unknown>>;
  /** Reference field → the referenced record's properties (null: no reference). */
  refs: Readonly<Record<string, Readonly<Record<string, unknown>> | null>>;
}

/** The rules of one entity that involve other records or several fields; issues name input fields. */
export function checkEntityState(issues: Issues, label: string, s: EntityState): void {
  const kind = (x: Readonly<Record<string, unknown>> | null | undefined) =>
    (x?.kind ?? null) as UnitKind | null;
  switch (label) {
    case 'AdminUnit': {
      const k = kind(s.props);
      if (!k) return;
      checkUnitParent(issues, k, kind(s.refs.parentId));
      const d = s.props.designations;
      checkDesignations(issues, k, Array.isArray(d) ? (d as string[]) : []);
      return;
    }
    case 'Household': {
      const k = kind(s.refs.unitId);
      if (k) checkHouseholdUnit(issues, 'unitId', k);
      return;
    }
    case 'Programme':
      checkNodeRules(issues, label, s.props);
      return;
  }
}
