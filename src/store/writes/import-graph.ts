import neo4j from 'neo4j-driver';
import { LABELS, PROVENANCES, REL_TYPES, type Label, type RelType } from '../../domain/model';
import type { GraphBatch, NodeRecord, PropValue, RelRecord } from '../../domain/records';
import { checkGraphProps, GRAPH_RULES, type RelRule } from '../../domain/validation/graph-rules';
import type { RawRow, RowIssue } from '../../domain/validation/import-rows';
import { Issues } from '../../domain/validation/issues';
import type { Gateway } from '../gateway';
import { BULK_PARALLEL, loadBatch } from '../load';
import { auditImport } from './import-write';
import { checkedLabel, checkedRelType, type WriteMeta } from './write-tx';

/** Operational labels: never exported, never imported (each database keeps its own). */
export const OPERATIONAL_LABELS: ReadonlySet<string> = new Set([
  'AuditEntry',
  'IdempotencyKey',
  'AuditSequence',
]);
const GRAPH_LABELS: ReadonlySet<string> = new Set(LABELS.filter((l) => !OPERATIONAL_LABELS.has(l)));
const REL_SET: ReadonlySet<string> = new Set(REL_TYPES);
/** Date-time properties written by the service; restored as DateTime values. */
const DATETIME_KEYS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt']);

const isPropValue = (v: unknown): v is PropValue =>
  v === null ||
  ['string', 'number', 'boolean'].includes(typeof v) ||
  (Array.isArray(v) && (v.every((x) => typeof x === 'string') || v.every((x) => typeof x === 'number')));

const isRef = (v: unknown): v is { label: Label; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  GRAPH_LABELS.has(String((v as { label?: unknown }).label)) &&
  typeof (v as { id?: unknown }).id === 'string';

/**
 * Checks the records of a graph dump (`bangfu export --format json`, or JSON Lines of
 * `{"node": …}` / `{"rel": …}`): labels and relationship types from the closed lists,
 * provenance, property values Neo4j can store; then that every relationship end and citation
 * exists in the dump or in the graph. `gw` null: there is no graph yet (a new store, which the
 * offline importer will write), so the dump must hold every end itself.
 */
export async function checkGraphRecords(
  gw: Gateway | null,
  rows: readonly RawRow[],
): Promise<{ batch: GraphBatch; issues: RowIssue[] }> {
  const issues: RowIssue[] = [];
  const nodes: NodeRecord[] = [];
  const rels: { line: number; rel: RelRecord }[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, values } of rows) {
    const bad = (field: string, problem: string) => issues.push({ line, field, problem });
    if (values.node !== undefined) {
      const n = values.node as Partial<NodeRecord>;
      if (!GRAPH_LABELS.has(String(n.label)))
        bad('node.label', `must be one of the graph's labels, got ${JSON.stringify(n.label)}`);
      else if (typeof n.id !== 'string' || n.id === '') bad('node.id', 'must be a non-empty string');
      else if (!(PROVENANCES as readonly string[]).includes(String(n.provenance)))
        bad('node.provenance', `must be one of ${PROVENANCES.join(', ')}`);
      else if (typeof n.props !== 'object' || n.props === null || !Object.values(n.props).every(isPropValue))
        bad('node.props', 'must be an object of strings, numbers, booleans or lists of them');
      else {
        // The label's rules: required properties, types, enums and the mutations' text rules.
        const is = new Issues('node');
        const props = checkGraphProps(is, n.label as Label, n.props) as Record<string, PropValue>;
        for (const i of is.list) issues.push({ line, ...i });
        if (is.ok) {
          nodes.push({
            label: n.label as Label,
            id: n.id,
            provenance: n.provenance!,
            props: restoreDateTimes(props),
            ...(Array.isArray(n.citations) ? { citations: n.citations.map(String) } : {}),
          });
          lineOf.set(`${n.label}:${n.id}`, line);
        }
      }
    } else if (values.rel !== undefined) {
      const r = values.rel as Partial<RelRecord>;
      if (!REL_SET.has(String(r.type)))
        bad('rel.type', `must be one of the relationship types, got ${JSON.stringify(r.type)}`);
      else if (!isRef(r.from)) bad('rel.from', 'must be {label, id} of a node');
      else if (!isRef(r.to)) bad('rel.to', 'must be {label, id} of a node');
      else if (wrongEnd(r.type as RelType, r.from.label, r.to.label))
        bad('rel', wrongEnd(r.type as RelType, r.from.label, r.to.label)!);
      else
        rels.push({
          line,
          rel: { type: r.type!, from: r.from, to: r.to, ...(r.props ? { props: r.props } : {}) },
        });
    } else bad('record', 'must hold a "node" or a "rel"');
  }
  const known = new Set(nodes.map((n) => `${n.label}:${n.id}`));
  const wanted = new Map<string, { label: Label; id: string }>();
  for (const { rel } of rels)
    for (const end of [rel.from, rel.to])
      if (!known.has(`${end.label}:${end.id}`)) wanted.set(`${end.label}:${end.id}`, end);
  for (const n of nodes)
    for (const c of n.citations ?? [])
      if (!known.has(`Citation:${c}`)) wanted.set(`Citation:${c}`, { label: 'Citation', id: c });
  const inGraph = await existingKeys(gw, [...wanted.values()]);
  for (const { line, rel } of rels) {
    for (const [field, end] of [
      ['rel.from', rel.from],
      ['rel.to', rel.to],
    ] as const) {
      const k = `${end.label}:${end.id}`;
      if (!known.has(k) && !inGraph.has(k))
        issues.push({
          line,
          field,
          problem: `no ${end.label} ${JSON.stringify(end.id)} in the file or the graph`,
        });
    }
  }
  issues.push(...(await missingRequiredRels(gw, nodes, rels, lineOf)));
  issues.sort((a, b) => a.line - b.line);
  return { batch: { nodes, rels: rels.map((r) => r.rel) }, issues };
}

/** Why a relationship's ends do not fit the rules of either end's label (a HELPER to a Household …), or null. */
function wrongEnd(type: RelType, from: Label, to: Label): string | null {
  const out = GRAPH_RULES[from]?.rels.find((r) => r.rel === type && r.dir === 'out');
  if (out && !out.to.includes(to)) return `a ${from}'s ${type} leads to ${out.to.join(' or ')}, not a ${to}`;
  const inc = GRAPH_RULES[to]?.rels.find((r) => r.rel === type && r.dir === 'in');
  if (inc && !inc.to.includes(from))
    return `a ${to}'s ${type} comes from ${inc.to.join(' or ')}, not a ${from}`;
  return null;
}

/**
 * Nodes of the file without a relationship their label requires (a pairing's HELPER and
 * BENEFICIARY, a project's pairing, a household's unit …), neither in the file nor in the graph.
 */
async function missingRequiredRels(
  gw: Gateway | null,
  nodes: readonly NodeRecord[],
  rels: readonly { rel: RelRecord }[],
  lineOf: ReadonlyMap<string, number>,
): Promise<RowIssue[]> {
  const has = new Set<string>();
  for (const { rel } of rels) {
    has.add(`${rel.from.label}:${rel.from.id}|out|${rel.type}|${rel.to.label}`);
    has.add(`${rel.to.label}:${rel.to.id}|in|${rel.type}|${rel.from.label}`);
  }
  const wanted = new Map<string, { rule: RelRule; label: Label; ids: string[] }>();
  for (const n of nodes) {
    for (const rule of GRAPH_RULES[n.label]?.rels ?? []) {
      if (!rule.required) continue;
      if (rule.to.some((t) => has.has(`${n.label}:${n.id}|${rule.dir}|${rule.rel}|${t}`))) continue;
      const k = `${n.label}|${rule.dir}|${rule.rel}`;
      const w = wanted.get(k) ?? { rule, label: n.label, ids: [] };
      w.ids.push(n.id);
      wanted.set(k, w);
    }
  }
  const issues: RowIssue[] = [];
  for (const { rule, label, ids } of wanted.values()) {
    const rel = checkedRelType(rule.rel);
    const pattern = rule.dir === 'out' ? `(n)-[:${rel}]->(m)` : `(n)<-[:${rel}]-(m)`;
    const found = new Set<string>();
    // with no graph (a new store) nothing can supply the relationship
    for (let i = 0; gw !== null && i < ids.length; i += 5_000) {
      const rows = await gw.read(
        `import.graph.requiredRel.${label}.${rel}`,
        `UNWIND $ids AS id MATCH (n:${checkedLabel(label)} {id: id}) WHERE EXISTS { MATCH ${pattern} WHERE labels(m)[0] IN $to } RETURN n.id AS id`,
        { ids: ids.slice(i, i + 5_000), to: [...rule.to] },
      );
      for (const r of rows) found.add(String(r.id));
    }
    for (const id of ids) {
      if (found.has(id)) continue;
      const what =
        rule.dir === 'out'
          ? `(${label})-[:${rule.rel}]->(${rule.to.join('|')})`
          : `(${rule.to.join('|')})-[:${rule.rel}]->(${label})`;
      issues.push({
        line: lineOf.get(`${label}:${id}`) ?? 0,
        field: 'node',
        problem: `${label} ${JSON.stringify(id)} needs a relationship ${what}, in the file or the graph`,
      });
    }
  }
  return issues;
}

async function existingKeys(gw: Gateway | null, refs: { label: Label; id: string }[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (!gw) return out;
  const byLabel = new Map<Label, string[]>();
  for (const r of refs) {
    const ids = byLabel.get(r.label);
    if (ids) ids.push(r.id);
    else byLabel.set(r.label, [r.id]);
  }
  for (const [label, ids] of byLabel) {
    const rows = await gw.read(
      `import.graph.ends.${label}`,
      `UNWIND $ids AS id MATCH (n:${checkedLabel(label)} {id: id}) RETURN n.id AS id`,
      { ids },
    );
    for (const r of rows) out.add(`${label}:${String(r.id)}`);
  }
  return out;
}

function restoreDateTimes(props: Record<string, PropValue>): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(props)) {
    // loadBatch passes values through; a DateTime object is stored as a Neo4j DATETIME.
    out[k] =
      DATETIME_KEYS.has(k) && typeof v === 'string'
        ? (neo4j.types.DateTime.fromStandardDate(new Date(v)) as unknown as PropValue)
        : v;
  }
  return out;
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
