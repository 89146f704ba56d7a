import { visibleValue } from '../../../domain/access-policy';
import { AppError, badInput } from '../../../domain/errors';
import type { Label } from '../../../domain/model';
import { GRAPH_LABELS } from '../../../store/analytics/graph.cypher';
import { MAX_PATH_HOPS, PATH_VIA, shortestPaths, type PathVia } from '../../../store/analytics/paths.store';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { gid, intIn } from '../../analytics-loaders';
import { fromGlobalIdOf } from '../../ids';
import { viewerOf } from '../../mutate';
import { keyOfRow } from '../../resolve';

/** Resolvers of schema/analytics-paths.graphql: shortest paths between two entities. */
export const pathsResolvers: Resolvers = {
  Query: {
    paths: async (_r, a, ctx) => {
      const ends: Label[] = [...GRAPH_LABELS];
      const from = fromGlobalIdOf(a.fromId, ends, 'fromId');
      const to = fromGlobalIdOf(a.toId, ends, 'toId');
      const maxHops = intIn(a.maxHops, 6, 'maxHops', 1, MAX_PATH_HOPS);
      const first = intIn(a.first, 10, 'first', 1, 100);
      const via = (a.via ?? Object.keys(PATH_VIA)) as PathVia[];
      if (via.length === 0)
        throw badInput('via must name at least one kind of relationship', { argument: 'via' });
      if (from.label === to.label && from.id === to.id) {
        const node = await ctx.loaders.node(from);
        if (!node) throw new AppError('NOT_FOUND', 'fromId names no entity', { argument: 'fromId' });
        return [{ nodes: [node], relationships: [] }];
      }
      const r = await shortestPaths(ctx.gateway, { from, to, maxHops, first, on: a.activeOn ?? null, via });
      if (!r.fromFound) throw new AppError('NOT_FOUND', 'fromId names no entity', { argument: 'fromId' });
      if (!r.toFound) throw new AppError('NOT_FOUND', 'toId names no entity', { argument: 'toId' });
      return r.paths;
    },
  },
  Path: { length: (p) => p.relationships.length },
  PathNode: {
    id: (n) => gid(keyOfRow(n)),
    kind: (n) => n.__label,
    name: (n, _a, ctx) =>
      n.__label === 'Pairing' ? null : String(visibleValue(viewerOf(ctx), n.__label, 'name', n.name ?? n.id)),
    node: (n) => n,
  },
  PathRelationship: {
    type: (r) => r.type as never,
    start: (r) => gid(r.start),
    end: (r) => gid(r.end),
    citations: (r, _a, ctx) => ctx.loaders.all('citations', r.pairing ? keyOfRow(r.pairing) : r.start),
  },
};
