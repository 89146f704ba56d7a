import { EXPOSED_LABELS, LABELS, PROVENANCES, REL_TYPES, type Label, type RelType } from '../../domain/model';
import type { NodeKey } from '../../domain/node-key';
import type { NodeRecord, PropValue, RelRecord } from '../../domain/records';
import { checkGraphProps } from '../../domain/validation/check-graph-props';
import { GRAPH_RULES, type RelRule } from '../../domain/validation/graph-rules';
import type { RowIssue } from '../../domain/validation/import-rows';
import { Issues } from '../../domain/validation/issues';
import type { Gateway } from '../gateway';
import { CitationTally } from './citation-tally';
import { checkedLabel, checkedRelType } from './write-tx';

/**
 * The labels a dump may hold: the published graph (EXPOSED_LABELS). The service's bookkeeping —
 * audit entries, idempotency keys, report proposals awaiting review — is never exported or imported.
 */
const GRAPH_LABELS: ReadonlySet<string> = EXPOSED_LABELS;
const REL_SET: ReadonlySet<string> = new Set(REL_TYPES);

const isPropValue = (v: unknown): v is PropValue =>
  v === null ||
  ['string', 'number', 'boolean'].includes(typeof v) ||
  (Array.isArray(v) && (v.every((x) => typeof x === 'string') || v.every((x) => typeof x === 'number')));

const isRef = (v: unknown): v is NodeKey =>
  typeof v === 'object' &&
  v !== null &&
  GRAPH_LABELS.has(String((v as { label?: unknown }).label)) &&
  typeof (v as { id?: unknown }).id === 'string';

/**
 * One record of a graph dump (`{"node": …}` or `{"rel": …}`) checked on its own: labels and
 * relationship types from the closed lists, provenance, property values Neo4j can store, the
 * label's property rules (names and texts normalised as the mutations store them) and which labels
 * a relationship may join. Returns the record, or null after adding its issues. A node's
 * date-times are still text here (restoreDateTimes, date-times.ts), so a record can cross a thread boundary.
 */
export function checkGraphRecord(
  values: Readonly<Record<string, unknown>>,
  line: number,
  issues: RowIssue[],
): { node: NodeRecord } | { rel: RelRecord } | null {
  const bad = (field: string, problem: string) => {
    issues.push({ line, field, problem });
    return null;
  };
  if (values.node !== undefined) {
    const n = values.node as Partial<NodeRecord>;
    if (!GRAPH_LABELS.has(String(n.label)))
      return bad('node.label', `must be one of the graph's labels, got ${JSON.stringify(n.label)}`);
    if (typeof n.id !== 'string' || n.id === '') return bad('node.id', 'must be a non-empty string');
    if (!(PROVENANCES as readonly string[]).includes(String(n.provenance)))
      return bad('node.provenance', `must be one of ${PROVENANCES.join(', ')}`);
    if (typeof n.props !== 'object' || n.props === null || !Object.values(n.props).every(isPropValue))
      return bad('node.props', 'must be an object of strings, numbers, booleans or lists of them');
    const is = new Issues('node');
    const props = checkGraphProps(is, n.label as Label, n.props) as Record<string, PropValue>;
    for (const i of is.list) issues.push({ line, ...i });
    if (!is.ok) return null;
    return {
      node: {
        label: n.label as Label,
        id: n.id,
        provenance: n.provenance!,
        props,
        ...(Array.isArray(n.citations) ? { citations: n.citations.map(String) } : {}),
      },
    };
  }
  if (values.rel !== undefined) {
    const r = values.rel as Partial<RelRecord>;
    if (!REL_SET.has(String(r.type)))
      return bad('rel.type', `must be one of the relationship types, got ${JSON.stringify(r.type)}`);
    const { from, to } = r;
    if (!isRef(from)) return bad('rel.from', 'must be {label, id} of a node');
    if (!isRef(to)) return bad('rel.to', 'must be {label, id} of a node');
    const wrong = wrongEnd(r.type as RelType, from.label, to.label);
    if (wrong) return bad('rel', wrong);
    // No relationship carries properties: the service writes none and reads none (GRAPH_RULES
    // names none), so a dump's would be stored unchecked and never seen.
    const p = r.props;
    if (p != null && (typeof p !== 'object' || Array.isArray(p) || Object.keys(p).length > 0))
      return bad('rel.props', `must be left out or empty: a ${r.type} carries no properties`);
    return {
      rel: { type: r.type!, from: { label: from.label, id: from.id }, to: { label: to.label, id: to.id } },
    };
  }
  return bad('record', 'must hold a "node" or a "rel"');
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

/** A label's or a relationship type's place in its closed list (domain/model), as DumpCheck takes it. */
export const labelCode = (l: Label): number => LABEL_CODE.get(l)!;
export const relTypeCode = (t: RelType): number => REL_CODE.get(t)!;
const LABEL_CODE = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const REL_CODE = new Map<string, number>(REL_TYPES.map((t, i) => [t, i]));
const CITATION = labelCode('Citation');
const SUPPORTED_BY = relTypeCode('SUPPORTED_BY');

/** Each label's required relationship rules (by label code), numbered as bits of a node's mask. */
const REQUIRED: RelRule[][] = LABELS.map((l) => (GRAPH_RULES[l]?.rels ?? []).filter((x) => x.required));
/**
 * The bit of the required rule a relationship satisfies at one end: [end label][dir][type][other
 * end's label], 0 for none.
 */
const REQUIRED_BIT: number[][][][] = LABELS.map((_, l) =>
  (['out', 'in'] as const).map((dir) =>
    REL_TYPES.map((type) =>
      LABELS.map((other) => {
        const bit = REQUIRED[l].findIndex((r) => r.dir === dir && r.rel === type && r.to.includes(other));
        return bit < 0 ? 0 : 1 << bit;
      }),
    ),
  ),
);

/**
 * What can only be checked across the whole dump, fed one checked record at a time in any order
 * (a dump streamed by several threads arrives interleaved): every relationship end and citation is
 * a node of the dump or of the graph, every node has the relationships its label requires, and no
 * fact would cite more citations than one fact takes (CitationTally). Holds, per label, the node ids with their lines, the ends not yet seen and a bit mask per node,
 * not the records; labels and types come as codes (labelCode, relTypeCode), so no key is built per
 * record. Also notices records repeated in the dump (`repeated`), which the offline import's
 * streamed path cannot fold as the loader does.
 */
export class DumpCheck {
  /** Per label code: each node's id → its line. */
  private readonly lines: Map<string, number>[] = LABELS.map(() => new Map());
  /** Ends (and cited citations) not among the dump's nodes when they arrived, column by column. */
  private readonly pending = {
    field: [] as string[],
    label: [] as number[],
    id: [] as string[],
    line: [] as number[],
  };
  /** Per label code: a node id → the bits of its label's required relationships the dump holds. */
  private readonly masks: Map<string, number>[] = LABELS.map(() => new Map());
  private readonly relHashes = new Set<number>();
  /** What the dump cites for each fact, against the most one fact takes. */
  private readonly cited = new CitationTally();
  /** A node, or (by a 53-bit hash of its key, so rarely a false alarm) a relationship, came twice. */
  repeated = false;

  node(label: number, id: string, line: number, citations: readonly string[] | null = null): void {
    const ids = this.lines[label];
    if (ids.has(id)) this.repeated = true;
    else ids.set(id, line);
    if (citations) {
      for (const c of citations) this.end('node.citations', CITATION, c, line);
      if (this.cited.add(label, id, citations, line, 'node.citations')) this.repeated = true;
    }
  }

  rel(type: number, fromLabel: number, fromId: string, toLabel: number, toId: string, line: number): void {
    const h = hash53([type, fromLabel, fromId, toLabel, toId]);
    if (this.relHashes.has(h)) this.repeated = true;
    else this.relHashes.add(h);
    this.end('rel.from', fromLabel, fromId, line);
    this.end('rel.to', toLabel, toId, line);
    if (type === SUPPORTED_BY && this.cited.add(fromLabel, fromId, [toId], line, 'rel')) this.repeated = true;
    const out = REQUIRED_BIT[fromLabel][0][type][toLabel];
    if (out) this.masks[fromLabel].set(fromId, (this.masks[fromLabel].get(fromId) ?? 0) | out);
    const inc = REQUIRED_BIT[toLabel][1][type][fromLabel];
    if (inc) this.masks[toLabel].set(toId, (this.masks[toLabel].get(toId) ?? 0) | inc);
  }

  /** The issues of the whole dump, after looking up in the graph (`gw`, null for none) what the dump lacks. */
  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    const p = this.pending;
    const missing: number[] = [];
    for (let i = 0; i < p.id.length; i++) if (!this.lines[p.label[i]].has(p.id[i])) missing.push(i);
    const inGraph = await existingKeys(
      gw,
      missing.map((i) => ({ label: LABELS[p.label[i]], id: p.id[i] })),
    );
    const issues: RowIssue[] = [];
    for (const i of missing) {
      const label = LABELS[p.label[i]];
      if (!inGraph.has(`${label}:${p.id[i]}`))
        issues.push({
          line: p.line[i],
          field: p.field[i],
          problem: `no ${label} ${JSON.stringify(p.id[i])} in the file or the graph`,
        });
    }
    issues.push(...(await this.missingRequiredRels(gw)));
    issues.push(...(await this.cited.issues(gw)));
    return issues; // in arrival order: AcrossDump sorts the issues of every check
  }

  private end(field: string, label: number, id: string, line: number): void {
    if (this.lines[label].has(id)) return;
    this.pending.field.push(field);
    this.pending.label.push(label);
    this.pending.id.push(id);
    this.pending.line.push(line);
  }

  /**
   * Nodes of the dump without a relationship their label requires (a pairing's HELPER and
   * BENEFICIARY, a project's pairing, a household's unit …), neither in the dump nor in the graph.
   */
  private async missingRequiredRels(gw: Gateway | null): Promise<RowIssue[]> {
    const issues: RowIssue[] = [];
    for (const [l, rules] of REQUIRED.entries()) {
      const label = LABELS[l];
      for (const [bit, rule] of rules.entries()) {
        const ids: string[] = [];
        for (const id of this.lines[l].keys()) if (!((this.masks[l].get(id) ?? 0) & (1 << bit))) ids.push(id);
        if (!ids.length) continue;
        const found = await withRequiredRel(gw, label, rule, ids);
        const what =
          rule.dir === 'out'
            ? `(${label})-[:${rule.rel}]->(${rule.to.join('|')})`
            : `(${rule.to.join('|')})-[:${rule.rel}]->(${label})`;
        for (const id of ids)
          if (!found.has(id))
            issues.push({
              line: this.lines[l].get(id)!,
              field: 'node',
              problem: `${label} ${JSON.stringify(id)} needs a relationship ${what}, in the file or the graph`,
            });
      }
    }
    return issues;
  }
}

/** The ids of `label` nodes the graph holds with the rule's relationship (none without a graph). */
async function withRequiredRel(
  gw: Gateway | null,
  label: Label,
  rule: RelRule,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const rel = checkedRelType(rule.rel);
  const pattern = rule.dir === 'out' ? `(n)-[:${rel}]->(m)` : `(n)<-[:${rel}]-(m)`;
  for (let i = 0; gw !== null && i < ids.length; i += 5_000) {
    const rows = await gw.read(
      `import.graph.requiredRel.${label}.${rel}`,
      `UNWIND $ids AS id MATCH (n:${checkedLabel(label)} {id: id}) WHERE EXISTS { MATCH ${pattern} WHERE labels(m)[0] IN $to } RETURN n.id AS id`,
      { ids: ids.slice(i, i + 5_000), to: [...rule.to] },
    );
    for (const r of rows) found.add(String(r.id));
  }
  return found;
}

async function existingKeys(gw: Gateway | null, refs: readonly { label: string; id: string }[]) {
  const out = new Set<string>();
  if (!gw) return out;
  const byLabel = new Map<string, Set<string>>();
  for (const r of refs) byLabel.set(r.label, (byLabel.get(r.label) ?? new Set()).add(r.id));
  for (const [label, ids] of byLabel) {
    const rows = await gw.read(
      `import.graph.ends.${label}`,
      `UNWIND $ids AS id MATCH (n:${checkedLabel(label as Label)} {id: id}) RETURN n.id AS id`,
      { ids: [...ids] },
    );
    for (const r of rows) out.add(`${label}:${String(r.id)}`);
  }
  return out;
}

/** cyrb53 (a fast 53-bit hash, public domain) of numbers and strings, exact as a JS number; no key string is built. */
function hash53(parts: readonly (number | string)[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const p of parts) {
    const n = typeof p === 'number' ? 1 : p.length;
    // each part, then 0xffff: a separator, so that ("ab", "c") and ("a", "bc") differ
    for (let i = 0; i <= n; i++) {
      const c = i === n ? 0xffff : typeof p === 'number' ? p : p.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
