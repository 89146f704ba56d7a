import type { OpenOptions, Store } from '../store/open-store';

/**
 * How a command reaches the graph: opens the configured store for `work` and always closes it
 * (main.ts). `migrate: 'schema'` for a store the offline importer has just built.
 */
export type WithStore = <T>(work: (s: Store) => Promise<T>, o?: Pick<OpenOptions, 'migrate'>) => Promise<T>;
