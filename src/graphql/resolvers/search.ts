import { can, maskOf } from '../../domain/access-policy';
import { badInput } from '../../domain/errors';
import type { Label } from '../../domain/model';
import { fetchLimit, probedIf } from '../../domain/page';
import type { NodeRow } from '../../store/reads/reads';
import { searchCount, searchEntities, type SearchHit } from '../../store/reads/search';
import type { Resolvers, SearchKind } from '../__generated__/resolvers-types';
import { pageInfoOf, SealedEdge, toPage, type SearchConnectionModel } from '../connections';
import type { CursorScope } from '../cursors';
import { nestedOf, ROW_BUDGET, rowPlanOf, selects } from '../execution';
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
    search: async (_root, { query, kinds, first, after }, ctx, info): Promise<SearchConnectionModel> => {
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
      // without pageInfo, no one asks whether another page exists: no hit beyond the page is fetched
      const page = probedIf(toPage({ first, after }, cursors), selects(info, ['pageInfo']));
      const labels = searched.length === ALL_KINDS.length ? [] : searched.map((k) => KIND_LABEL[k]);
      // what the selection nests under the hits comes in the same statement, as with any list
      const rows = rowPlanOf(
        info,
        ctx,
        searched.map((k) => KIND_LABEL[k]),
        ROW_BUDGET / Math.max(fetchLimit(page), 1),
      );
      const hits = await searchEntities(ctx.gateway, text, labels, page, nestedOf(rows), rows?.props ?? null);
      const nodes = ctx.loaders.primeRows(
        hits.map((h) => h.node),
        rows,
      );
      // cursors are sealed when read: most searches are shown without them
      const edges = hits
        .slice(0, page.limit)
        .map((h, i) => new HitEdge({ score: h.score, node: nodes[i] }, cursors));
      return {
        edges,
        pageInfo: pageInfoOf(page, hits.length, edges),
        totalCount: () => searchCount(ctx.gateway, text, labels),
      };
    },
  },
};

/** A hit as an edge: its score and kind, and its cursor (score, then key) sealed when read. */
class HitEdge extends SealedEdge<NodeRow> {
  readonly score: number;
  readonly kind: SearchKind;

  constructor(hit: SearchHit, cursors: CursorScope) {
    super(hit.node, (n) => [hit.score, n.id], cursors);
    this.score = hit.score;
    this.kind = LABEL_KIND[hit.node.__label];
  }
}
