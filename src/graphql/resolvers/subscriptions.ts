import { AppError, badInput } from '../../domain/errors';
import { ledgerEventKind, type LedgerEventKind } from '../../domain/ledger-events';
import { EXPOSED_LABELS, type Label } from '../../domain/model';
import type { LedgerFeed } from '../../store/ledger/ledger-feed';
import type { LedgerEntry } from '../../store/ledger/ledger.store';
import type { Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { fromGlobalIdOf, toGlobalId } from '../ids';
import { Loaders } from '../loaders';
import { loadNode } from './node';

/** A ledger position as clients see it: the decimal position, opaque by contract. */
const POSITION = /^(0|[1-9]\d{0,14})$/;

/** `since` as a position; BAD_USER_INPUT naming it when malformed or beyond the log's end. */
function sinceOf(since: string, head: number): number {
  if (!POSITION.test(since))
    throw badInput(`since is not a ledger position: ${JSON.stringify(since.slice(0, 40))}`, {
      argument: 'since',
    });
  const p = Number(since);
  if (p > head)
    throw badInput(`since is ${p}, beyond the ledger's last position ${head}`, { argument: 'since' });
  return p;
}

interface Wanted {
  area: string | null;
  kinds: ReadonlySet<LedgerEventKind> | null;
}

const wanted = (e: LedgerEntry, w: Wanted): boolean => {
  const kind = ledgerEventKind(e.operation);
  if (kind === null || (w.kinds && !w.kinds.has(kind))) return false;
  return w.area === null || kind === 'IMPORTED' || e.areas.includes(w.area);
};

/**
 * The entries of a cursor that the subscriber asked for. Before each one is delivered the context
 * gets fresh loaders: an event is resolved like a new request, so it shows the record as it is now,
 * never a value cached for an earlier event. Not an async generator: a generator's return() waits
 * for its pending next(), i.e. for the next event; this one ends the cursor at once when the
 * client completes the subscription.
 */
function matching(
  cursor: ReturnType<LedgerFeed['cursor']>,
  w: Wanted,
  ctx: Context,
): AsyncIterableIterator<LedgerEntry> {
  return {
    async next() {
      for (;;) {
        const r = await cursor.next();
        if (r.done || wanted(r.value, w)) {
          if (!r.done) ctx.loaders = new Loaders(ctx.gateway);
          return r;
        }
      }
    },
    return: () => cursor.return(),
    throw: async (e: unknown) => {
      await cursor.return();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Resolvers of schema/subscriptions.graphql. */
export const subscriptionResolvers: Resolvers = {
  Subscription: {
    ledgerChanged: {
      subscribe: async (_r, args, ctx) => {
        if (!ctx.ledger) throw new AppError('BAD_USER_INPUT', 'subscriptions are served over WebSocket only');
        const w: Wanted = {
          area: args.areaId == null ? null : fromGlobalIdOf(args.areaId, ['AdminUnit'], 'areaId').id,
          kinds: args.kinds == null ? null : new Set(args.kinds),
        };
        const head = await ctx.ledger.position();
        const start = args.since == null ? head : sinceOf(args.since, head);
        return matching(ctx.ledger.cursor(start), w, ctx);
      },
      resolve: (e: LedgerEntry) => e,
    },
  },
  LedgerEvent: {
    position: (e) => String(e.position),
    kind: (e) => ledgerEventKind(e.operation) as LedgerEventKind,
    at: (e) => e.at,
    version: (e) => e.version,
    recordId: (e) =>
      EXPOSED_LABELS.has(e.targetLabel as Label) ? toGlobalId(e.targetLabel as Label, e.targetId) : null,
    node: (e, _a, ctx, info) =>
      EXPOSED_LABELS.has(e.targetLabel as Label)
        ? loadNode(toGlobalId(e.targetLabel as Label, e.targetId), ctx, 'recordId', info)
        : null,
    entry: (e) => e,
  },
};
