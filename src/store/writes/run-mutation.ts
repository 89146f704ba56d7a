import { createHmac } from 'node:crypto';
import { AppError } from '../../domain/errors';
import { stableJson } from '../../domain/stable-json';
import type { Gateway } from '../gateway';
import type { NodeKey } from '../../domain/node-key';
import { WriteTx, type WriteMeta } from './write-tx';

/** What a mutation returns: the record it wrote, and whether this was a replay of an earlier call. */
export interface MutationOutcome {
  result: NodeKey;
  replayed: boolean;
}

/** Idempotency keys clients may send: 8–128 characters of a URL-safe alphabet (UUIDs fit). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** Checks a client's idempotency key; `argument` names where it came from. */
export function checkIdempotencyKey(key: string, argument: string): void {
  if (!IDEMPOTENCY_KEY.test(key))
    throw new AppError('BAD_USER_INPUT', `${argument} must be 8–128 characters of A–Z a–z 0–9 . _ : -`, {
      argument,
    });
}

export interface MutationRequest {
  /** The operation's name (e.g. createPairing), recorded in the audit log. */
  operation: string;
  /** The client's idempotency key (checked by the caller), or null. */
  idempotencyKey: string | null;
  /** The mutation's input; a key reused with different input is a CONFLICT. */
  input: unknown;
}

/**
 * Runs one mutation in ONE write transaction: its reads, checks, writes and audit entries commit
 * together or not at all. With an idempotency key, the transaction first MERGEs an
 * `(:IdempotencyKey {id})` node (unique constraint, scoped to the caller): the first call creates
 * it and stores its result in the same transaction; a retry — even a concurrent one, which waits
 * on the constraint's lock until the first commits — finds the stored result and returns it
 * without writing. A failed call stores nothing, so its retry runs again.
 */
export async function runMutation(
  gw: Gateway,
  meta: WriteMeta,
  req: MutationRequest,
  work: (w: WriteTx) => Promise<NodeKey>,
): Promise<MutationOutcome> {
  const key = req.idempotencyKey;
  const keyId = key === null ? null : hmac(meta.piiSalt, `${meta.actor.subject}\n${key}`);
  const requestHash = hmac(meta.piiSalt, `${req.operation}\n${stableJson(req.input)}`);
  try {
    return await gw.writeTransaction(`mutation.${req.operation}`, async (run) => {
      if (keyId !== null) {
        const [k] = await run(
          'idempotency.claim',
          'MERGE (k:IdempotencyKey {id: $id}) ' +
            'ON CREATE SET k.operation = $operation, k.requestHash = $hash, k.subject = $subject, k.createdAt = datetime() ' +
            'RETURN k.result AS result, k.requestHash AS requestHash',
          { id: keyId, operation: req.operation, hash: requestHash, subject: meta.actor.subject },
        );
        if (k.result !== null) return replay(k.result, k.requestHash, requestHash);
      }
      const w = new WriteTx(run, meta, req.operation);
      const result = await work(w);
      if (keyId !== null) {
        await run('idempotency.store', 'MATCH (k:IdempotencyKey {id: $id}) SET k.result = $result', {
          id: keyId,
          result: JSON.stringify(result),
        });
      }
      return { result, replayed: false };
    });
  } catch (e) {
    // A constraint race on the key itself: another call with the key committed first. Its result is stored now.
    if (keyId !== null && e instanceof AppError && e.code === 'CONFLICT' && isConstraintError(e.cause)) {
      const [k] = await gw.read(
        'idempotency.reread',
        'MATCH (k:IdempotencyKey {id: $id}) RETURN k.result AS result, k.requestHash AS requestHash',
        { id: keyId },
      );
      if (k && k.result !== null) return replay(k.result, k.requestHash, requestHash);
    }
    throw e;
  }
}

function replay(stored: unknown, storedHash: unknown, requestHash: string): MutationOutcome {
  if (storedHash !== requestHash) {
    throw new AppError(
      'CONFLICT',
      'idempotencyKey was already used for a different request; use a new key for a new change',
      { argument: 'idempotencyKey' },
    );
  }
  return { result: JSON.parse(String(stored)) as NodeKey, replayed: true };
}

const isConstraintError = (e: unknown) =>
  typeof e === 'object' &&
  e !== null &&
  (e as { code?: unknown }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed';

const hmac = (salt: string, text: string) => createHmac('sha256', salt).update(text).digest('hex');

/** Re-exported for import-write.ts, which still imports it from here. */
