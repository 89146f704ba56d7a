/**
 * One way to read a figure as an observation the graph can recompute: the unit and words it needs,
 * the indicator and query it names, and the dimensions it reads from the clause.
 */
export interface ObservationRule {
  unit: string | RegExp;
  /** Words of the figure's clause that must be there. */
  cue?: RegExp;
  /** Where the cue is looked for: the whole clause (default) or only the words before the figure. */
  cueIn?: 'before';
  computeKey: string;
  indicatorId: string;
  indicatorName: string;
  /** What else the figure's clause or sentence must say (beyond `unit` and `cue`). */
  when?: (ctx: RuleContext) => boolean;
  /** Dimensions read from the clause. */
  dims?: (ctx: RuleContext) => Record<string, string> | null;
  /** The indicator's query needs the dimensions: without them the figure stays generic. */
  needsDims?: true;
}

export interface RuleContext {
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
