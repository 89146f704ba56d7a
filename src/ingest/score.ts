import type { Span } from './spans';

/** One reported figure of a curated report (seeds/report.json), with the spans of its quotes. */
export interface GoldFigure {
  id: string;
  value: number;
  unit: string;
  computeKey: string;
  dimensions: Record<string, unknown>;
  spans: Span[];
}

/** A named unit or organisation of the curated report, with the names it goes by. */
export interface GoldEntity {
  id: string;
  names: string[];
}

/** How a proposal compares with the curated facts (scoreProposal). */
export interface Score {
  figures: {
    gold: number;
    found: number;
    proposed: number;
    correct: number;
    recall: number;
    precision: number;
    missed: string[];
    wrong: string[];
  };
  entities: { gold: number; found: number; recall: number; missed: string[] };
  pairingCounts: { gold: number; found: number; missed: string[] };
  quotesVerbatim: boolean;
}
