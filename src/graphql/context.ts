import type { Logger } from 'pino';
import type { Gateway } from '../store/gateway';
import type { Loaders } from './loaders';

/** What the service tells resolvers about itself. */
export interface ServiceInfo {
  version: string;
  embedded: boolean;
}

/**
 * Per-request context. Built fresh for every operation (see createContext in the server layer);
 * nothing in it is shared across requests except the driver behind `gateway`.
 */
export interface Context {
  requestId: string;
  log: Logger;
  /** The store gateway, counting this request's Cypher statements. */
  gateway: Gateway;
  /** This request's DataLoaders. */
  loaders: Loaders;
  /** Cypher statements sent so far for this request. */
  queryCount: () => number;
  service: ServiceInfo;
}
