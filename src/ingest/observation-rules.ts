import type { ObservationRule, RuleContext } from './observation-rule';
import { levelWord } from './pairing-rules';
import { PEOPLE_AND_VILLAGE_RULES } from './people-village-rules';

const level = (c: RuleContext) => {
  const l = levelWord(c.before) ?? levelWord(c.clause);
  return l ? { level: l } : null;
};

/**
 * What a figure is an observation of, tried in order: the pairing network first (a count of
 * 帮扶对子, of the helpers on the left of “X与Y结成…对子”, of the units on its right), then the
 * activity counts the graph recomputes (projects, funds, visits …). A figure no rule fits is still
 * proposed, with a generic indicator and no query, for the reviewer to name.
 */
export const OBSERVATION_RULES: readonly ObservationRule[] = [
  {
    unit: 'pairings',
    computeKey: 'pairings.count',
    indicatorId: 'ind:pairings',
    indicatorName: '帮扶对子数',
    dims: level,
  },
  {
    unit: /^(?:organizations|enterprises|persons)$/,
    cue: /结成|结对/,
    computeKey: 'helpers.count',
    indicatorId: 'ind:helpers',
    indicatorName: '帮扶主体数',
    dims: (c) => (c.helperSide ? level(c) : null),
  },
  {
    unit: 'villages',
    cue: /结成|结对/,
    computeKey: 'beneficiaryVillages.count',
    indicatorId: 'ind:beneficiary-villages',
    indicatorName: '受帮扶嘎查村（社区）数',
    dims: (c) => (c.helperSide ? null : level(c)),
  },
  {
    unit: 'households',
    cue: /结对|帮扶|包扶|包联/,
    computeKey: 'households.paired',
    indicatorId: 'ind:households-paired',
    indicatorName: '结对帮扶贫困户数',
  },
  {
    unit: 'projects',
    cue: /自治区级|市级|旗级|县级/,
    cueIn: 'before',
    computeKey: 'projects.countByLevel',
    indicatorId: 'ind:projects',
    indicatorName: '帮扶项目数',
    dims: level,
  },
  {
    unit: 'projects',
    computeKey: 'projects.count',
    indicatorId: 'ind:projects',
    indicatorName: '帮扶项目数',
  },
  {
    unit: 'yuan',
    cue: /投入|资金|物资|帮扶/,
    computeKey: 'projects.amountYuan',
    indicatorId: 'ind:funds',
    indicatorName: '帮扶资金和物资',
  },
  { unit: 'visits', computeKey: 'visits.count', indicatorId: 'ind:visits', indicatorName: '调研次数' },
  {
    unit: 'inspections',
    computeKey: 'inspections.count',
    indicatorId: 'ind:inspections',
    indicatorName: '督查次数',
  },
  { unit: 'events', computeKey: 'events.count', indicatorId: 'ind:events', indicatorName: '活动场次' },
  {
    unit: 'copies',
    computeKey: 'events.brochures',
    indicatorId: 'ind:brochures',
    indicatorName: '发放宣传册份数',
  },
  { unit: 'plans', computeKey: 'plans.count', indicatorId: 'ind:plans', indicatorName: '发展计划数' },
  {
    unit: 'cases',
    computeKey: 'casework.count',
    indicatorId: 'ind:casework',
    indicatorName: '帮助解决的困难件数',
  },
  {
    unit: 'disputes',
    cue: /化解|调处|解决/,
    computeKey: 'disputes.resolved',
    indicatorId: 'ind:disputes-resolved',
    indicatorName: '化解的矛盾纠纷数',
  },
  {
    unit: 'disputes',
    computeKey: 'disputes.found',
    indicatorId: 'ind:disputes-found',
    indicatorName: '排查出的矛盾纠纷数',
  },
  {
    unit: 'percent',
    cue: /化解率/,
    computeKey: 'disputes.resolutionRate',
    indicatorId: 'ind:dispute-resolution-rate',
    indicatorName: '矛盾纠纷化解率',
  },
  ...PEOPLE_AND_VILLAGE_RULES,
];
