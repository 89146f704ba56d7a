import type { Label } from '../../domain/model';
import { GRAPH_RULES } from '../../domain/validation/graph-rules';
import type { Gateway } from '../gateway';

/**
 * Integer properties are stored as Neo4j INTEGER: every write sends a safe integer as one
 * (store/values.ts `toNeo4jParams`), and this data migration converts stores written before that
 * held them as FLOAT (e.g. 257839.0 brochures). Sums and comparisons of INTEGERs are exact in
 * Cypher (64-bit), and a FLOAT never sneaks into an integer field's aggregate.
 */

/** An integer property of a label. */
export interface IntegerProperty {
  label: Label;
  prop: string;
}

/**
 * The integer properties: those the graph rules declare `int` (amountYuan, brochures, year,
 * members, charOffset, targetPersons, transferredYear …), plus the Observation dimension `year`
 * (dimensions are plain properties; the rules do not list them).
 */
export const INTEGER_PROPERTIES: readonly IntegerProperty[] = [
  ...Object.entries(GRAPH_RULES).flatMap(([label, rules]) =>
    Object.entries(rules.props)
      .filter(([, rule]) => rule.type.t === 'int')
      .map(([prop]) => ({ label: label as Label, prop })),
  ),
  { label: 'Observation', prop: 'year' },
];

/** Per property: FLOATs converted, and FLOATs left because they are not whole safe numbers. */
export interface IntegerMigrationReport {
  converted: { label: Label; prop: string; count: number }[];
  /** Values that cannot become an INTEGER without changing them (1.5, 1e300): left, named here. */
  refused: { label: Label; prop: string; count: number }[];
}

/** The largest integer JavaScript (and so the API) represents exactly. */
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Converts FLOAT values of integer properties to INTEGER, `batchSize` nodes per write transaction
 * until none is left. Idempotent: on a converted store it reads one count per property and writes
 * nothing. Labels and property names come from the closed lists above, never from input.
 */
export async function integersFromFloats(gw: Gateway, batchSize = 10_000): Promise<IntegerMigrationReport> {
  const report: IntegerMigrationReport = { converted: [], refused: [] };
  for (const { label, prop } of INTEGER_PROPERTIES) {
    const whole = `n.${prop} IS :: FLOAT NOT NULL AND n.${prop} = floor(n.${prop}) AND abs(n.${prop}) <= ${SAFE}`;
    let count = 0;
    for (;;) {
      const [row] = await gw.write(
        `migrate.integers.${label}.${prop}`,
        `MATCH (n:${label}) WHERE ${whole} WITH n LIMIT $batch SET n.${prop} = toInteger(n.${prop}) RETURN count(n) AS n`,
        { batch: batchSize },
      );
      const n = Number(row?.n ?? 0);
      count += n;
      if (n < batchSize) break;
    }
    if (count > 0) report.converted.push({ label, prop, count });
    const [left] = await gw.read(
      `migrate.integers.${label}.${prop}.left`,
      `MATCH (n:${label}) WHERE n.${prop} IS :: FLOAT NOT NULL RETURN count(n) AS n`,
    );
    if (Number(left?.n ?? 0) > 0) report.refused.push({ label, prop, count: Number(left.n) });
  }
  return report;
}
