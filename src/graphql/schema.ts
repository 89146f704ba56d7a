import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { SCHEMA_DIR } from '../config/paths';
import type { Resolvers } from './__generated__/resolvers-types';
import { personalMasks } from './personal-masks';
import { declarationsOf } from './execution/declarations';
import { withExecution, type ExecutionOptions } from './execution';
import { accessResolvers } from './resolvers/access';
import { analyticsResolvers } from './resolvers/analytics';
import { baseResolvers } from './resolvers/base';
import { ingestResolvers } from './resolvers/ingest';
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
 * Every resolver module, merged per type (each module resolves its own schema file's fields).
 * The masks of personal fields come last, generated from the `@personal` directives: they wrap
 * whatever resolves such a field, so no module decides on its own what a caller may see.
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
    ingestResolvers,
    accessResolvers,
  ];
  return [...maps, personalMasks(maps)];
}

/**
 * The executable schema, built once and shared by the HTTP endpoint (Apollo Server) and the
 * WebSocket endpoint (graphql-ws), so queries and subscriptions resolve through the same
 * resolvers and the same access rules.
 */
export function executableSchema(
  options: ExecutionOptions = { planCacheSize: 500, planChecks: true },
): GraphQLSchema {
  const maps = resolvers();
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: maps });
  // what each resolver declares it needs, read by the planner with the plan cache from the schema
  return withExecution(schema, declarationsOf(maps), options);
}
