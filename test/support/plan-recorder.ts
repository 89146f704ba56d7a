import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { analyticsConfig } from '../../src/config/analytics-config';
import { ANONYMOUS, type Viewer } from '../../src/domain/access-policy';
import type { Context } from '../../src/graphql/context';
import { CursorCodec } from '../../src/graphql/cursors';
import { Loaders } from '../../src/graphql/loaders';
import { AnalyticsEngine } from '../../src/store/analytics/analytics-engine';
import { Gateway, type Row } from '../../src/store/gateway';

/** One statement as the planner sent it: its name, text and parameters. */
export interface PlannedStatement {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * A gateway that runs nothing: it records every statement and answers with no rows (a count
 * with 0), so a document's plan can be read without a database (later waves, which need rows,
 * are not reached).
 */
class RecordingGateway extends Gateway {
  readonly sent: PlannedStatement[] = [];
  constructor(private readonly answer?: (s: PlannedStatement) => Row[] | undefined) {
    super(null as never, 'neo4j');
  }
  override read(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.sent.push({ name, cypher, params });
    const given = this.answer?.({ name, cypher, params });
    return Promise.resolve(given ?? (name.startsWith('count.') ? [{ n: 0 }] : []));
  }
  override write(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.sent.push({ name: `write:${name}`, cypher, params });
    return Promise.resolve([]);
  }
}

/** One codec for every execution, as a service has one per process (plans are kept per codec). */
const CODEC = new CursorCodec('pinned-plan-tests-cursor-secret');

/** The statements one execution of `query` sends (with no rows to read), and its error messages. */
export async function plannedStatements(
  schema: GraphQLSchema,
  query: string | DocumentNode,
  variables: Record<string, unknown> = {},
  o: {
    viewer?: Viewer;
    analytics?: AnalyticsEngine;
    /** Rows to answer a statement with (default: none; a count: 0). */
    answer?: (s: PlannedStatement) => Row[] | undefined;
  } = {},
): Promise<{ statements: PlannedStatement[]; errors: string[]; data: unknown }> {
  const document = typeof query === 'string' ? parse(query) : query;
  const invalid = validate(schema, document);
  if (invalid.length) throw new Error(invalid.map((e) => e.message).join('\n'));
  const gw = new RecordingGateway(o.answer);
  const contextValue: Context = {
    requestId: 'pinned',
    log: { child: () => contextValue.log, debug() {}, info() {}, warn() {}, error() {} } as never,
    gateway: gw,
    loaders: new Loaders(gw),
    cursors: CODEC,
    queryCount: () => gw.sent.length,
    service: { version: 'test', embedded: false },
    analytics: o.analytics ?? new AnalyticsEngine(analyticsConfig()),
    access: { viewer: o.viewer ?? ANONYMOUS, idempotencyKey: null, piiSalt: 'pinned-salt' },
  };
  const result = await execute({ schema, document, variableValues: variables, contextValue });
  return { statements: gw.sent, errors: (result.errors ?? []).map((e) => e.message), data: result.data };
}
