import { isObservationCandidate, type Figure } from './figure';
import { readFigures } from './figures';
import { linkMentions } from './link-mentions';
import { extractMentions } from './mentions';
import { normaliseReport } from './normalise-report';
import { observationOf } from './observation-of';
import { levelOfName, pairingsIn } from './pairing-rules';
import type {
  EntityFact,
  EntityRef,
  KnownEntity,
  LinkedMention,
  Proposal,
  ProposedFact,
  SourceInfo,
} from './proposal';
import { sharedSegmenter } from './segmenter';
import { clauseAt, splitSentences } from './spans';

export interface ProposeOptions {
  format?: 'text' | 'html' | 'auto';
  /** The graph's entities to link mentions to (names, aliases, the admin tree). */
  known?: readonly KnownEntity[];
}

const LABEL = {
  ADMIN_UNIT: 'AdminUnit',
  ORGANIZATION: 'Organization',
  ENTERPRISE: 'Enterprise',
  PERSON: 'Person',
  HOUSEHOLD: 'Household',
  STUDENT: 'Student',
} as const;

/**
 * Turns a report into a proposal for review: the normalised text and its sentences, the figures,
 * the mentions linked to the graph (or proposed as new entities), proposed pairings and proposed
 * observations, each fact with the verbatim quote that supports it. Pure: it reads nothing and
 * writes nothing; the caller passes the graph's entities.
 */
export function proposeReport(input: string, source: SourceInfo, o: ProposeOptions = {}): Proposal {
  const known = o.known ?? [];
  const doc = normaliseReport(input, o.format ?? 'auto');
  const { text, analysis } = doc;
  const names = new Set<string>();
  for (const e of known) for (const n of [e.name, ...e.aliases]) names.add(n);
  const seg = sharedSegmenter(names);
  const raw = extractMentions(analysis, seg, names);
  const links = linkMentions(raw, known);
  const { figures, inexact } = readFigures(text, analysis);

  const facts: ProposedFact[] = [];
  const nextId = () => `f${facts.length + 1}`;
  const quoteOf = (start: number, end: number) => {
    const c = clauseAt(analysis, start);
    const s = Math.min(c.start, start);
    const e = Math.max(c.end, end);
    return { start: s, end: e, text: text.slice(s, e) };
  };

  // One ENTITY fact per distinct new name (the first mention quotes it).
  const newByName = new Map<string, string>();
  const mentions: LinkedMention[] = raw.map((m, i) => ({
    ...m,
    text: text.slice(m.span.start, m.span.end),
    link: links[i],
    factId: null,
  }));
  mentions.forEach((m) => {
    if (m.link) return;
    const key = `${m.type}:${m.name}`;
    const existing = newByName.get(key);
    if (existing) {
      m.factId = existing;
      return;
    }
    const parentMention =
      m.parent !== null
        ? mentions[m.parent]
        : m.type === 'HOUSEHOLD' || m.type === 'STUDENT'
          ? unitBefore(mentions, m, analysis)
          : null;
    const placeOfName =
      m.type === 'ORGANIZATION' || m.type === 'ENTERPRISE' ? unitNamedIn(m.name, known) : null;
    const parent: EntityRef | null = placeOfName
      ? { key: placeOfName.id }
      : parentMention
        ? parentMention.link
          ? { key: parentMention.link.key }
          : parentMention.factId
            ? { fact: parentMention.factId }
            : null
        : null;
    const f: EntityFact = {
      id: nextId(),
      kind: 'ENTITY',
      label: LABEL[m.type],
      name: m.name,
      unitKind: m.unitKind,
      level: m.type === 'ORGANIZATION' ? levelOfName(m.name) : null,
      orgType: m.type === 'ORGANIZATION' ? (/社$/.test(m.name) ? 'MEDIA' : 'AGENCY') : null,
      parent,
      post: m.post,
      quote: quoteOf(m.span.start, m.span.end),
      evidence: `no entity of the graph is named “${m.name}”${placeOfName ? `; its name begins with the unit ${placeOfName.name}` : parent ? `; written after ${parent.key ?? parent.fact} in ${m.type === 'HOUSEHOLD' || m.type === 'STUDENT' ? 'its sentence' : 'one chain'}` : ''}${m.type === 'HOUSEHOLD' ? '; a household (贫困户) named in the text: personal data, shown to analysts only' : m.type === 'STUDENT' ? '; a student named in the text: personal data, shown to analysts only' : ''}`,
    };
    facts.push(f);
    newByName.set(key, f.id);
    m.factId = f.id;
  });

  const area = mainArea(mentions, known);
  const sentences = splitSentences(text);
  for (const s of sentences) {
    for (const p of pairingsIn(analysis, s, mentions, figures, source))
      facts.push({ ...p, id: nextId(), quote: quoteOf(p.quote.start, p.quote.end) });
  }
  for (const f of figures) {
    if (!isObservationCandidate(f)) continue;
    const obs = observationOf(analysis, f, mentions, area, source.published);
    facts.push({ ...obs, id: nextId(), quote: { ...f.quote } });
  }
  return { source, text, traditional: doc.traditional, sentences, figures, inexact, mentions, facts };
}

/** The village (or other unit) written last before a household or student in its sentence. */
function unitBefore(mentions: readonly LinkedMention[], m: LinkedMention, a: string): LinkedMention | null {
  let best: LinkedMention | null = null;
  for (const u of mentions)
    if (
      u.type === 'ADMIN_UNIT' &&
      u.span.end <= m.span.start &&
      !/[。！？!?\n]/u.test(a.slice(u.span.end, m.span.start))
    )
      best = u;
  return best;
}

/**
 * The report's area: the banner (else city, else region) its linked units most often are or lie
 * in — a village written with its banner (准格尔旗城壕村) counts for the banner.
 */
function mainArea(mentions: readonly LinkedMention[], known: readonly KnownEntity[]): EntityRef | null {
  const byId = new Map(known.map((e) => [e.id, e]));
  const ancestorOfKind = (id: string, kind: string): string | null => {
    for (
      let e = byId.get(id), hops = 0;
      e && hops < 10;
      e = e.parentId ? byId.get(e.parentId) : undefined, hops++
    )
      if (e.kind === kind) return e.id;
    return null;
  };
  for (const kind of ['BANNER', 'CITY', 'REGION']) {
    const counts = new Map<string, number>();
    for (const m of mentions) {
      if (m.type !== 'ADMIN_UNIT' || !m.link) continue;
      const a = ancestorOfKind(m.link.key, kind);
      if (a) counts.set(a, (counts.get(a) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) return { key: best[0] };
  }
  return null;
}

/** The unit an organisation's name begins with (鄂尔多斯市财政局 → 鄂尔多斯市), the longest known name. */
function unitNamedIn(name: string, known: readonly KnownEntity[]): KnownEntity | null {
  let best: { e: KnownEntity; len: number } | null = null;
  for (const e of known) {
    if (e.label !== 'AdminUnit') continue;
    for (const n of [e.name, ...e.aliases])
      if (n.length >= 2 && n.length < name.length && name.startsWith(n) && (!best || n.length > best.len))
        best = { e, len: n.length };
  }
  return best?.e ?? null;
}

export type { Figure };
