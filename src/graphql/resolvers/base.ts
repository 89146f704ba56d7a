import { GraphQLScalarType } from 'graphql';
import {
  DateTimeResolver,
  LocalDateResolver,
  NonNegativeIntResolver,
  PositiveIntResolver,
} from 'graphql-scalars';
import type { Resolvers } from '../__generated__/resolvers-types';
import { readServerInfo } from '../../store/server-info';

/** Resolvers of schema/base.graphql. */
/**
 * `Date` is graphql-scalars' LocalDate under the conventional name: `YYYY-MM-DD` strings both
 * ways (its `Date` scalar would turn inputs into JavaScript Date objects at UTC midnight).
 */
export const DateScalar = new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' });

export const baseResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeResolver,
  NonNegativeInt: NonNegativeIntResolver,
  PositiveInt: PositiveIntResolver,
  Query: {
    serverInfo: (_root, _args, ctx) => readServerInfo(ctx.gateway),
  },
  ServerInfo: {
    version: (_info, _args, ctx) => ctx.service.version,
    embedded: (_info, _args, ctx) => ctx.service.embedded,
  },
};
