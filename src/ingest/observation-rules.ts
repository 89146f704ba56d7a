import type { Figure } from './figure';
import { levelWord } from './pairing-rules';
import type { EntityRef, LinkedMention, ObservationFact } from './proposal';
import { clauseAt } from './spans';

interface Rule {
  unit: string | RegExp;
  /** Words of the figure's clause that must be there. */
  cue?: RegExp;
  /** Where the cue is looked for: the whole clause (default) or only the words before the figure. */
  cueIn?: 'before';
  computeKey: string;
  indicatorId: string;
  indicatorName: string;
  /** What else the figure's clause or sentence must say (beyond `unit` and `cue`). */
  when?: (ctx: Ctx) => boolean;
  /** Dimensions read from the clause. */
  dims?: (ctx: Ctx) => Record<string, string> | null;
  /** The indicator's query needs the dimensions: without them the figure stays generic. */
  needsDims?: true;
}

interface Ctx {
  clause: string;
  /** The clause's text before the figure. */
  before: string;
  /** Whether the figure is on the helper side of “X与Y结成…” (before 与). */
  helperSide: boolean;
  pairingClause: boolean;
  /** The figure as written (159名, 1.5万人, 5000). */
  written: string;
  /** The clause's text after the figure (the counted noun and what is said of it). */
  after: string;
  /** The sentence's text before the figure (earlier clauses say who is counted: 有132名大学生村官…，其中…4人). */
  sentenceBefore: string;
  /** The sentence's text after the figure (a later clause may say what they do: …后备干部，脱产进驻嘎查村). */
  sentenceAfter: string;
}

const CATEGORY: Readonly<Record<string, string>> = { organizations: 'AGENCY', enterprises: 'ENTERPRISE' };
const level = (c: Ctx) => {
  const l = levelWord(c.before) ?? levelWord(c.clause);
  return l ? { level: l } : null;
};

/**
 * What a figure is an observation of, tried in order: the pairing network first (a count of
 * 帮扶对子, of the helpers on the left of “X与Y结成…对子”, of the units on its right), then the
 * activity counts the graph recomputes (projects, funds, visits …). A figure no rule fits is still
 * proposed, with a generic indicator and no query, for the reviewer to name.
 */
/**
 * Posts of a village-level 两委 (村党支部书记, 副书记, 村主任, 社区主任 …) written just before a count
 * of persons. A bare 副书记/副主任 belongs to the village or community of the post named last before it
 * (其中村党支部书记4人、副书记21人 → the village's deputy secretary).
 */
function committeePost(c: Ctx): Record<string, string> | null {
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
function goalHorizon(c: Ctx): Record<string, string> | null {
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
const PEOPLE_AND_VILLAGE_RULES: readonly Rule[] = [
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

const RULES: readonly Rule[] = [
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

/** The observation a figure proposes, in `area` (the report's area unless its clause names one) on `referenceDate`. */
export function observationOf(
  a: string,
  f: Figure,
  mentions: readonly LinkedMention[],
  area: EntityRef | null,
  referenceDate: string,
): Omit<ObservationFact, 'id'> {
  const c = clauseAt(a, f.span.start);
  const clause = a.slice(c.start, c.end);
  const before = a.slice(c.start, f.span.start);
  const yu = /与|和|同/.exec(clause);
  const pairingClause = /结成|结对/.test(clause);
  let s0 = c.start;
  while (s0 > 0 && !/[。！？；\n]/.test(a[s0 - 1])) s0--;
  let s1 = c.end;
  while (s1 < a.length && !/[。！？；\n]/.test(a[s1])) s1++;
  const ctx: Ctx = {
    written: a.slice(f.span.start, f.span.end),
    after: a.slice(f.span.end, c.end),
    sentenceBefore: a.slice(s0, f.span.start),
    sentenceAfter: a.slice(f.span.end, s1),
    clause,
    before,
    pairingClause,
    helperSide: pairingClause && yu !== null && c.start + yu.index > f.span.start,
  };
  // A figure in its own sub-clause (其中…2项) takes its level from the words just before it.
  const fits = RULES.find(
    (r) =>
      (typeof r.unit === 'string' ? r.unit === f.unit : r.unit.test(f.unit)) &&
      (!r.cue || r.cue.test(r.cueIn === 'before' ? before : clause)) &&
      (!r.when || r.when(ctx)),
  );
  const dims: Record<string, string> = { ...(fits?.dims?.(ctx) ?? {}) };
  if (fits?.computeKey === 'helpers.count') {
    if (!dims.level) return generic(f, area, referenceDate);
    dims.category =
      CATEGORY[f.unit] ??
      (/下挂|驻村|选派/.test(a.slice(f.span.end, f.span.end + 8)) ? 'SECONDED_CADRE' : 'LEADING_CADRE');
  }
  if (fits?.computeKey === 'beneficiaryVillages.count' && !dims.level) return generic(f, area, referenceDate);
  if (!fits || (fits.needsDims && Object.keys(dims).length === 0)) return generic(f, area, referenceDate);
  const local = mentions.find(
    (m) =>
      m.type === 'ADMIN_UNIT' &&
      m.link &&
      m.span.end <= f.span.start &&
      m.span.start >= c.start &&
      /BANNER|CITY/.test(m.unitKind ?? ''),
  );
  return {
    kind: 'OBSERVATION',
    value: f.value,
    unit: f.unit,
    comparator: f.comparator,
    indicatorId: fits.indicatorId,
    indicatorName: fits.indicatorName,
    computeKey: fits.computeKey,
    area: local?.link ? { key: local.link.key } : area,
    referenceDate,
    dimensions: dims,
    figure: { ...f.span },
    quote: f.quote,
    evidence: `${f.value} ${f.unit} (${a.slice(f.span.start, f.span.end)}) read as ${fits.computeKey}${Object.keys(dims).length ? ` ${JSON.stringify(dims)}` : ''}`,
  };
}

function generic(f: Figure, area: EntityRef | null, referenceDate: string): Omit<ObservationFact, 'id'> {
  return {
    kind: 'OBSERVATION',
    value: f.value,
    unit: f.unit,
    comparator: f.comparator,
    indicatorId: `ind:ingest-${f.unit}`,
    indicatorName: `${f.unit} (${f.classifier || 'count'})`,
    computeKey: null,
    area,
    referenceDate,
    dimensions: {},
    figure: { ...f.span },
    quote: f.quote,
    evidence: `${f.value} ${f.unit}: no known indicator fits; name it on review`,
  };
}
