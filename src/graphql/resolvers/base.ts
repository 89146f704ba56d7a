import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import type { Resolvers } from '../__generated__/resolvers-types';
import { intScalar } from '../int-scalar';
import { readServerInfo } from '../../store/server-info';

/** Resolvers of schema/base.graphql. */
/**
 * `Date` is graphql-scalars' LocalDate under the conventional name: `YYYY-MM-DD` strings both
 * ways (its `Date` scalar would turn inputs into JavaScript Date objects at UTC midnight).
 */
export const DateScalar = new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' });

/*
 * The descriptions repeat schema/base.graphql's word for word: a scalar object's description
 * replaces the SDL's when the schema is built.
 */

/** Whole numbers ≥ 0 (counts, versions, yuan), the same inline and as variables; see intScalar. */
export const NonNegativeIntScalar = intScalar({
  name: 'NonNegativeInt',
  description:
    'A whole number from 0 to 9007199254740991 (2^53 − 1). Inline and as a variable alike, only an\n' +
    'integer is taken: fractions (1.5), larger numbers (1e21), numeric strings ("7", "1e3") and\n' +
    'booleans are refused with BAD_USER_INPUT, never truncated. -0 is 0.',
  min: 0,
});

/** Whole numbers ≥ 1, the same inline and as variables; see intScalar. */
export const PositiveIntScalar = intScalar({
  name: 'PositiveInt',
  description:
    'A whole number from 1 to 9007199254740991 (2^53 − 1), taken exactly like `NonNegativeInt`:\n' +
    'fractions, larger numbers, numeric strings and booleans are refused, never truncated.',
  min: 1,
});

export const baseResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeResolver,
  NonNegativeInt: NonNegativeIntScalar,
  PositiveInt: PositiveIntScalar,
  Query: {
    serverInfo: (_root, _args, ctx) => readServerInfo(ctx.gateway),
  },
  ServerInfo: {
    version: (_info, _args, ctx) => ctx.service.version,
    embedded: (_info, _args, ctx) => ctx.service.embedded,
  },
};
