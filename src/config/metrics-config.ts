import { z } from 'zod';
import { integer, secret } from './env-schemas';

/**
 * Who may read /metrics and how many series it may hold. Read by `loadConfig` with the rest of
 * the configuration; documented in docs/security.md ("Metrics") and `.env.example`.
 */
export interface MetricsConfig {
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (METRICS_TOKEN); else it is open. */
  readonly token: string | null;
  /**
   * Operation names that get their own `operation` label (METRICS_OPERATION_NAMES); null: the
   * first `maxOperationNames` distinct names seen. Any other name is counted as `other`.
   */
  readonly operationNames: readonly string[] | null;
  /** How many distinct first-seen operation names are labelled (METRICS_MAX_OPERATION_NAMES). */
  readonly maxOperationNames: number;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The environment variables of this module, merged into the schema of `loadConfig`. */
export const METRICS_ENV = {
  METRICS_TOKEN: secret(z.string().min(16, 'expected a secret of at least 16 characters')).optional(),
  METRICS_OPERATION_NAMES: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    )
    .refine(
      (names) => names.every((n) => GRAPHQL_NAME.test(n)),
      'expected a comma-separated list of GraphQL operation names such as VillagePage,PairingGraph',
    )
    .optional(),
  // 0: every operation is counted as `other`.
  METRICS_MAX_OPERATION_NAMES: integer(0).default(100),
};

type MetricsEnv = z.output<ReturnType<typeof z.object<typeof METRICS_ENV>>>;

export function metricsConfig(e: MetricsEnv): MetricsConfig {
  return Object.freeze({
    token: e.METRICS_TOKEN ?? null,
    operationNames: e.METRICS_OPERATION_NAMES ? Object.freeze([...e.METRICS_OPERATION_NAMES]) : null,
    maxOperationNames: e.METRICS_MAX_OPERATION_NAMES,
  });
}

/** The defaults, for services built without a loaded Config (tests). */
export function defaultMetricsConfig(): MetricsConfig {
  return metricsConfig(z.object(METRICS_ENV).parse({}));
}
