import { graphql } from './__generated__';
import type { ExplorerTimeQuery } from './__generated__/graphql';

/**
 * The focused entity through time, in one request: the timeline of its pairings by year (an area:
 * pairings of beneficiaries in it; a helper: its own) and, for a helper, its sponsorship terms
 * (助学, e.g. 刘显亮's students), whatever the view's date, so the terms chart shows every term
 * and marks the ones running on that day.
 */
export const TIME = graphql(`
  query ExplorerTime($areaId: ID, $helperId: ID, $from: Date!, $to: Date!, $id: ID!) {
    timeline(areaId: $areaId, helperId: $helperId, from: $from, to: $to, interval: YEAR) {
      periods {
        start
        active
        started
        ended
      }
    }
    terms: node(id: $id) {
      ... on Helper {
        sponsorships: pairings(first: 100, filter: { kind: [SPONSOR] }) {
          totalCount
          edges {
            node {
              id
              validFrom
              validTo
              beneficiary {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

export type TimeResult = ExplorerTimeQuery;
