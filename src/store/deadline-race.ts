import neo4j, { type Driver } from 'neo4j-driver';
import { AppError } from '../domain/errors';

/** The transaction metadata key that tags a read under a deadline. */
export const DEADLINE_TAG = 'bangfuDeadlineTag';
/** How often, and how far apart, a late transaction is looked for before giving up. */
const TERMINATE_ATTEMPTS = 5;
const TERMINATE_RETRY_MS = 200;

export const timedOut = () =>
  new AppError('TIMEOUT', "the query did not finish within the request's time limit");

/**
 * `work`'s answer if it comes before `deadline`, else TIMEOUT at the deadline — without waiting
 * for Neo4j. Neo4j's own transaction timeout does not hold there: it is checked only while a
 * statement executes, about once a second, and not at all while Cypher is planned (planning a
 * 150-branch OR took over 10 s). The late transaction, tagged with `tag` in its metadata, is
 * then terminated from another connection (`terminate`, see terminateTagged), which ends its
 * statement and returns its connection to the pool; the request never touches that connection
 * again, so no reset can race a later statement on it (which ruled out the driver's AbortSignal).
 */
export async function beforeDeadline<T>(
  work: Promise<T>,
  deadline: number,
  terminate: (settled: () => boolean) => Promise<void>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        late = true;
        reject(timedOut());
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
    if (late) {
      let settled = false;
      work.then(
        () => (settled = true),
        () => (settled = true),
      );
      void terminate(() => settled);
    }
  }
}

/**
 * Terminates the transaction tagged `tag`, retrying briefly while it has not yet reached the
 * server (its statement may still be waiting for a pooled connection). Best effort: Neo4j's
 * transaction timeout remains the backstop. Resolves to whether it did its part (found and
 * terminated the transaction, or saw it end), never rejects.
 */
export async function terminateTagged(
  driver: Driver,
  database: string,
  tag: string,
  settled: () => boolean,
): Promise<boolean> {
  try {
    for (let attempt = 0; attempt < TERMINATE_ATTEMPTS && !settled(); attempt++) {
      const shown = await driver.executeQuery(
        `SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.${DEADLINE_TAG} = $tag RETURN transactionId`,
        { tag },
        { database, routing: neo4j.routing.READ },
      );
      const ids = shown.records.map((r) => r.get('transactionId') as string);
      if (ids.length) {
        await driver.executeQuery(
          'TERMINATE TRANSACTIONS $ids YIELD transactionId RETURN transactionId',
          { ids },
          { database, routing: neo4j.routing.READ },
        );
        return true;
      }
      await new Promise((r) => setTimeout(r, TERMINATE_RETRY_MS));
    }
    return true;
  } catch {
    // the statement may have ended meanwhile, or the user may not see transactions: the
    // transaction timeout still ends it
    return false;
  }
}
