import type { GraphQLResolveInfo } from 'graphql';
import { JSONObjectResolver, PhoneNumberResolver } from 'graphql-scalars';
import { visibleProps, type Operation } from '../../domain/access-policy';
import type { EntityLabel } from '../../domain/validation/entity-fields';
import type { NodeRow } from '../../store/reads/reads';
import { addCitation, CITABLE_LABELS } from '../../store/writes/citations';
import { createEntity, updateEntity } from '../../store/writes/entities';
import { countHistory, historyKeyset, readHistoryPage } from '../../store/writes/history';
import { endPairing, createPairing } from '../../store/writes/pairings';
import {
  recordDispute,
  recordProject,
  recordTenure,
  recordVisit,
  resolveDispute,
} from '../../store/writes/activities';
import { readsProps } from '../execution';
import type { Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { toConnection, toPage } from '../connections';
import { fromGlobalIdOf } from '../ids';
import {
  disputeCommand,
  pairingCommand,
  preparedEntity,
  projectCommand,
  tenureCommand,
  visitCommand,
} from '../mutation-inputs';
import { keyOf, mutate, viewerOf, type Written } from '../mutate';

type Args = { input: object; idempotencyKey?: string | null };

/** A create mutation of a ledger entity. */
const create =
  (label: EntityLabel, op: Operation) =>
  (_r: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo): Promise<Written> =>
    mutate(ctx, op, args, info.path.key, (w) =>
      createEntity(w, label, preparedEntity(label, args.input, 'create', ctx)),
    );

/** An update mutation of a ledger entity: `input.id` and `input.expectedVersion` pick what to change. */
const update =
  (label: EntityLabel, op: Operation) =>
  (_r: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo): Promise<Written> => {
    const { id, expectedVersion } = args.input as { id: string; expectedVersion: number };
    return mutate(ctx, op, args, info.path.key, (w) =>
      updateEntity(
        w,
        label,
        keyOf(id, [label], 'input.id'),
        expectedVersion,
        preparedEntity(label, args.input, 'update', ctx),
      ),
    );
  };

/** Names the written row in the payload: `{ household: row, replayed }`. */
const as =
  <F extends string>(field: F) =>
  (w: Written) =>
    ({ [field]: w.row, replayed: w.replayed }) as { [K in F]: NodeRow } & { replayed: boolean };

const version = readsProps(
  (row: NodeRow) => (typeof row.version === 'number' ? row.version : 0),
  ['version'],
);
const versioned = { version };

/** Resolvers of schema/mutations.graphql. */
export const mutationResolvers: Resolvers = {
  JSONObject: JSONObjectResolver,
  PhoneNumber: PhoneNumberResolver,
  Mutation: {
    createAdminUnit: (...a) => create('AdminUnit', 'createAdminUnit')(...a).then(as('adminUnit')),
    updateAdminUnit: (...a) => update('AdminUnit', 'updateAdminUnit')(...a).then(as('adminUnit')),
    createOrganization: (...a) => create('Organization', 'createOrganization')(...a).then(as('organization')),
    updateOrganization: (...a) => update('Organization', 'updateOrganization')(...a).then(as('organization')),
    createPerson: (...a) => create('Person', 'createPerson')(...a).then(as('person')),
    updatePerson: (...a) => update('Person', 'updatePerson')(...a).then(as('person')),
    createEnterprise: (...a) => create('Enterprise', 'createEnterprise')(...a).then(as('enterprise')),
    updateEnterprise: (...a) => update('Enterprise', 'updateEnterprise')(...a).then(as('enterprise')),
    createHousehold: (...a) => create('Household', 'createHousehold')(...a).then(as('household')),
    updateHousehold: (...a) => update('Household', 'updateHousehold')(...a).then(as('household')),
    createProgramme: (...a) => create('Programme', 'createProgramme')(...a).then(as('programme')),
    updateProgramme: (...a) => update('Programme', 'updateProgramme')(...a).then(as('programme')),
    createPairing: (_r, args, ctx, info) =>
      mutate(ctx, 'createPairing', args, info.path.key, (w) =>
        createPairing(w, pairingCommand(args.input)),
      ).then(as('pairing')),
    endPairing: (_r, args, ctx, info) =>
      mutate(ctx, 'endPairing', args, info.path.key, (w) =>
        endPairing(w, { ...args.input, id: keyOf(args.input.id, ['Pairing'], 'input.id') }),
      ).then(as('pairing')),
    recordProject: (_r, args, ctx, info) =>
      mutate(ctx, 'recordProject', args, info.path.key, (w) =>
        recordProject(w, projectCommand(args.input)),
      ).then(as('project')),
    recordVisit: (_r, args, ctx, info) =>
      mutate(ctx, 'recordVisit', args, info.path.key, (w) => recordVisit(w, visitCommand(args.input))).then(
        as('visit'),
      ),
    recordDispute: (_r, args, ctx, info) =>
      mutate(ctx, 'recordDispute', args, info.path.key, (w) =>
        recordDispute(w, disputeCommand(args.input)),
      ).then(as('dispute')),
    resolveDispute: (_r, args, ctx, info) =>
      mutate(ctx, 'resolveDispute', args, info.path.key, (w) =>
        resolveDispute(w, { ...args.input, id: keyOf(args.input.id, ['Dispute'], 'input.id') }),
      ).then(as('dispute')),
    recordTenure: (_r, args, ctx, info) =>
      mutate(ctx, 'recordTenure', args, info.path.key, (w) =>
        recordTenure(w, tenureCommand(args.input)),
      ).then(as('tenure')),
    addCitation: (_r, args, ctx, info) =>
      mutate(ctx, 'addCitation', args, info.path.key, (w) =>
        addCitation(w, {
          fact: fromGlobalIdOf(args.input.factId, CITABLE_LABELS, 'input.factId'),
          sourceKey: keyOf(args.input.sourceId, ['Source'], 'input.sourceId'),
          quote: args.input.quote,
          charOffset: args.input.charOffset ?? null,
        }),
      ).then(as('citation')),
  },
  Query: {
    // Cursors are sealed like every other connection's, bound to this record's history in this
    // order; before/after values go through the access policy below.
    history: async (_r, { id, order, ...args }, ctx) => {
      const target = fromGlobalIdOf(id, CITABLE_LABELS, 'id');
      const direction = order ?? 'OLDEST_FIRST';
      const cursors = ctx.cursors.scope(`history of ${target.label}:${target.id}`, { order: direction });
      const page = toPage(args, cursors);
      const rows = await readHistoryPage(ctx.gateway, target, page, direction);
      return toConnection(rows, page, historyKeyset, () => countHistory(ctx.gateway, target), cursors);
    },
  },
  AuditEntry: {
    key: (a) => a.id,
    role: (a) => a.role as never,
    // Personal fields in before/after follow the caller's role, like the fields themselves.
    before: (a, _args, ctx) =>
      a.before === null ? null : visibleProps(viewerOf(ctx), a.targetLabel, a.before),
    after: (a, _args, ctx) => (a.after === null ? null : visibleProps(viewerOf(ctx), a.targetLabel, a.after)),
  },
  AdminUnit: versioned,
  Organization: versioned,
  Person: versioned,
  Enterprise: versioned,
  Household: versioned,
  Programme: versioned,
  Pairing: versioned,
  Project: versioned,
  Visit: versioned,
  Dispute: versioned,
  Tenure: versioned,
};
