import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import { Issues } from '../../domain/validation/issues';
import { checkText, MAX_TEXT } from '../../domain/validation/text';
import { checkDate } from '../../domain/validation/dates';
import { COMPARATORS } from '../../domain/model';
import type { NodeKey } from '../../domain/node-key';
import type { Span } from '../../ingest/spans';
import { maskSpans, readPersonalValues, type PersonalValues } from '../writes/personal-text';
import { snapshot, type Props, type WriteTx } from '../writes/write-tx';

/**
 * The two writes an accepted proposal needs that the ledger's mutations do not offer: the report
 * as a Source, and a reported figure as an Observation OF an Indicator. Both run inside the
 * caller's WriteTx (one transaction with the idempotency key) and append an audit entry, like
 * every ledger write.
 */

export interface NewSource {
  title: string;
  publisher: string | null;
  published: string;
  url: string | null;
  /** The normalised text every citation offset points into. */
  text: string;
}

/** Creates the Source of a proposal (REPORTED, version 1); returns its key. */
export async function createSource(w: WriteTx, s: NewSource): Promise<NodeKey> {
  const issues = new Issues('source');
  const title = checkText(issues, 'title', s.title, MAX_TEXT);
  checkDate(issues, 'published', s.published);
  issues.throwIfAny();
  const id = `src:${randomUUID()}`;
  const props: Props = { title, publisher: s.publisher, published: s.published, url: s.url, text: s.text };
  await w.run(
    'proposal.createSource',
    "CREATE (s:Source {id: $id}) SET s += $props, s.provenance = 'REPORTED', s.version = 1, s.createdAt = datetime()",
    { id, props },
  );
  const ref: NodeKey = { label: 'Source', id };
  await w.audit(ref, null, snapshot({ ...props, text: `${s.text.length} characters` }));
  return ref;
}

/**
 * The Source of a proposal as every role reads it, created on the first accept and masked again
 * on every later one: its text with the personal spans of the proposal's text masked (masking
 * only adds stars, so a name masked once stays masked), and its title, publisher and url with the
 * personal data they read masked. A household accepted later, or named by a reviewer's edit, is
 * masked in the Source it came from too. The personal values (`known`, and the graph's) are read
 * once for the text and the three; they come back with the Source's key, for the citation's quote.
 */
export async function publishSource(
  w: WriteTx,
  p: { sourceKey: string | null; proposal: { text: string; source: Omit<NewSource, 'text'> } },
  known: readonly string[],
): Promise<{ sourceKey: string; personal: Span[]; values: PersonalValues }> {
  const stored =
    p.sourceKey === null
      ? null
      : (
          await w.run(
            'proposal.source.read',
            'MATCH (s:Source {id: $id}) RETURN s.text AS text, s.title AS title, s.publisher AS publisher, s.url AS url',
            { id: p.sourceKey },
          )
        ).map((row) => ({
          text: String(row.text),
          title: String(row.title),
          publisher: row.publisher === null ? null : String(row.publisher),
          url: row.url === null ? null : String(row.url),
        }))[0];
  if (p.sourceKey !== null && !stored)
    throw new Error(`the proposal's Source ${p.sourceKey} is not in the graph`);
  const shownNow = stored ?? p.proposal.source;
  const meta = [shownNow.title, shownNow.publisher, shownNow.url].filter((v): v is string => v !== null);
  const values = await readPersonalValues(w.run, [p.proposal.text, ...meta], known);
  const personal = values.spansIn(p.proposal.text);
  const mask = (v: string | null) => (v === null ? null : values.mask(v));
  if (p.sourceKey === null || !stored) {
    const { title, publisher, url } = p.proposal.source;
    const text = maskSpans(p.proposal.text, 0, personal);
    const shown = { title: values.mask(title), publisher: mask(publisher), url: mask(url), text };
    const ref = await createSource(w, { ...p.proposal.source, ...shown });
    return { sourceKey: ref.id, personal, values };
  }
  const ref: NodeKey = { label: 'Source', id: p.sourceKey };
  const next = {
    text: maskSpans(stored.text, 0, personal),
    title: values.mask(stored.title),
    publisher: mask(stored.publisher),
    url: mask(stored.url),
  };
  const changed = Object.keys(next).filter(
    (k) => next[k as keyof typeof next] !== stored[k as keyof typeof stored],
  );
  if (changed.length) {
    await w.run(
      'proposal.source.mask',
      'MATCH (s:Source {id: $id}) SET s += $next, s.updatedAt = datetime()',
      {
        id: p.sourceKey,
        next,
      },
    );
    // no value in the entry: what it would show is what was just masked
    await w.audit(
      ref,
      { personalData: 'partly shown' },
      { personalData: 'masked', fields: changed.join(', ') },
    );
  }
  return { sourceKey: p.sourceKey, personal, values };
}

export interface NewObservation {
  value: number;
  unit: string;
  comparator: string;
  indicatorId: string;
  indicatorName: string;
  computeKey: string | null;
  areaKey: string;
  referenceDate: string;
  dimensions: Record<string, string | number>;
}

const DIMENSION_KEY = /^[a-z][A-Za-z]{0,30}$/;
const INDICATOR_KEY = /^ind:[a-z0-9][a-z0-9:._-]{0,100}$/;

/**
 * Records a reported figure: an Observation (REPORTED) OF its Indicator (created with the given
 * name when the graph has none of that key) and ABOUT its area, dimensions as plain properties
 * listed in `dimensionKeys` (as the seed stores them).
 */
export async function recordObservation(w: WriteTx, o: NewObservation): Promise<NodeKey> {
  const issues = new Issues('input');
  if (!Number.isFinite(o.value)) issues.add('value', `must be a finite number, got ${o.value}`);
  checkText(issues, 'unit', o.unit);
  if (!(COMPARATORS as readonly string[]).includes(o.comparator))
    issues.add('comparator', `must be one of ${COMPARATORS.join(', ')}, got ${o.comparator}`);
  if (!INDICATOR_KEY.test(o.indicatorId))
    issues.add('indicatorId', 'must be ind: followed by a–z 0–9 : . _ -');
  checkText(issues, 'indicatorName', o.indicatorName);
  checkDate(issues, 'referenceDate', o.referenceDate);
  for (const [k, v] of Object.entries(o.dimensions)) {
    if (
      !DIMENSION_KEY.test(k) ||
      [
        'id',
        'value',
        'unit',
        'comparator',
        'computeKey',
        'areaId',
        'referenceDate',
        'provenance',
        'version',
      ].includes(k)
    )
      issues.add(`dimensions.${k}`, 'is not a dimension name');
    if (typeof v !== 'string' && typeof v !== 'number')
      issues.add(`dimensions.${k}`, 'must be a string or a number');
  }
  issues.throwIfAny();
  await w.mustFind({ label: 'AdminUnit', id: o.areaKey }, 'input.areaId');
  const id = `obs:${randomUUID()}`;
  const props: Props = {
    ...o.dimensions,
    value: o.value,
    unit: o.unit,
    comparator: o.comparator,
    computeKey: o.computeKey ?? '',
    areaId: o.areaKey,
    referenceDate: o.referenceDate,
    dimensionKeys: Object.keys(o.dimensions),
  };
  const rows = await w.run(
    'proposal.recordObservation',
    "MERGE (i:Indicator {id: $indicatorId}) ON CREATE SET i.name = $indicatorName, i.provenance = 'REPORTED' " +
      'WITH i MATCH (a:AdminUnit {id: $area}) ' +
      "CREATE (o:Observation {id: $id})-[:OF]->(i) SET o += $props, o.provenance = 'REPORTED', o.version = 1, o.createdAt = datetime() " +
      'CREATE (o)-[:ABOUT]->(a) RETURN o.id AS id',
    { id, indicatorId: o.indicatorId, indicatorName: o.indicatorName, area: o.areaKey, props },
  );
  if (!rows.length)
    throw new AppError('NOT_FOUND', `input.areaId: no AdminUnit has key ${JSON.stringify(o.areaKey)}`);
  const ref: NodeKey = { label: 'Observation', id };
  await w.audit(ref, null, snapshot({ ...props, indicatorKey: o.indicatorId }));
  return ref;
}
