import type { GraphQLResolveInfo } from 'graphql';
import { can, idNumberDisplay, OPERATIONS, visibleValue } from '../../domain/access-policy';
import { AppError } from '../../domain/errors';
import type { NodeRow } from '../../store/reads/reads';
import type { QuerySearchArgs, Resolvers, ResolverFn, SearchKind } from '../__generated__/resolvers-types';
import type { SearchConnectionModel } from '../connections';
import type { Context } from '../context';
import { viewerOf } from '../mutate';
import { readsProps } from '../prefetch';
import { rootConnection } from './node';
import { searchResolvers } from './search';

/**
 * Resolvers of schema/access.graphql, and THE place where personal fields are resolved: every
 * path that reaches a household's or student's name, ID number or phone — nested fields, node(),
 * search hits, pairing graphs, paths, history — resolves it here, through the access policy
 * (src/domain/access-policy.ts). This module is merged LAST (src/graphql/schema.ts), so these
 * field resolvers take precedence over the plain ones of network.ts, analytics.ts and search.ts.
 */

/** A row's name as the caller may see it (刘显亮 → 刘** below analyst, for personal labels only). */
const visibleName = (row: NodeRow, ctx: Context) =>
  visibleValue(viewerOf(ctx), row.__label, 'name', row.name);

/** A household's or student's name as the caller may see it. */
const personalName = readsProps(
  (row: NodeRow, _a: unknown, ctx: Context) => String(visibleName(row, ctx)),
  ['name'],
);

/** Search kinds whose names are personal: matching on them is reading them. */
const PERSONAL_KINDS: readonly SearchKind[] = ['HOUSEHOLD', 'STUDENT'];
const ALL_KINDS: readonly SearchKind[] = [
  'ADMIN_UNIT',
  'ORGANIZATION',
  'PERSON',
  'ENTERPRISE',
  'HOUSEHOLD',
  'STUDENT',
  'PROGRAMME',
];

type SearchFn = ResolverFn<SearchConnectionModel, unknown, Context, QuerySearchArgs>;
const plainSearch = searchResolvers.Query?.search as SearchFn;

const EMPTY_SEARCH: SearchConnectionModel = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: () => Promise.resolve(0),
};

/**
 * Lists of people's records: filtering them by name is reading the name, so `nameContains` needs
 * readPersonal (FORBIDDEN otherwise, naming the argument).
 */
function personalList(label: 'Household' | 'Student') {
  const list = rootConnection(label);
  return (root: unknown, args: Parameters<typeof list>[1], ctx: Context, info: GraphQLResolveInfo) => {
    if (!can(viewerOf(ctx), 'readPersonal') && mentionsName(args.filter)) {
      throw new AppError(
        'FORBIDDEN',
        `filter.nameContains on ${label} records needs role analyst or higher`,
        {
          argument: 'filter.nameContains',
          requiredRole: 'analyst',
        },
      );
    }
    return list(root, args, ctx, info);
  };
}

function mentionsName(f: unknown): boolean {
  if (!f || typeof f !== 'object') return false;
  const o = f as Record<string, unknown>;
  if (o.nameContains != null) return true;
  return [o.NOT, ...(Array.isArray(o.AND) ? o.AND : []), ...(Array.isArray(o.OR) ? o.OR : [])].some(
    mentionsName,
  );
}

export const accessResolvers: Resolvers = {
  Query: {
    viewer: (_r, _a, ctx) => viewerOf(ctx),
    households: personalList('Household'),
    students: personalList('Student'),
    /** Below analyst, search leaves out households and students: a hit on a name would reveal it. */
    search: (root, args, ctx, info: GraphQLResolveInfo) => {
      if (can(viewerOf(ctx), 'readPersonal')) return plainSearch(root, args, ctx, info);
      const asked = args.kinds?.length ? args.kinds : ALL_KINDS;
      const kinds = asked.filter((k) => !PERSONAL_KINDS.includes(k));
      return kinds.length ? plainSearch(root, { ...args, kinds }, ctx, info) : EMPTY_SEARCH;
    },
  },
  Viewer: {
    role: (v) => v.role,
    seesPersonalData: (v) => can(v, 'readPersonal'),
    operations: (v) => OPERATIONS.filter((op) => can(v, op)),
  },
  Household: {
    name: personalName,
    idNumber: readsProps(
      (row: NodeRow, _a: unknown, ctx: Context) =>
        can(viewerOf(ctx), 'readPersonal') ? idNumberDisplay(row.idNumberLast4) : null,
      ['idNumberLast4'],
    ),
    phone: readsProps(
      (row: NodeRow, _a: unknown, ctx: Context) =>
        visibleValue(viewerOf(ctx), 'Household', 'phone', (row.phone as string | undefined) ?? null),
      ['phone'],
    ),
  },
  Student: { name: personalName },
  GraphNode: { name: (n, _a, ctx) => String(visibleName(n.row, ctx) ?? n.row.id) },
  PathNode: { name: (n, _a, ctx) => (n.__label === 'Pairing' ? null : String(visibleName(n, ctx) ?? n.id)) },
};
