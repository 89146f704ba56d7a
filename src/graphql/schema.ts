import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { SCHEMA_DIR } from '../config/paths';
import type { Resolvers } from './__generated__/resolvers-types';
import { maskPersonalFields } from './personal-masks';
import { declarationsOf } from './execution/declarations';
import { withExecution, type ExecutionOptions } from './execution';
import { accessResolvers } from './resolvers/access';
import { analyticsResolvers } from './resolvers/analytics';
import { baseResolvers } from './resolvers/base';
import { ingestResolvers } from './resolvers/ingest';
import { mergeResolvers } from './resolvers/merge-resolvers';
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

/** Every resolver module by name; each resolves the fields of its own schema file. */
export const RESOLVER_MODULES: Readonly<Record<string, Resolvers>> = {
  base: baseResolvers,
  node: nodeResolvers,
  network: networkResolvers,
  records: recordsResolvers,
  search: searchResolvers,
  ...analyticsResolvers,
  mutations: mutationResolvers,
  subscriptions: subscriptionResolvers,
  ingest: ingestResolvers,
  access: accessResolvers,
};

/**
 * The modules' resolvers merged into one map. A field resolved by two modules throws here, naming
 * it: the order of the modules decides nothing.
 */
export function resolvers(modules = RESOLVER_MODULES): Resolvers {
  return mergeResolvers(modules);
}

/**
 * The executable schema, built once and shared by the HTTP endpoint (Apollo Server) and the
 * WebSocket endpoint (graphql-ws), so queries and subscriptions resolve through the same
 * resolvers and the same access rules. The access rules are those the SDL declares at each field
 * (`@personal(mask: …)`), applied to the built schema whatever module resolves the field.
 */
export function executableSchema(
  options: ExecutionOptions = { planCacheSize: 500, planChecks: true },
  modules = RESOLVER_MODULES,
): GraphQLSchema {
  const merged = resolvers(modules);
  const schema = maskPersonalFields(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: merged }));
  // what each resolver declares it needs, read by the planner with the plan cache from the schema
  return withExecution(schema, declarationsOf([merged]), options);
}
