import { LABELS, type Label } from '../../domain/model';
import type { RowIssue } from '../../domain/validation/import-rows';
import { MAX_SHORT_LIST } from '../../domain/validation/entity-rules';
import type { Gateway } from '../gateway';
import { checkedLabel } from './write-tx';

interface Cited {
  /** The first line of the dump that cites for the fact (records arrive in any order), and its field. */
  line: number;
  field: string;
  ids: Set<string>;
}

/**
 * How many citations each fact of a graph dump will have once it is loaded, against
 * MAX_SHORT_LIST: the loader unites a node record's `citations`, those of the node's repeated
 * records, SUPPORTED_BY relationship records and, when the fact is already in the graph, the
 * citations it has there. Holds only the facts the dump cites for (a dump cites for few).
 */
export class CitationTally {
  /** Per label code: a fact's id → what the dump cites for it. */
  private readonly facts: Map<string, Cited>[] = LABELS.map(() => new Map());

  /**
   * `citationIds` cited for the fact (label code, id) on `line`. True when one of them was cited
   * for it already (in this record or another): a link the dump repeats, which the loader folds
   * (dedupe) and the offline importer would write twice.
   */
  add(label: number, id: string, citationIds: readonly string[], line: number, field: string): boolean {
    if (!citationIds.length) return false;
    let f = this.facts[label].get(id);
    if (!f) this.facts[label].set(id, (f = { line, field, ids: new Set() }));
    else if (line < f.line) Object.assign(f, { line, field });
    const before = f.ids.size;
    for (const c of citationIds) f.ids.add(c);
    return f.ids.size - before < citationIds.length;
  }

  /** An issue per fact that would cite more than MAX_SHORT_LIST (`gw` null: there is no graph yet). */
  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    const issues: RowIssue[] = [];
    for (const [code, facts] of this.facts.entries()) {
      if (!facts.size) continue;
      const label = LABELS[code];
      const inGraph = await citedInGraph(gw, label, [...facts.keys()]);
      for (const [id, f] of facts) {
        const had = inGraph.get(id) ?? [];
        const total = new Set([...f.ids, ...had]).size;
        if (total <= MAX_SHORT_LIST) continue;
        const where = had.length
          ? `${f.ids.size} in the file and ${had.length} in the graph, ${total} together`
          : `${total} in the file`;
        issues.push({
          line: f.line,
          field: f.field,
          problem: `${label} ${JSON.stringify(id)} would cite ${where}; a fact cites at most ${MAX_SHORT_LIST} (the most its citations list answers)`,
        });
      }
    }
    return issues;
  }
}

/** The citation ids each of `ids` cites in the graph (none without a graph). */
async function citedInGraph(
  gw: Gateway | null,
  label: Label,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; gw !== null && i < ids.length; i += 5_000) {
    const rows = await gw.read(
      `import.graph.cited.${label}`,
      `UNWIND $ids AS id MATCH (n:${checkedLabel(label)} {id: id})-[:SUPPORTED_BY]->(c:Citation) RETURN n.id AS id, collect(c.id) AS cited`,
      { ids: ids.slice(i, i + 5_000) },
    );
    for (const r of rows) out.set(String(r.id), (r.cited as unknown[]).map(String));
  }
  return out;
}
