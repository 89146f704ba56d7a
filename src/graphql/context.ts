import type { Logger } from 'pino';
import type { Viewer } from '../domain/access-policy';
import type { Gateway } from '../store/gateway';
import type { CursorCodec } from './cursors';
import type { LedgerFeed } from '../store/ledger/ledger-feed';
import type { Loaders } from './loaders';
import type { AnalyticsEngine } from '../store/analytics/analytics-engine';

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
  /** Seals and checks page cursors (one codec per process, keyed by the cursor secret). */
  cursors: CursorCodec;
  /** Cypher statements sent so far for this request. */
  queryCount: () => number;
  service: ServiceInfo;
  /** Network measures' worker pool and result cache (one per process). */
  analytics: AnalyticsEngine;
  /** Who is asking and what writes need; absent only outside HTTP and WebSocket (then: anonymous). */
  access?: RequestAccess;
  /** The committed audit log as a stream; present on WebSocket connections (subscriptions). */
  ledger?: LedgerFeed;
}

/** The verified caller of one request and the settings its writes need. */
export interface RequestAccess {
  /** The caller: a verified token's subject and role, or anonymous. */
  viewer: Viewer;
  /** The request's `Idempotency-Key` header; a mutation's `idempotencyKey` argument wins over it. */
  idempotencyKey: string | null;
  /** Salt of the stored ID-number hashes. */
  piiSalt: string;
}
