import type { ObservationRule, RuleContext } from './observation-rule';

/**
 * Posts of a village-level 两委 (村党支部书记, 副书记, 村主任, 社区主任 …) written just before a count
 * of persons. A bare 副书记/副主任 belongs to the village or community of the post named last before it
 * (其中村党支部书记4人、副书记21人 → the village's deputy secretary).
 */
function committeePost(c: RuleContext): Record<string, string> | null {
  const m =
    /(社区|嘎查村|嘎查|村|居)?(?:民委员会|委会|居委会)?(?:党支部|党总支|党委|支部)?(副)?(书记|主任|委员)$/.exec(
      c.before,
    );
  if (!m) return null;
  if (m[3] === '委员') return { post: 'COMMITTEE_MEMBER' };
  let place: string | undefined = m[1];
  if (!place) {
    const earlier = [
      ...c.sentenceBefore
        .slice(0, -m[0].length)
        .matchAll(/(社区|嘎查|村|居)(?:民委员会|委会|居委会)?(?:党支部|党总支|党委|支部)?副?(?:书记|主任)/g),
    ];
    place = earlier.at(-1)?.[1];
  }
  if (!place) return null;
  const where = place === '社区' || place === '居' ? 'COMMUNITY' : 'VILLAGE';
  return { post: `${where}_${m[2] ? 'DEPUTY_' : ''}${m[3] === '书记' ? 'SECRETARY' : 'DIRECTOR'}` };
}

/** A goal's horizon: 三年内 → THREE_YEARS; 今年/当年/年内 or none stated → THIS_YEAR; another span → none. */
function goalHorizon(c: RuleContext): Record<string, string> | null {
  const span = /([一二两三四五六七八九十\d]+)年(?:内|时间|之内)/.exec(c.before);
  if (span) return /^(?:三|3)$/.test(span[1]) ? { horizon: 'THREE_YEARS' } : null;
  return { horizon: 'THIS_YEAR' };
}

/** Words of a counted cadre (下挂干部, 后备干部, 驻村干部, 第一书记, 工作队员) right after the number. */
const CADRE_NOUN = /^[^，。；]{0,24}?(?:干部|第一书记|工作队员|队员)/;

/**
 * People and village-level units the graph recomputes from tenures, roles and designations: the
 * 大学生村官 in 两委 (in all and by post), cadres stationed in villages and those promoted, village
 * cadres put in as secretaries of backward villages, village-level units by kind and by designation,
 * and poverty-relief goals. Each rule reads the counted noun right after the number and what the
 * clause or sentence says of it, never a report's own sentence.
 */
export const PEOPLE_AND_VILLAGE_RULES: readonly ObservationRule[] = [
  {
    unit: 'persons',
    when: (c) => /大学生村官/.test(c.sentenceBefore) && committeePost(c) !== null,
    computeKey: 'villageOfficials.byPost',
    indicatorId: 'ind:village-officials-by-post',
    indicatorName: '大学生村官在两委中的职务人数',
    dims: committeePost,
    needsDims: true,
  },
  {
    unit: 'persons',
    when: (c) =>
      /^(?:的)?大学生村官/.test(c.after) &&
      /(?:进入|进|当选|担任|任)[^，。；]*(?:两委|村委|支部|班子|村干部)/.test(c.after),
    computeKey: 'villageOfficials.inCommittees',
    indicatorId: 'ind:village-officials',
    indicatorName: '进入两委班子的大学生村官数',
  },
  {
    unit: 'persons',
    when: (c) => CADRE_NOUN.test(c.after) && /(?:提拔|提任|晋升|重用)/.test(c.after),
    computeKey: 'secondedCadres.promoted',
    indicatorId: 'ind:promoted-seconded',
    indicatorName: '提拔使用的下挂（驻村）干部数',
  },
  {
    unit: 'persons',
    when: (c) =>
      /^[^，。；、]{0,8}?村干部/.test(c.after) &&
      /(?:后进|软弱涣散|薄弱|落后)[^，。；]*(?:担任|任)[^，。；]*书记/.test(c.after),
    computeKey: 'tenures.transferredSecretaries',
    indicatorId: 'ind:transferred-secretaries',
    indicatorName: '安排到后进村任支部书记的村干部数',
  },
  {
    unit: 'persons',
    when: (c) =>
      CADRE_NOUN.test(c.after) &&
      !/提拔|提任|晋升/.test(c.after) &&
      /(?:脱产|全脱产)?(?:进驻|驻村|派驻|驻扎|住村|驻到|驻在)/.test(c.sentenceAfter.split(/[。；]/)[0]),
    computeKey: 'secondedCadres.stationed',
    indicatorId: 'ind:seconded-stationed',
    indicatorName: '驻村（下挂）干部数',
  },
  {
    unit: 'persons',
    cue: /脱贫/,
    when: (c) =>
      (/人$/.test(c.written) || /^(?:贫困人口|贫困群众|贫困户|农牧民|群众)/.test(c.after)) &&
      !/已|累计|共|先后|实现了|帮助了/.test(c.before) &&
      /(?:计划|力争|确保|目标|任务|今年|当年|年内|要)|解决[^，。；]*脱贫问题/.test(c.clause),
    computeKey: 'goals.targetPersons',
    indicatorId: 'ind:poverty-goal',
    indicatorName: '脱贫目标人数',
    dims: goalHorizon,
    needsDims: true,
  },
  {
    unit: 'villages',
    when: (c) => /^个?[^，。；、]{0,10}?示范村/.test(c.after) && /新农村/.test(c.after.slice(0, 12)),
    computeKey: 'villages.designated',
    indicatorId: 'ind:designated-villages',
    indicatorName: '新农村建设示范村数',
    dims: () => ({ designation: 'NEW_COUNTRYSIDE_DEMONSTRATION' }),
  },
  {
    unit: /^(?:villages|communities)$/,
    when: (c) =>
      /(?:辖|有|共有|在|全旗|全县|全市)(?:[^，。；]*[、和及])?$/.test(c.before) &&
      /^个?(?:嘎查村|嘎查|行政村|社区)(?:中|里|之中|当中|[、和及]|$)/.test(c.after) &&
      !/帮扶|包联|包扶|结对|结成|驻村|选派/.test(c.clause),
    computeKey: 'villages.countByKind',
    indicatorId: 'ind:villages',
    indicatorName: '嘎查村（社区）数',
    dims: (c) => ({ unitKind: /^个?社区/.test(c.after) ? 'COMMUNITY' : 'GACHA_VILLAGE' }),
  },
];
