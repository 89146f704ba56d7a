import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_DIR } from '../config/paths';
import type { Resolvers } from './__generated__/resolvers-types';
import { indexPrefetches } from './prefetch';
import { accessResolvers } from './resolvers/access';
import { analyticsResolvers } from './resolvers/analytics';
import { baseResolvers } from './resolvers/base';
import { ingestResolvers } from './resolvers/ingest';
import { mutationResolvers } from './resolvers/mutations';
import { networkResolvers } from './resolvers/network';
import { nodeResolvers } from './resolvers/node';
import { recordsResolvers } from './resolvers/records';
import { searchResolvers } from './resolvers/search';

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
    ingestResolvers,
    accessResolvers,
  ];
  indexPrefetches(maps);
  return maps;
}
