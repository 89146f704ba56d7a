import type { Gateway } from '../gateway';
import { ledgerAfter, ledgerHead, type LedgerEntry } from './ledger.store';

export interface LedgerFeedOptions {
  /** How often the log is read while anyone listens: the delivery delay (LEDGER_POLL_MS). */
  pollMs: number;
  /** Entries per read (default 500). */
  batch?: number;
  /** Recent entries kept in memory for subscribers that are slightly behind (default 5,000). */
  keep?: number;
  /** Told about failed reads; the feed retries at the next tick. */
  onError?: (e: unknown) => void;
}

/**
 * The committed audit log as a stream, shared by all subscriptions of one service instance.
 *
 * The log is the source of truth: any instance's writes reach every instance's subscribers,
 * because each instance reads the same log (one read per tick while anyone listens, whatever the
 * number of subscribers). A cursor starts at any position and yields every later entry once, in
 * position order: from memory when the entries are still there, else from the log itself, so a
 * client that reconnects with its last position — to this instance or another, after a restart —
 * misses nothing and sees nothing twice. Positions commit without gaps (writes/ledger-position.ts),
 * so "everything after p" is well defined at any moment.
 */
export class LedgerFeed {
  private readonly batch: number;
  private readonly keep: number;
  /** Entries at consecutive positions, the last one at `head`. */
  private recent: LedgerEntry[] = [];
  private head: number | null = null;
  private listeners = 0;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private wake = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly gw: Gateway,
    private readonly o: LedgerFeedOptions,
  ) {
    this.batch = o.batch ?? 500;
    this.keep = o.keep ?? 5_000;
  }

  /** The last committed position, read from the log now. */
  position(): Promise<number> {
    return ledgerHead(this.gw);
  }

  /** Every entry after `after`, in order, until the cursor is returned or the feed closes. */
  cursor(
    after: number,
  ): AsyncIterableIterator<LedgerEntry> & { return(): Promise<IteratorResult<LedgerEntry>> } {
    let pos = after;
    let queue: LedgerEntry[] = [];
    let done = this.closed;
    let release: (() => void) | null = this.listen();
    const finish = (): IteratorResult<LedgerEntry> => {
      done = true;
      release?.();
      release = null;
      this.nudge();
      return { done: true, value: undefined };
    };
    const next = async (): Promise<IteratorResult<LedgerEntry>> => {
      while (!done) {
        const e = queue.shift();
        if (e) {
          pos = e.position;
          return { done: false, value: e };
        }
        queue = await this.after(pos);
        if (!queue.length && !done) await this.nextTick();
        if (this.closed) return finish();
      }
      return finish();
    };
    return {
      next,
      return: () => Promise.resolve(finish()),
      throw: (e: unknown) => {
        finish();
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Stops reading the log and ends every cursor. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.nudge();
  }

  /** Entries after `pos` that are ready: from memory when it covers them, else from the log. */
  private async after(pos: number): Promise<LedgerEntry[]> {
    if (this.head !== null && pos >= this.head) return [];
    const first = this.recent[0]?.position;
    if (first !== undefined && pos + 1 >= first)
      return this.recent.slice(pos + 1 - first, pos + 1 - first + this.batch);
    if (this.head === null) return [];
    return ledgerAfter(this.gw, pos, Math.min(this.batch, this.head - pos));
  }

  private listen(): () => void {
    this.listeners++;
    if (this.listeners === 1 && !this.closed) {
      this.timer = setInterval(() => void this.tick(), this.o.pollMs);
      this.timer.unref();
      void this.tick();
    }
    return () => {
      this.listeners--;
      if (this.listeners === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
        // Nobody listens: what is in memory goes stale; the next listener starts from the log.
        this.recent = [];
        this.head = null;
      }
    };
  }

  /** One read of the log (never two at once); wakes every waiting cursor afterwards. */
  private tick(): Promise<void> {
    this.ticking ??= this.read()
      .catch((e: unknown) => this.o.onError?.(e))
      .finally(() => {
        this.ticking = null;
        this.nudge();
      });
    return this.ticking;
  }

  private async read(): Promise<void> {
    if (this.head === null) {
      this.head = await ledgerHead(this.gw);
      return;
    }
    for (;;) {
      const got = await ledgerAfter(this.gw, this.head, this.batch);
      if (this.head === null || this.closed) return; // everyone left meanwhile
      for (const e of got) {
        // Positions commit without gaps; a gap would mean a broken log, worth an alert, not a stall.
        if (e.position !== this.head + 1)
          this.o.onError?.(new Error(`ledger position ${e.position} follows ${this.head}: a gap in the log`));
        this.recent.push(e);
        this.head = e.position;
      }
      if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
      if (got.length < this.batch) return;
    }
  }

  private nextTick(): Promise<void> {
    return new Promise((resolve) => this.wake.add(resolve));
  }

  private nudge(): void {
    const waiting = [...this.wake];
    this.wake.clear();
    for (const w of waiting) w();
  }
}
