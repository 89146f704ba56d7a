import { createClient, type Client } from 'graphql-ws';
import { ENDPOINT, token } from './api';
import { LIVE, type LiveEvent } from './queries';

/** What the live indicator shows: connecting (first attempt), live, or offline (retrying). */
export type LiveState = 'connecting' | 'live' | 'offline';

export interface LiveHandlers {
  /** A pairing was created or ended (anywhere; the page decides whether it shows it). */
  event(e: LiveEvent): void;
  state(s: LiveState): void;
  /**
   * The socket came back before any event gave a position to resume from: what happened while
   * it was down cannot be asked for, so the page reloads what it shows.
   */
  resync(): void;
}

/** The longest wait between reconnection attempts, in ms. */
const MAX_RETRY_MS = 4_000;

/**
 * The explorer's live feed: one `ledgerChanged` subscription for pairing events over graphql-ws,
 * on the same URL as /graphql, with the page's token (if any) in `connection_init`. After a
 * dropped socket graphql-ws reconnects by itself and resends the subscription; its `since` is a
 * getter read when the message is sent, so the resumed stream starts after the last event
 * received — nothing missed, nothing twice. A subscription opens "from now on": a pairing
 * committed between the first view's read and the subscription's start shows at the next event
 * or reload.
 */
export class LiveFeed {
  private since: string | null = null;
  private client: Client | null = null;

  constructor(private readonly on: LiveHandlers) {}

  /** Opens the socket and the subscription (once; later calls do nothing). */
  start(): void {
    if (this.client) return;
    let connected = false;
    this.on.state('connecting');
    const client = createClient({
      url: ENDPOINT.replace(/^http/, 'ws'),
      connectionParams: () => {
        const t = token();
        return t ? { authorization: `Bearer ${t}` } : {};
      },
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) =>
        new Promise((r) => setTimeout(r, Math.min(500 * 2 ** retries, MAX_RETRY_MS) + Math.random() * 300)),
      on: {
        connected: (_socket, _payload, wasRetry) => {
          this.on.state('live');
          if ((wasRetry || connected) && this.since === null) this.on.resync();
          connected = true;
        },
        closed: () => this.on.state('offline'),
      },
    });
    this.client = client;
    const lastPosition = () => this.since;
    client.subscribe<{ ledgerChanged: LiveEvent }>(
      {
        query: LIVE.toString(),
        variables: {
          get since() {
            return lastPosition();
          },
        },
      },
      {
        next: ({ data }) => {
          if (!data) return;
          this.since = data.ledgerChanged.position;
          this.on.event(data.ledgerChanged);
        },
        // The service refused the subscription itself (e.g. a trusted-documents manifest without
        // it): no retry helps, the page stays as it is and says it is offline.
        error: () => this.on.state('offline'),
        complete: () => undefined,
      },
    );
  }

  /** The position of the last event received (null before the first). */
  get position(): string | null {
    return this.since;
  }
}
