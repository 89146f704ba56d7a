import { can, idNumberDisplay, OPERATIONS } from '../../domain/access-policy';
import type { NodeRow } from '../../store/reads/reads';
import type { Resolvers } from '../__generated__/resolvers-types';
import { viewerOf } from '../mutate';
import { readsProps } from '../execution';

/**
 * Resolvers of schema/access.graphql. The masks of personal fields are not here: each field
 * declares its own in the SDL (`@personal(mask: …)`), and personal-masks.ts applies it to the
 * built schema whichever module resolves the field (Household.idNumber below included).
 */
export const accessResolvers: Resolvers = {
  Query: {
    viewer: (_r, _a, ctx) => viewerOf(ctx),
  },
  Viewer: {
    role: (v) => v.role,
    seesPersonalData: (v) => can(v, 'readPersonal'),
    operations: (v) => OPERATIONS.filter((op) => can(v, op)),
  },
  Household: {
    idNumber: readsProps((row: NodeRow) => idNumberDisplay(row.idNumberLast4), ['idNumberLast4']),
  },
};
