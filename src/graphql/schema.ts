import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { SCHEMA_DIR } from '../config/paths';
import type { Resolvers } from './__generated__/resolvers-types';
import { indexPrefetches } from './prefetch';
import { accessResolvers } from './resolvers/access';
import { analyticsResolvers } from './resolvers/analytics';
import { baseResolvers } from './resolvers/base';
import { mutationResolvers } from './resolvers/mutations';
import { networkResolvers } from './resolvers/network';
import { nodeResolvers } from './resolvers/node';
import { recordsResolvers } from './resolvers/records';
import { searchResolvers } from './resolvers/search';
import { subscriptionResolvers } from './resolvers/subscriptions';

/** The SDL files of schema/, base.graphql first (it declares Query and the scalars). */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/**
 * Every resolver module, merged per type (a later module's field resolver replaces an earlier
 * one's). accessResolvers comes LAST: it resolves personal fields through the access policy.
 */
export function resolvers(): Resolvers[] {
  const maps = [
    baseResolvers,
    nodeResolvers,
    networkResolvers,
    recordsResolvers,
    searchResolvers,
    analyticsResolvers,
    mutationResolvers,
    subscriptionResolvers,
    accessResolvers,
  ];
  indexPrefetches(maps);
  return maps;
}

/**
 * The executable schema, built once and shared by the HTTP endpoint (Apollo Server) and the
 * WebSocket endpoint (graphql-ws), so queries and subscriptions resolve through the same
 * resolvers and the same access rules.
 */
export function executableSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers() });
}
