/** A position in a keyset order: the sort value and the id that breaks ties. */
export type Keyset = [sort: string | number | null, id: string];

/** A validated page request: which way to seek from which position, and how many items. */
export interface Page {
  direction: 'forward' | 'backward';
  limit: number;
  /** Seek strictly after (forward) or before (backward) this position. */
  from: Keyset | null;
  /**
   * Fetch exactly `limit` rows: nothing selects the page's `pageInfo`, so no one asks whether
   * another page exists, and the extra row that would tell is not fetched.
   */
  exact?: true;
}

/** How many rows a page fetches: one beyond its items tells whether another page exists. */
export const fetchLimit = (page: Page): number => page.limit + (page.exact ? 0 : 1);

/** `page` fetched exactly, when `asked` (whether another page exists) is false. */
export const probedIf = (page: Page, asked: boolean): Page => (asked ? page : { ...page, exact: true });
