import type { GraphBatch, NodeRecord, RelRecord } from '../../domain/records';
import type { RawRow, RowIssue } from '../../domain/validation/import-rows';
import type { Gateway } from '../gateway';
import { BULK_PARALLEL, loadBatch } from '../load';
import { restoreDateTimes } from './date-times';
import { AcrossDump, acrossFacts } from './across-dump';
import { checkGraphRecord, labelCode, relTypeCode } from './dump-check';
import { auditImport } from './import-write';
import type { WriteMeta } from './write-tx';

/**
 * Checks the records of a graph dump (`bangfu export --format json`, or JSON Lines of
 * `{"node": …}` / `{"rel": …}`), each on its own (checkGraphRecord), then across the dump:
 * every relationship end and citation exists in the dump or in the graph, every
 * node has the relationships its label requires, no fact would cite more than 500 citations
 * with those it already has, a pairing's projects and visits lie in its validity, and every
 * pairing is a legal one (AcrossDump). `gw` null: there is no graph yet (a new store,
 * which the offline importer will write), so the dump must hold every end itself.
 */
export async function checkGraphRecords(
  gw: Gateway | null,
  rows: readonly RawRow[],
): Promise<{ batch: GraphBatch; issues: RowIssue[] }> {
  const issues: RowIssue[] = [];
  const nodes: NodeRecord[] = [];
  const rels: RelRecord[] = [];
  const check = new AcrossDump();
  for (const { line, values } of rows) {
    const r = checkGraphRecord(values, line, issues);
    if (r === null) continue;
    if ('node' in r) {
      nodes.push(restoreDateTimes(r.node));
      check.node(labelCode(r.node.label), r.node.id, line, acrossFacts(r.node));
    } else {
      rels.push(r.rel);
      const { type, from, to } = r.rel;
      check.rel(relTypeCode(type), labelCode(from.label), from.id, labelCode(to.label), to.id, line);
    }
  }
  issues.push(...(await check.issues(gw)));
  issues.sort((a, b) => a.line - b.line);
  return { batch: { nodes, rels }, issues };
}

/**
 * Loads a checked graph dump with the seed loader and audits the run. Idempotent: the records the
 * graph already holds are MERGEd on label and id; those it does not (looked up first) take the
 * bulk path (CREATE, two transactions in flight), so a dump restored into an empty database loads
 * at seed speed. A node created meanwhile by someone else fails its transaction on the id
 * constraint instead of being duplicated, and a rerun then MERGEs it.
 */
export async function importGraph(
  gw: Gateway,
  meta: WriteMeta,
  batch: GraphBatch,
  o: { onProgress?: (n: number) => void; source?: Record<string, string> } = {},
): Promise<{ nodes: number; rels: number; auditId: string }> {
  const counts = await loadBatch(gw, batch, {
    onProgress: o.onProgress,
    absent: 'lookup',
    parallel: BULK_PARALLEL,
  });
  const auditId = await auditImport(gw, meta, 'Graph', { kind: 'graph', ...counts, ...(o.source ?? {}) });
  return { ...counts, auditId };
}
