import type { Figure } from './figure';
import type { RuleContext } from './observation-rule';
import { OBSERVATION_RULES } from './observation-rules';
import type { EntityRef, LinkedMention, ObservationFact } from './proposal';
import { clauseAt } from './spans';

/** The helper category of a count of helpers by its unit; persons are cadres (seconded or leading). */
const CATEGORY: Readonly<Record<string, string>> = { organizations: 'AGENCY', enterprises: 'ENTERPRISE' };

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
  const ctx: RuleContext = {
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
  const fits = OBSERVATION_RULES.find(
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
