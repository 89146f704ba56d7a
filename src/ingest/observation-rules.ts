import type { Figure } from './figures';
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
  /** Dimensions read from the clause. */
  dims?: (ctx: Ctx) => Record<string, string> | null;
}

interface Ctx {
  clause: string;
  /** The clause's text before the figure. */
  before: string;
  /** Whether the figure is on the helper side of “X与Y结成…” (before 与). */
  helperSide: boolean;
  pairingClause: boolean;
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
  const ctx: Ctx = {
    clause,
    before,
    pairingClause,
    helperSide: pairingClause && yu !== null && c.start + yu.index > f.span.start,
  };
  // A figure in its own sub-clause (其中…2项) takes its level from the words just before it.
  const fits = RULES.find(
    (r) =>
      (typeof r.unit === 'string' ? r.unit === f.unit : r.unit.test(f.unit)) &&
      (!r.cue || r.cue.test(r.cueIn === 'before' ? before : clause)),
  );
  const dims: Record<string, string> = { ...(fits?.dims?.(ctx) ?? {}) };
  if (fits?.computeKey === 'helpers.count') {
    if (!dims.level) return generic(f, area, referenceDate);
    dims.category =
      CATEGORY[f.unit] ??
      (/下挂|驻村|选派/.test(a.slice(f.span.end, f.span.end + 8)) ? 'SECONDED_CADRE' : 'LEADING_CADRE');
  }
  if (fits?.computeKey === 'beneficiaryVillages.count' && !dims.level) return generic(f, area, referenceDate);
  if (!fits) return generic(f, area, referenceDate);
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
