import { can, maskOf } from '../../domain/access-policy';
import { badInput } from '../../domain/errors';
import type { Label } from '../../domain/model';
import { searchCount, searchEntities } from '../../store/reads/search';
import type { Resolvers, SearchKind } from '../__generated__/resolvers-types';
import { toPage, type SearchConnectionModel } from '../connections';
import { viewerOf } from '../mutate';

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
const ALL_KINDS = Object.keys(KIND_LABEL) as SearchKind[];
/** Kinds whose names or aliases are personal: a hit on one would reveal what the caller may not read. */
const PERSONAL_KINDS: ReadonlySet<SearchKind> = new Set(
  ALL_KINDS.filter(
    (k) => maskOf(KIND_LABEL[k], 'name') !== null || maskOf(KIND_LABEL[k], 'aliases') !== null,
  ),
);

const EMPTY_SEARCH: SearchConnectionModel = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: () => Promise.resolve(0),
};

/** Resolvers of schema/search.graphql. */
export const searchResolvers: Resolvers = {
  Query: {
    /** Below analyst, search leaves out the kinds whose names are personal (households, students). */
    search: async (_root, { query, kinds, first, after }, ctx): Promise<SearchConnectionModel> => {
      const text = query.trim();
      if ([...text].length < 1 || [...text].length > 100) {
        throw badInput('query must be 1–100 characters of text', { argument: 'query' });
      }
      const asked = kinds?.length ? kinds : ALL_KINDS;
      const searched = can(viewerOf(ctx), 'readPersonal')
        ? asked
        : asked.filter((k) => !PERSONAL_KINDS.has(k));
      if (searched.length === 0) return EMPTY_SEARCH;
      const cursors = ctx.cursors.scope('search', { text, kinds: [...new Set(searched)].sort() });
      const page = toPage({ first, after }, cursors);
      const labels = searched.length === ALL_KINDS.length ? [] : searched.map((k) => KIND_LABEL[k]);
      const hits = await searchEntities(ctx.gateway, text, labels, page);
      const kept = hits.slice(0, page.limit);
      const edges = kept.map((h) => ({
        cursor: cursors.encode([h.score, h.node.id]),
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
