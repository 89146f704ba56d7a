import type { FormattedExecutionResult } from 'graphql';

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One subscription's results as they arrive, and how the operation or the socket ended. */
export interface Subscription<T> {
  /** The next result, or a rejection after `ms`. */
  next(ms?: number): Promise<ExecutionResult<T>>;
  /** Results received and not yet taken by `next`. */
  pending(): ExecutionResult<T>[];
  /** Resolves with the errors the server refused this operation with (or what closed the socket). */
  failed: Promise<unknown>;
  stop(): void;
}

export interface Subscriber {
  client: Client;
  subscribe<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Subscription<T>;
  /** Resolves with the close event's code and reason once the socket closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves when the server acknowledged connection_init. */
  connected: Promise<void>;
  dispose(): Promise<void>;
}

/** A graphql-ws client of `httpUrl`'s /graphql, authenticated by `token` in connection_init. */
export function connect(httpUrl: string, token?: string): Subscriber {
  let onClosed!: (e: { code: number; reason: string }) => void;
  let onConnected!: () => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
  const connected = new Promise<void>((r) => (onConnected = r));
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected(),
      closed: (e) => {
        const ev = e as { code: number; reason: string };
        onClosed({ code: ev.code, reason: String(ev.reason) });
      },
    },
  });
  return {
    client,
    closed,
    connected,
    subscribe<T>(query: string, variables?: Record<string, unknown>): Subscription<T> {
      const buffered: ExecutionResult<T>[] = [];
      const waiting: ((r: ExecutionResult<T>) => void)[] = [];
      let fail!: (e: unknown) => void;
      const failed = new Promise<unknown>((r) => (fail = r));
      const stop = client.subscribe<T>(
        { query, variables },
        {
          next: (r) => {
            // graphql-js reports a subscribe resolver's error as one result without data.
            if (r.errors && r.data == null) fail(r.errors);
            const w = waiting.shift();
            if (w) w(r);
            else buffered.push(r);
          },
          error: (e) => fail(e),
          complete: () => undefined,
        },
      );
      return {
        failed,
        stop,
        pending: () => [...buffered],
        next: (ms = 10_000) => {
          const r = buffered.shift();
          if (r) return Promise.resolve(r);
          return new Promise((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`no subscription result within ${ms} ms`)), ms);
            waiting.push((x) => {
              clearTimeout(t);
              resolve(x);
            });
          });
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
