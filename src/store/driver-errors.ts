import { Neo4jError } from 'neo4j-driver';
import { AppError } from '../domain/errors';

/** Driver failures → coded errors; the original stays as `cause` for the logs only. */
export function mapError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  if (e instanceof Neo4jError) {
    const code = e.code ?? '';
    if (
      code === 'ServiceUnavailable' ||
      code === 'SessionExpired' ||
      code.startsWith('Neo.TransientError.General.DatabaseUnavailable')
    ) {
      return new AppError(
        'SERVICE_UNAVAILABLE',
        'the graph database is unavailable; retry later',
        {},
        { cause: e },
      );
    }
    if (
      code.includes('TransactionTimedOut') ||
      code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
    ) {
      return new AppError('TIMEOUT', 'the query took longer than its time limit', {}, { cause: e });
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError('CONFLICT', 'the change conflicts with a stored record', {}, { cause: e });
    }
    if (/acquisition timed out|Failed to connect|Connection was closed|ECONNREFUSED/i.test(e.message)) {
      return new AppError(
        'SERVICE_UNAVAILABLE',
        'the graph database is unavailable; retry later',
        {},
        { cause: e },
      );
    }
  }
  return e;
}
