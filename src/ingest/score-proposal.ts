import { isObservationCandidate } from './figure';
import type { Proposal } from './proposal';
import type { GoldEntity, GoldFigure, Score } from './score';
import type { Span } from './spans';

const within = (s: Span, o: Span) => o.start <= s.start && s.end <= o.end;

/**
 * Scores a proposal against the curated facts. A gold figure is found when a proposed figure
 * (COUNT, AMOUNT or PERCENT) has its value and unit and lies inside one of its quotes; a proposed
 * figure is correct when it finds some gold figure. Entities: found when a mention's text is one
 * of their names. Pairing counts: a proposed observation with the gold's computeKey, value and level.
 */
export function scoreProposal(
  p: Proposal,
  figures: readonly GoldFigure[],
  entities: readonly GoldEntity[],
): Score {
  const candidates = p.figures.filter(isObservationCandidate);
  const hits = (g: GoldFigure) =>
    candidates.filter(
      (f) => f.value === g.value && f.unit === g.unit && g.spans.some((s) => within(f.span, s)),
    );
  const found = figures.filter((g) => hits(g).length > 0);
  const correct = candidates.filter((f) => figures.some((g) => hits(g).includes(f)));
  const wrong = candidates
    .filter((f) => !correct.includes(f))
    .map((f) => `${p.text.slice(f.span.start, f.span.end)} → ${f.value} ${f.unit}`);
  const mentionTexts = new Set(p.mentions.map((m) => m.name));
  const entFound = entities.filter((e) => e.names.some((n) => mentionTexts.has(n)));
  const pairingGold = figures.filter((g) => g.computeKey === 'pairings.count');
  const pairingFound = pairingGold.filter((g) =>
    p.facts.some(
      (f) =>
        f.kind === 'OBSERVATION' &&
        f.computeKey === 'pairings.count' &&
        f.value === g.value &&
        f.dimensions.level === g.dimensions.level &&
        g.spans.some((s) => within(f.figure, s)),
    ),
  );
  const quotes = [...p.facts.map((f) => f.quote), ...p.figures.map((f) => f.quote)];
  return {
    figures: {
      gold: figures.length,
      found: found.length,
      proposed: candidates.length,
      correct: correct.length,
      recall: found.length / figures.length,
      precision: candidates.length ? correct.length / candidates.length : 0,
      missed: figures.filter((g) => !found.includes(g)).map((g) => `${g.id} ${g.value} ${g.unit}`),
      wrong,
    },
    entities: {
      gold: entities.length,
      found: entFound.length,
      recall: entities.length ? entFound.length / entities.length : 1,
      missed: entities.filter((e) => !entFound.includes(e)).map((e) => e.id),
    },
    pairingCounts: {
      gold: pairingGold.length,
      found: pairingFound.length,
      missed: pairingGold.filter((g) => !pairingFound.includes(g)).map((g) => g.id),
    },
    quotesVerbatim: quotes.every((q) => p.text.slice(q.start, q.end) === q.text && q.text.length > 0),
  };
}
