import { badInput } from '../../domain/errors';
import type { Label } from '../../domain/model';
import { searchCount, searchEntities } from '../../store/reads/search';
import type { Resolvers, SearchKind } from '../__generated__/resolvers-types';
import { encodeCursor, toPage, type SearchConnectionModel } from '../connections';

const KIND_LABEL: Record<SearchKind, Label> = {
  ADMIN_UNIT: 'AdminUnit',
  ORGANIZATION: 'Organization',
  PERSON: 'Person',
  ENTERPRISE: 'Enterprise',
  HOUSEHOLD: 'Household',
  STUDENT: 'Student',
  PROGRAMME: 'Programme',
};
const LABEL_KIND = Object.fromEntries(Object.entries(KIND_LABEL).map(([k, l]) => [l, k])) as Record<
  string,
  SearchKind
>;

/** Resolvers of schema/search.graphql. */
export const searchResolvers: Resolvers = {
  Query: {
    search: async (_root, { query, kinds, first, after }, ctx): Promise<SearchConnectionModel> => {
      const text = query.trim();
      if ([...text].length < 1 || [...text].length > 100) {
        throw badInput('query must be 1–100 characters of text', { argument: 'query' });
      }
      const page = toPage({ first, after });
      const labels = (kinds ?? []).map((k) => KIND_LABEL[k]);
      const hits = await searchEntities(ctx.gateway, text, labels, page);
      const kept = hits.slice(0, page.limit);
      const edges = kept.map((h) => ({
        cursor: encodeCursor([h.score, h.node.id]),
        node: h.node,
        score: h.score,
        kind: LABEL_KIND[h.node.__label],
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: hits.length > page.limit,
          hasPreviousPage: page.from !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: () => searchCount(ctx.gateway, text, labels),
      };
    },
  },
};
