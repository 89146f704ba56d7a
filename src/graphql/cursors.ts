import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { badInput } from '../domain/errors';
import type { Keyset } from '../domain/page';
import { stableJson } from '../domain/stable-json';

/**
 * Page cursors are sealed: a keyset position (sort value + key) encrypted and authenticated with a
 * server secret, bound to the list that issued it. A client can neither read a sort value out of a
 * cursor (a household's name, when a list is ordered by name) nor forge or alter one to probe the
 * order, and a cursor of one list (another connection, parent, order or filter) is refused instead
 * of silently paging from a position that means something else.
 *
 * AES-256-GCM with a synthetic IV (an HMAC of the list and the position): the same position in the
 * same list always gives the same cursor, so equal answers stay byte-equal (caches, tests), and an
 * IV repeats only for an identical message, which GCM tolerates. The list's identity is the
 * additional authenticated data: never sent, only checked.
 */

/** Encodes and checks the cursors of one list (a connection with its defining arguments). */
export interface CursorScope {
  encode(position: Keyset): string;
  /** The position a cursor of this list holds; BAD_USER_INPUT naming `argument` otherwise. */
  decode(cursor: string, argument: string): Keyset;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals cursors with keys derived from one secret (CURSOR_SECRET). Built once per process. */
export class CursorCodec {
  private readonly encKey: Buffer;
  private readonly ivKey: Buffer;

  constructor(secret: string) {
    const keys = Buffer.from(hkdfSync('sha256', secret, 'bangfu-graph', 'page cursors v1', 64));
    this.encKey = keys.subarray(0, 32);
    this.ivKey = keys.subarray(32);
  }

  /**
   * The cursors of the list `connection` (e.g. `Query.households`, or a relationship of one
   * parent) under `args`: every argument but the paging ones defines the list, so a cursor from
   * another order or filter does not decode.
   */
  scope(connection: string, args: object = {}): CursorScope {
    // the list's identity is built on first use: most pages are answered without a cursor
    let aad: Buffer | undefined;
    const listId = () => {
      const { first: _f, last: _l, after: _a, before: _b, ...defining } = args as Record<string, unknown>;
      return (aad ??= Buffer.from(`${connection}\n${stableJson(defining)}`, 'utf8'));
    };
    return {
      encode: (position) => this.seal(listId(), position),
      decode: (cursor, argument) => {
        const position = this.open(listId(), cursor);
        if (position === null) {
          throw badInput(
            `${argument} is not a cursor of this list: it was altered, or issued by another list, order or filter`,
            { argument },
          );
        }
        return position;
      },
    };
  }

  private seal(aad: Buffer, position: Keyset): string {
    const plain = Buffer.from(JSON.stringify(position), 'utf8');
    const iv = createHmac('sha256', this.ivKey)
      .update(aad)
      .update('\n')
      .update(plain)
      .digest()
      .subarray(0, IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv).setAAD(aad);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  private open(aad: Buffer, cursor: string): Keyset | null {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length < 1 + IV_BYTES + TAG_BYTES + 1 || raw[0] !== VERSION) return null;
    const iv = raw.subarray(1, 1 + IV_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encKey, iv).setAAD(aad).setAuthTag(tag);
      const plain = Buffer.concat([
        decipher.update(raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]);
      const k: unknown = JSON.parse(plain.toString('utf8'));
      return isKeyset(k) ? k : null;
    } catch {
      return null; // a wrong tag: altered, or sealed for another list or with another secret
    }
  }
}

const isKeyset = (k: unknown): k is Keyset =>
  Array.isArray(k) &&
  k.length === 2 &&
  typeof k[1] === 'string' &&
  (k[0] === null || typeof k[0] === 'string' || typeof k[0] === 'number');

/**
 * The cursors of one parent's nested list (`rel` of the parent) under a filter and order: a
 * cursor of one parent's list does not decode as another's. The field's resolver and the planner
 * (which fetches a cursored page ahead when it knows the parent) scope alike.
 */
export const relationCursors = (
  codec: CursorCodec,
  rel: string,
  parent: { label: string; id: string },
  filter: unknown,
  order: string,
): CursorScope => codec.scope(`${rel} of ${parent.label}:${parent.id}`, { filter, order });

/**
 * The scope of a page asked without a cursor, for planners that leave cursored pages to the
 * resolver of their list (a cursor belongs to one parent's list).
 */
export const NO_CURSORS: CursorScope = {
  encode: () => {
    throw new Error('NO_CURSORS issues no cursors');
  },
  decode: (_cursor, argument) => {
    throw badInput(`${argument} is not a cursor of this list`, { argument });
  },
};
