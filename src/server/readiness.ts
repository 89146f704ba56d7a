import type { DatabaseBreaker } from './plugins/use-circuit-breaker';

/**
 * The answer of `/readyz`, from the same state the circuit breaker admits GraphQL operations by:
 * the readiness probe's outcome is recorded in the breaker (a database that answers closes it,
 * one that does not opens it), and the service is ready exactly when the breaker is closed. So
 * /readyz never says 200 while operations are still refused with 503, nor 503 while they pass.
 */
export async function readiness(
  breaker: DatabaseBreaker,
  databaseAnswers: () => Promise<boolean>,
): Promise<boolean> {
  breaker.record('pass', (await databaseAnswers()) ? 'reached' : 'unavailable');
  return !breaker.isOpen;
}
