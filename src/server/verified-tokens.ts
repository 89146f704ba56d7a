import type { JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';

/** Most verified tokens remembered, and the most characters they may hold together. */
export const VERIFIED_TOKENS_MAX = 10_000;
const VERIFIED_TOKENS_MAX_CHARS = 8 * 1024 * 1024;

/**
 * How long a verification against an identity provider's JWKS is reused: a key the provider
 * withdraws is honoured at most this much longer than jose's own JWKS cache would honour it.
 * An HS256 secret cannot change while the process runs, so those verifications last until `exp`.
 */
export const JWKS_REVERIFY_AFTER_S = 60;

interface Entry {
  payload: JWTPayload;
  /** Seconds since the epoch after which the token is verified again, whatever its `exp`. */
  reverifyAt: number;
}

/**
 * Payloads of tokens whose signature and claims were verified, keyed by the whole compact token
 * (header, payload AND signature), so a token that differs in any character — another signature
 * on the same claims included — is never a hit. Only successes are remembered: a refused token
 * is checked in full each time. A hit is not an answer by itself: the caller re-checks the
 * time-dependent claims (`exp`, `nbf`, lifetime) against its clock on every request, so a
 * remembered token stops working at its expiry exactly as an unremembered one. Bounded in
 * entries and characters (least recently used go first).
 *
 * Measured (bench/middleware-cost.ts): HS256 verification with jose costs tens of µs per request;
 * a hit costs a map lookup.
 */
export class VerifiedTokens {
  private readonly cache = new LRUCache<string, Entry>({
    max: VERIFIED_TOKENS_MAX,
    maxSize: VERIFIED_TOKENS_MAX_CHARS,
    sizeCalculation: (_entry, token) => token.length + 256,
  });

  constructor(private readonly reuseForS: number = Infinity) {}

  /** The payload remembered for `token`, unless it must be verified again at `now` (seconds). */
  get(token: string, now: number): JWTPayload | undefined {
    const e = this.cache.get(token);
    if (e === undefined) return undefined;
    if (now >= e.reverifyAt) {
      this.cache.delete(token);
      return undefined;
    }
    return e.payload;
  }

  /** Remembers a verified token's payload, verified at `now` (seconds). */
  set(token: string, payload: JWTPayload, now: number): void {
    this.cache.set(token, { payload, reverifyAt: now + this.reuseForS });
  }

  get size(): number {
    return this.cache.size;
  }
}
