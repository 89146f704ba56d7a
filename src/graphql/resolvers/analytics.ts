import { visibleValue } from '../../domain/access-policy';
import { AppError, badInput } from '../../domain/errors';
import { HELPER_LABELS, VILLAGE_LEVEL_KINDS, type Label, type UnitKind } from '../../domain/model';
import { QUOTA_RULES, shortfalls } from '../../domain/quota-rules';
import type { CoverageModel } from '../../store/analytics/coverage.store';
import { exemplarCount, exemplarPage } from '../../store/analytics/exemplars.store';
import { GRAPH_LABELS, MAX_DEPTH } from '../../store/analytics/graph.cypher';
import { pairingGraphs, type GraphOptions } from '../../store/analytics/graph.store';
import { pairingMatrix } from '../../store/analytics/matrix.store';
import { centrality, communityPartition } from '../../store/analytics/network.store';
import { MAX_PATH_HOPS, PATH_VIA, shortestPaths, type PathVia } from '../../store/analytics/paths.store';
import { quotaSummary, quotaViolationCount, quotaViolations } from '../../store/analytics/quota.store';
import { scopeFilter, type PairingScope } from '../../store/analytics/specs';
import {
  floorToPeriod,
  MAX_TIMELINE_PERIODS,
  periodCount,
  periodStart,
  timeline,
  type TimelineScope,
} from '../../store/analytics/timeline.store';
import { checkObservations } from '../../store/indicators/indicators.store';
import type { ListAnchor } from '../../store/analytics/lists';
import type { Resolvers } from '../__generated__/resolvers-types';
import {
  areaOf,
  childrenOf,
  coverageOf,
  detailsOf,
  gid,
  graphNeedsCategories,
  graphOf,
  intIn,
  nodeList,
  requiredNode,
  stringKeyset,
} from '../analytics-loaders';
import { toConnection, toPage } from '../connections';
import type { Context } from '../context';
import type { TimelineModel } from '../models';
import { fromGlobalIdOf } from '../ids';
import { viewerOf } from '../mutate';
import { decodeFilter, keyOfRow, relatedConnection, today, validToOf } from '../resolve';

const MAX_ROOTS = 100;
const MAX_GRAPH_NODES = 2000;

const area = (s: { areaId: string | null }, _a: unknown, ctx: Context) =>
  s.areaId === null ? null : ctx.loaders.node({ label: 'AdminUnit', id: s.areaId });

interface GraphArgs {
  depth: number;
  direction: GraphOptions['direction'];
  filter?: unknown;
  activeOn?: string | null;
  maxNodes?: number | null;
  /** Whether the client selected `nodes { category }` (graphNeedsCategories). */
  categories: boolean;
}

/**
 * Validates pairingGraph/egoNetwork arguments into store options. Every kind of pairing is drawn
 * (SPONSOR and LIAISON too: edges carry their kind, level/category are null outside 五级四类);
 * the client's filter narrows kinds.
 */
function graphOptions(a: GraphArgs): GraphOptions {
  const scope: PairingScope = {
    areaId: null,
    on: a.activeOn ?? null,
    filter: decodeFilter(a.filter as object),
  };
  return {
    depth: a.depth,
    direction: a.direction,
    filter: scopeFilter(scope, {}),
    maxNodes: intIn(a.maxNodes, 500, 'maxNodes', 1, MAX_GRAPH_NODES),
    categories: a.categories,
  };
}

const beneficiaryCoverage =
  (kind: 'village' | 'household' | 'student') => async (c: CoverageModel, _a: unknown, ctx: Context) => {
    const s = await coverageOf(ctx, c);
    const [registered, assisted] =
      kind === 'village'
        ? [
            s?.histogram.reduce((t, [, n]) => t + n, 0) ?? 0,
            s?.histogram.reduce((t, [h, n]) => t + (h > 0 ? n : 0), 0) ?? 0,
          ]
        : kind === 'household'
          ? [s?.households ?? 0, s?.householdsAssisted ?? 0]
          : [s?.students ?? 0, s?.studentsAssisted ?? 0];
    return { ...c, kind, registered, assisted };
  };

/** Lists of an area start from it; lists of the whole graph scan their label. */
const inArea = (areaId: string | null): ListAnchor | undefined =>
  areaId === null ? undefined : { kind: 'AREA', areaId };

/** Resolvers of schema/analytics.graphql. */
export const analyticsResolvers: Resolvers = {
  Query: {
    pairingGraph: async (_r, a, ctx, info) => {
      if (a.rootIds.length > MAX_ROOTS) {
        throw badInput(`rootIds may hold at most ${MAX_ROOTS} ids, got ${a.rootIds.length}`, {
          argument: 'rootIds',
        });
      }
      const roots = a.rootIds.map((id, i) => fromGlobalIdOf(id, GRAPH_LABELS, `rootIds[${i}]`));
      const depth = intIn(a.depth, 1, 'depth', 0, MAX_DEPTH);
      const o = graphOptions({
        ...a,
        depth,
        direction: a.direction ?? 'BOTH',
        categories: graphNeedsCategories(info),
      });
      return (await pairingGraphs(ctx.gateway, [roots], o))[0];
    },
    egoNetwork: async (_r, a, ctx, info) => {
      const root = fromGlobalIdOf(a.id, GRAPH_LABELS, 'id');
      const depth = intIn(a.hops, 1, 'hops', 0, MAX_DEPTH);
      const [g] = await pairingGraphs(
        ctx.gateway,
        [[root]],
        graphOptions({ ...a, depth, direction: 'BOTH', categories: graphNeedsCategories(info) }),
      );
      if (g.nodes.length === 0) throw new AppError('NOT_FOUND', 'id names no entity', { argument: 'id' });
      return g;
    },
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
    pairingMatrix: async (_r, a, ctx) => ({
      areaId: await areaOf(a.areaId, ctx),
      on: a.activeOn ?? today(),
      filter: decodeFilter(a.filter),
    }),
    coverage: async (_r, a, ctx) => ({ areaId: await areaOf(a.areaId, ctx), on: a.activeOn ?? today() }),
    quotaCompliance: async (_r, a, ctx) => {
      const scope = {
        areaId: await areaOf(a.areaId, ctx),
        on: a.activeOn ?? today(),
        rules: a.rules ?? null,
      };
      const cursors = ctx.cursors.scope('quotaCompliance', scope);
      const page = toPage({ first: a.first, after: a.after }, cursors);
      const rows = await quotaViolations(ctx.gateway, scope, stringKeyset(page.from), page.limit + 1);
      const conn = toConnection(
        rows,
        page,
        (v) => [v.rule.id, v.helper.id],
        () => quotaViolationCount(ctx.gateway, scope),
        cursors,
      );
      return { ...conn, summary: () => quotaSummary(ctx.gateway, scope) };
    },
    quotaRules: () => [...QUOTA_RULES],
    indicators: (_r, a, ctx) =>
      checkObservations(
        ctx.gateway,
        a.sourceId ? fromGlobalIdOf(a.sourceId, ['Source'], 'sourceId').id : undefined,
      ),
    centrality: async (_r, a, ctx) => {
      const scope = {
        areaId: await areaOf(a.areaId, ctx),
        on: a.activeOn ?? today(),
        filter: decodeFilter(a.filter),
      };
      const top = intIn(a.top, 20, 'top', 1, 100);
      return centrality(ctx.gateway, ctx.analytics, scope, a.measure ?? 'DEGREE', top);
    },
    communities: async (_r, a, ctx) =>
      communityPartition(ctx.gateway, ctx.analytics, {
        areaId: await areaOf(a.areaId, ctx),
        on: a.activeOn ?? today(),
        filter: decodeFilter(a.filter),
      }),
    timeline: async (_r, a, ctx): Promise<TimelineModel> => {
      if (a.from > a.to) {
        throw badInput(`from (${a.from}) must not be after to (${a.to})`, { argument: 'from' });
      }
      const interval = a.interval ?? 'YEAR';
      const periods = periodCount(a.from, a.to, interval);
      if (periods > MAX_TIMELINE_PERIODS) {
        throw new AppError(
          'QUERY_TOO_COMPLEX',
          `timeline is limited to ${MAX_TIMELINE_PERIODS} periods; ${a.from} to ${a.to} by ${interval} has ${periods}: narrow from/to or use YEAR`,
          { argument: 'to', periods },
        );
      }
      const helper = a.helperId ? fromGlobalIdOf(a.helperId, HELPER_LABELS, 'helperId') : null;
      if (helper && !(await ctx.loaders.node(helper))) {
        throw new AppError('NOT_FOUND', 'helperId names no helper', { argument: 'helperId' });
      }
      const scope: TimelineScope = {
        areaId: await areaOf(a.areaId, ctx),
        helperId: helper?.id ?? null,
        on: null,
        filter: decodeFilter(a.filter),
      };
      const from = floorToPeriod(a.from, interval);
      const groupBy = a.groupBy ?? null;
      return {
        scope,
        helper,
        from,
        to: periodStart(from, interval, periods),
        interval,
        groupBy,
        periods: await timeline(ctx.gateway, { scope, from, interval, periods, groupBy }),
      };
    },
    exemplars: async (_r, a, ctx) => {
      const areaId = await areaOf(a.areaId, ctx);
      const cursors = ctx.cursors.scope('exemplars', { areaId });
      const page = toPage({ first: a.first, after: a.after }, cursors);
      const rows = await exemplarPage(ctx.gateway, areaId, stringKeyset(page.from), page.limit + 1);
      return toConnection(
        rows,
        page,
        (e) => [String(e.row.__sort), e.row.id],
        () => exemplarCount(ctx.gateway, areaId),
        cursors,
      );
    },
  },
  GraphNode: {
    id: (n) => gid(keyOfRow(n.row)),
    kind: (n) => n.row.__label,
    name: (n, _a, ctx) => String(visibleValue(viewerOf(ctx), n.row.__label, 'name', n.row.name ?? n.row.id)),
    level: (n) => (n.row.__label === 'Organization' ? ((n.row.level as never) ?? null) : null),
    category: (n) => {
      // computed when the parent field's selection asks for it (graphNeedsCategories)
      if (n.category === undefined) throw new Error('GraphNode.category was not computed for this graph');
      return n.category;
    },
    unitKind: (n) => (n.row.__label === 'AdminUnit' ? ((n.row.kind as never) ?? null) : null),
    provenance: (n) => n.row.provenance as never,
    root: (n) => n.depth === 0,
    depth: (n) => n.depth,
    entity: (n) => n.row,
  },
  GraphEdge: {
    id: (e) => gid(keyOfRow(e.pairing)),
    source: (e) => gid(e.source),
    target: (e) => gid(e.target),
    kind: (e) => e.pairing.kind as never,
    level: (e) => (e.pairing.level as never) ?? null,
    category: (e) => (e.pairing.category as never) ?? null,
    provenance: (e) => e.pairing.provenance as never,
    validFrom: (e) => String(e.pairing.validFrom),
    validTo: (e) => validToOf(e.pairing),
    pairing: (e) => e.pairing,
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
  PairingMatrix: {
    area,
    activeOn: (s) => s.on ?? today(),
    cells: (s, _a, ctx) => pairingMatrix(ctx.gateway, s, 'CELL'),
    levels: (s, _a, ctx) => pairingMatrix(ctx.gateway, s, 'LEVEL'),
    total: async (s, _a, ctx) => (await pairingMatrix(ctx.gateway, s, 'TOTAL'))[0],
  },
  PairingMatrixCell: {
    pairings: (c, a, ctx) => {
      const { areaId } = c.scope;
      const own = scopeFilter(
        { ...c.scope, areaId: null },
        {
          level: c.level,
          category: c.category,
          counted: true,
          classified: true,
        },
      );
      const extra = decodeFilter(a.filter);
      return nodeList(ctx, 'pairings', extra ? { AND: [own, extra] } : own, a, {
        order: a.orderBy ?? 'KEY',
        anchor: areaId === null ? { kind: 'LEVEL_INDEX' } : { kind: 'AREA', areaId },
      });
    },
  },
  Coverage: {
    area,
    activeOn: (c) => c.on,
    villages: beneficiaryCoverage('village'),
    households: beneficiaryCoverage('household'),
    students: beneficiaryCoverage('student'),
    helpersPerVillage: async (c, _a, ctx) =>
      ((await coverageOf(ctx, c))?.histogram ?? []).map(([helpers, villages]) => ({
        ...c,
        helpers,
        villages,
      })),
    children: async (c, _a, ctx) => (await childrenOf(ctx, c)).map((areaId) => ({ areaId, on: c.on })),
  },
  BeneficiaryCoverage: {
    unassisted: (b) => b.registered - b.assisted,
    share: (b) => (b.registered === 0 ? null : b.assisted / b.registered),
    unassistedList: (b, a, ctx) =>
      nodeList(
        ctx,
        b.kind,
        { ...(b.kind === 'village' ? { villageLevel: true } : {}), unassistedOn: b.on },
        a,
        {
          anchor: inArea(b.areaId),
        },
      ),
  },
  HelpersPerVillage: {
    villageList: (h, a, ctx) =>
      nodeList(ctx, 'village', { villageLevel: true, helpersOn: { on: h.on, n: h.helpers } }, a, {
        anchor: inArea(h.areaId),
      }),
  },
  QuotaRule: {
    citation: (r, _a, ctx) => ctx.loaders.node({ label: 'Citation', id: r.citationId }),
  },
  QuotaRequirement: { minimum: (q) => q.min },
  QuotaViolation: {
    shortfalls: (v) => shortfalls(v.rule, v.actual),
  },
  IndicatorCheck: {
    key: (c) => c.observation.id,
    observation: (c, _a, ctx) => requiredNode(ctx, { label: 'Observation', id: c.observation.id }),
    indicatorKey: (c) => c.observation.indicatorId,
    indicatorName: async (c, _a, ctx) => (await detailsOf(ctx, c.observation.id))?.indicatorName ?? null,
    computeKey: (c) => c.observation.computeKey,
    reported: (c) => c.observation.value,
    unit: (c) => c.observation.unit,
    comparator: (c) => c.observation.comparator,
    status: (c) => (c.computed === null ? 'UNKNOWN' : c.matches ? 'MATCH' : 'MISMATCH'),
    area: (c, _a, ctx) => ctx.loaders.node({ label: 'AdminUnit', id: c.observation.areaId }),
    referenceDate: (c) => c.observation.referenceDate,
    dimensions: (c) =>
      Object.entries(c.observation.dimensions).map(([key, v]) => ({ key, value: String(v) })),
    interpretation: async (c, _a, ctx) => (await detailsOf(ctx, c.observation.id))?.interpretation ?? null,
    citations: async (c, _a, ctx) => (await detailsOf(ctx, c.observation.id))?.citations ?? [],
  },
  Centrality: { area: (m, _a, ctx) => area(m.scope, _a, ctx), activeOn: (m) => m.scope.on ?? today() },
  CentralityScore: {
    id: (s) => gid(s.key),
    node: async (s, _a, ctx) => requiredNode(ctx, s.key),
  },
  Communities: {
    area: (m, _a, ctx) => area(m.scope, _a, ctx),
    activeOn: (m) => m.scope.on ?? today(),
    communities: (m, a) => m.communities.slice(0, intIn(a.first, 20, 'first', 0, 100)),
  },
  Community: {
    beneficiaries: (c) => c.size - c.helpers,
    members: (c, a, ctx) =>
      Promise.all(c.members.slice(0, intIn(a.first, 20, 'first', 0, 100)).map((k) => requiredNode(ctx, k))),
  },
  Timeline: {
    area: (t, _a, ctx) => area(t.scope, _a, ctx),
    helper: (t, _a, ctx) => (t.helper === null ? null : ctx.loaders.node(t.helper)),
  },
  Exemplar: {
    entity: (e) => e.row,
    pairings: (e, a, ctx) => relatedConnection('helperPairings', 'Pairing')(e.row, a, ctx),
    network: async (e, a, ctx, info) => {
      const depth = intIn(a.depth, 1, 'depth', 0, 3);
      const o = graphOptions({
        ...a,
        depth,
        direction: 'BOTH',
        filter: null,
        maxNodes: intIn(a.maxNodes, 100, 'maxNodes', 1, 500),
        categories: graphNeedsCategories(info),
      });
      const roots = [keyOfRow(e.row)];
      const unit = e.row.__label === 'Organization' ? await ctx.loaders.one('unit', keyOfRow(e.row)) : null;
      if (unit && VILLAGE_LEVEL_KINDS.includes(unit.kind as UnitKind)) roots.push(keyOfRow(unit));
      return graphOf(ctx, o, roots);
    },
  },
};
