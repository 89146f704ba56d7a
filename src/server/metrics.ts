import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueryObserver } from '../store/gateway';
import { OperationLabel } from './operation-label';

export interface MetricsOptions {
  /** Node.js process metrics (default true; tests turn them off). */
  defaultMetrics?: boolean;
  /** Operation names labelled on their own (METRICS_OPERATION_NAMES); null: first-seen, bounded. */
  operationNames?: readonly string[] | null;
  /** How many first-seen operation names are labelled (METRICS_MAX_OPERATION_NAMES). */
  maxOperationNames?: number;
}

/**
 * The service's Prometheus metrics, in a registry of its own (so tests can create several).
 * `bangfu_cypher_queries_total` counts every Cypher statement by access mode: tests and
 * benchmarks read it to prove that nested queries are batched. Every label takes values from a
 * bounded set (`operation` through `operationLabel`, `method` through `methodLabel`, routes
 * through a fixed list), so no request can add series at will.
 */
export class Metrics implements QueryObserver {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'bangfu_http_requests_total',
    help: 'HTTP requests by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'bangfu_http_request_duration_seconds',
    help: 'HTTP request latency by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly operations = new Counter({
    name: 'bangfu_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome (ok, error).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly cypherQueries = new Counter({
    name: 'bangfu_cypher_queries_total',
    help: 'Cypher statements sent to Neo4j, by access mode (read, write) and outcome.',
    labelNames: ['access', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly cypherDuration = new Histogram({
    name: 'bangfu_cypher_query_duration_seconds',
    help: 'Cypher statement latency by access mode.',
    labelNames: ['access'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly unhandledRejections = new Counter({
    name: 'bangfu_unhandled_rejections_total',
    help: 'Promise rejections nothing handled; the service logged each and went on (unhandled-rejections.ts).',
    registers: [this.registry],
  });

  /** The bounded `operation` label of an operation name. */
  readonly operationLabel: OperationLabel;

  constructor(options: MetricsOptions = {}) {
    this.operationLabel = new OperationLabel(
      options.operationNames ?? null,
      options.maxOperationNames ?? 100,
    );
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'bangfu_' });
  }

  /** Exposes a plan cache's hits, misses and size (read at each scrape; a later cache replaces an earlier one). */
  observePlanCache(cache: { readonly hits: number; readonly misses: number; readonly size: number }): void {
    const gauge = (name: string, help: string, read: () => number) => {
      this.registry.removeSingleMetric(name);
      return new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    };
    gauge('bangfu_plan_cache_hits', 'Requests whose document plan was cached.', () => cache.hits);
    gauge('bangfu_plan_cache_misses', 'Requests that planned their document.', () => cache.misses);
    gauge('bangfu_plan_cache_size', 'Document plans held (PLAN_CACHE_SIZE at most).', () => cache.size);
  }

  /** How operations were executed (src/graphql/execution/direct-executor.ts), read at each scrape. */
  observeExecutor(counts: Readonly<Record<'direct' | 'unplanned', number>>): void {
    const name = 'bangfu_executions';
    this.registry.removeSingleMetric(name);
    new Gauge({
      name,
      help: 'Operations executed, by path: direct (a query walked by its plan), unplanned (by graphql-js: mutations, introspection, variables that do not coerce).',
      labelNames: ['path'],
      registers: [this.registry],
      collect() {
        for (const path of ['direct', 'unplanned'] as const) this.set({ path }, counts[path]);
      },
    });
  }

  onQuery(e: { access: 'read' | 'write'; ms: number; ok: boolean }): void {
    this.cypherQueries.inc({ access: e.access, outcome: e.ok ? 'ok' : 'error' });
    this.cypherDuration.observe({ access: e.access }, e.ms / 1000);
  }
}
