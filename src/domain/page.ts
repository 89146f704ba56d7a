/** A position in a keyset order: the sort value and the id that breaks ties. */
export type Keyset = [sort: string | number | null, id: string];

/** A validated page request: which way to seek from which position, and how many items. */
export interface Page {
  direction: 'forward' | 'backward';
  limit: number;
  /** Seek strictly after (forward) or before (backward) this position. */
  from: Keyset | null;
}
