import type { Figure } from './figure';
import type { Mention } from './mention';
import type { Sentence, Span } from './spans';

/** An entity the graph already holds, as linking sees it (names in simplified script). */
export interface KnownEntity {
  id: string;
  label: 'AdminUnit' | 'Organization' | 'Person' | 'Enterprise' | 'Household' | 'Student';
  name: string;
  aliases: readonly string[];
  /** AdminUnit kind, or null. */
  kind: string | null;
  /** Organization level (REGION … TOWNSHIP), or null. */
  level: string | null;
  /** The AdminUnit it lies in, or null. */
  parentId: string | null;
}

/** The report's own description, as the analyst gives it. */
export interface SourceInfo {
  title: string;
  publisher: string | null;
  /** ISO date. */
  published: string;
  url: string | null;
}

/** A verbatim quote of the normalised text: `text === proposal.text.slice(start, end)`. */
export interface Quote extends Span {
  text: string;
}

/** A reference to an entity: one the graph holds (`key`), or one this proposal proposes (`fact`). */
export type EntityRef = { key: string; fact?: undefined } | { fact: string; key?: undefined };

export interface LinkedMention extends Mention {
  /** The graph entity it names, or null when it is proposed as new. */
  link: { key: string; evidence: string } | null;
  /** The ENTITY fact that proposes it when not linked. */
  factId: string | null;
}

interface FactBase {
  /** Stable within the proposal: f1, f2 … */
  id: string;
  quote: Quote;
  /** Why the pipeline proposes it, in words a reviewer can check against the quote. */
  evidence: string;
}

export interface EntityFact extends FactBase {
  kind: 'ENTITY';
  /** Household and Student names are personal data (proposals are read by analysts only). */
  label: 'AdminUnit' | 'Organization' | 'Person' | 'Enterprise' | 'Household' | 'Student';
  name: string;
  /** AdminUnit kind. */
  unitKind: string | null;
  /** Organization level. */
  level: string | null;
  /** Organization type (AGENCY by default). */
  orgType: string | null;
  /** The unit it lies in (AdminUnit parent, or an organisation's place). */
  parent: EntityRef | null;
  /** A person's post as written. */
  post: string | null;
}

export interface PairingFact extends FactBase {
  kind: 'PAIRING';
  helper: EntityRef;
  beneficiary: EntityRef;
  level: string | null;
  category: string | null;
  pairingKind: 'ASSIST' | 'STATIONED';
  /** The verb that states it (帮扶, 结成…对子, 驻村 …). */
  verb: string;
  validFrom: string;
}

export interface ObservationFact extends FactBase {
  kind: 'OBSERVATION';
  value: number;
  unit: string;
  comparator: 'EXACT' | 'MORE_THAN' | 'AT_LEAST';
  indicatorId: string;
  indicatorName: string;
  /** The query that recomputes it (see indicators.cypher.ts), or null when none is known. */
  computeKey: string | null;
  area: EntityRef | null;
  referenceDate: string;
  dimensions: Record<string, string | number>;
  /** The figure's own characters (inside the quote). */
  figure: Span;
}

export type ProposedFact = EntityFact | PairingFact | ObservationFact;

/** What `proposeReport` returns: everything a reviewer needs, nothing written anywhere. */
export interface Proposal {
  source: SourceInfo;
  /** The normalised text (the report's own script) every offset points into. */
  text: string;
  traditional: boolean;
  sentences: Sentence[];
  figures: Figure[];
  /** Numerals read but left out of the figures: their value cannot be held exactly (absent in proposals made before 12-05). */
  inexact?: Span[];
  mentions: LinkedMention[];
  facts: ProposedFact[];
}
