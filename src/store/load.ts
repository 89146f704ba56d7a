import { LABELS, REL_TYPES, type Label, type RelType } from '../domain/model';
import type { GraphBatch, NodeRecord, PropValue, RelRecord } from '../domain/records';
import { setHelperKey } from './derived-props';
import type { Gateway } from './gateway';
import { toNeo4jProps } from './values';

const LABEL_SET: ReadonlySet<string> = new Set(LABELS);
const REL_SET: ReadonlySet<string> = new Set(REL_TYPES);

/** Labels and types are interpolated into Cypher (and the importer's files) only after this check against the closed lists. */
export function label(l: string): Label {
  if (!LABEL_SET.has(l)) throw new TypeError(`unknown node label ${JSON.stringify(l)}`);
  return l as Label;
}
export function relType(t: string): RelType {
  if (!REL_SET.has(t)) throw new TypeError(`unknown relationship type ${JSON.stringify(t)}`);
  return t as RelType;
}

/**
 * Which of a batch's nodes are known not to be stored yet (and so may be CREATEd, not MERGEd):
 * - `none`: nothing is known; every record is MERGEd (the default, safe on any store);
 * - `all`: the caller knows that none of them is stored, e.g. the store held no graph node when
 *   the run began and every id the run writes is distinct;
 * - `lookup`: the loader looks the ids up first (one read per label and chunk) and CREATEs those
 *   it did not find.
 * A wrong `all` cannot duplicate a node: the `id` uniqueness constraint of every label fails the
 * transaction instead.
 */
export type Absent = 'none' | 'all' | 'lookup';

export interface LoadOptions {
  /** Rows per write transaction. */
  batchSize?: number;
  /** Called after each transaction with the number of records it wrote. */
  onProgress?: (records: number) => void;
  /** Which nodes are known to be new (default `none`: MERGE everything). */
  absent?: Absent;
  /** Write transactions in flight at once, each on its own disjoint chunk of one phase (default 1). */
  parallel?: number;
}

export interface LoadCounts {
  nodes: number;
  rels: number;
}

/** Rows per write transaction (docs/benchmarks.md, "Seed throughput" has the measurements). */
export const DEFAULT_BATCH_SIZE = 10_000;

/**
 * Write transactions in flight at once on the bulk paths (seed, graph import): one is written
 * while the next one's rows are serialised and sent, which keeps both cores of a small machine busy.
 */
export const BULK_PARALLEL = 2;

/**
 * Writes a batch into the graph: nodes by `(label, id)`, then citations, then relationships by
 * `(type, from, to)`, with MERGE semantics — loading the same batch twice leaves the graph
 * unchanged, and a record given twice in one batch is written once with its properties merged in
 * order. Each chunk of `batchSize` rows is one write transaction (UNWIND). A relationship whose end
 * node does not exist fails the load with the missing ids named.
 *
 * The bulk path: a node known to be absent (see `Absent`) is CREATEd, which skips MERGE's lookup
 * and lock; a relationship with an end CREATEd by this batch cannot exist yet, so it is CREATEd
 * too; everything else is MERGEd. The graph written is the same either way.
 */
export async function loadBatch(gw: Gateway, input: GraphBatch, o: LoadOptions = {}): Promise<LoadCounts> {
  const size = o.batchSize ?? DEFAULT_BATCH_SIZE;
  const parallel = o.parallel ?? 1;
  const batch = dedupe(input);
  const created = await absentNodes(gw, batch.nodes, o.absent ?? 'none');
  const isNew = (l: string, id: string) => created.has(`${l}:${id}`);

  const nodeTasks: Task[] = [];
  for (const [key, nodes] of groupBy(batch.nodes, (n) => `${n.label}|${isNew(n.label, n.id)}`)) {
    const [l, fresh] = key.split('|');
    const cypher =
      `UNWIND $rows AS row ${fresh === 'true' ? 'CREATE' : 'MERGE'} (n:${label(l)} {id: row.id}) ` +
      'SET n += row.props, n.provenance = row.provenance';
    for (const chunk of chunks(nodes, size))
      nodeTasks.push(async () => {
        await gw.write(`load.nodes.${l}`, cypher, { rows: chunk.map(nodeRow) });
        o.onProgress?.(chunk.length);
      });
  }
  await runTasks(nodeTasks, parallel);

  const citationTasks: Task[] = [];
  for (const [key, nodes] of groupBy(
    batch.nodes.filter((n) => n.citations?.length),
    (n) => `${n.label}|${isNew(n.label, n.id)}`,
  )) {
    const [l, fresh] = key.split('|');
    const cypher =
      `UNWIND $rows AS row MATCH (n:${label(l)} {id: row.id}) ` +
      `UNWIND row.citations AS cid MATCH (c:Citation {id: cid}) ${fresh === 'true' ? 'CREATE' : 'MERGE'} (n)-[:SUPPORTED_BY]->(c) RETURN count(*) AS linked`;
    for (const chunk of chunks(nodes, size))
      citationTasks.push(async () => {
        const rows = chunk.map((n) => ({ id: n.id, citations: n.citations }));
        const [{ linked }] = await gw.write(`load.citations.${l}`, cypher, { rows });
        const expected = rows.reduce((s, r) => s + (r.citations?.length ?? 0), 0);
        if (linked !== expected)
          throw new Error(`load: ${expected - Number(linked)} citation(s) of ${l} nodes do not exist`);
      });
  }
  await runTasks(citationTasks, parallel);

  const relTasks: Task[] = [];
  const relKey = (r: RelRecord) =>
    `${r.type}|${r.from.label}|${r.to.label}|${isNew(r.from.label, r.from.id) || isNew(r.to.label, r.to.id)}`;
  for (const [key, rels] of groupBy(batch.rels, relKey)) {
    const [t, from, to, fresh] = key.split('|');
    // a HELPER relationship also sets its pairing's helper key (derived-props.ts), whichever batch wrote the pairing
    const derived = t === 'HELPER' ? `, ${setHelperKey('a', 'b')}` : '';
    const cypher =
      `UNWIND $rows AS row MATCH (a:${label(from)} {id: row.from}) MATCH (b:${label(to)} {id: row.to}) ` +
      `${fresh === 'true' ? 'CREATE' : 'MERGE'} (a)-[r:${relType(t)}]->(b) SET r += row.props${derived} RETURN count(*) AS merged`;
    for (const chunk of chunks(rels, size))
      relTasks.push(async () => {
        const [{ merged }] = await gw.write(`load.rels.${t}`, cypher, { rows: chunk.map(relRow) });
        if (merged !== chunk.length) await reportMissingEnds(gw, from as Label, to as Label, chunk);
        o.onProgress?.(chunk.length);
      });
  }
  await runTasks(relTasks, parallel);
  return { nodes: input.nodes.length, rels: input.rels.length };
}

/**
 * One record per node and per relationship, as MERGE followed by `SET +=` would leave it: later
 * properties win, citations are united, and a SUPPORTED_BY record its node's citations already
 * name is dropped. (CREATE needs this: it would write a repeated record twice.)
 */
export function dedupe(b: GraphBatch): GraphBatch {
  const nodes = new Map<string, NodeRecord>();
  for (const n of b.nodes) {
    const k = `${n.label}:${n.id}`;
    const seen = nodes.get(k);
    if (!seen) nodes.set(k, n);
    else {
      const citations = [...new Set([...(seen.citations ?? []), ...(n.citations ?? [])])];
      nodes.set(k, {
        ...n,
        props: { ...seen.props, ...n.props },
        ...(citations.length ? { citations } : {}),
      });
    }
  }
  const rels = new Map<string, RelRecord>();
  for (const r of b.rels) {
    const k = `${r.type}|${r.from.label}:${r.from.id}|${r.to.label}:${r.to.id}`;
    const seen = rels.get(k);
    rels.set(k, seen ? { ...r, props: { ...seen.props, ...r.props } } : r);
  }
  for (const n of nodes.values())
    if (n.citations && new Set(n.citations).size !== n.citations.length)
      nodes.set(`${n.label}:${n.id}`, { ...n, citations: [...new Set(n.citations)] });
  // a SUPPORTED_BY record that a node's citations already say is one link, not two
  for (const [k, r] of rels)
    if (r.type === 'SUPPORTED_BY' && nodes.get(`${r.from.label}:${r.from.id}`)?.citations?.includes(r.to.id))
      rels.delete(k);
  return { nodes: [...nodes.values()], rels: [...rels.values()] };
}

/** `label:id` of the nodes to CREATE. */
async function absentNodes(gw: Gateway, nodes: readonly NodeRecord[], absent: Absent): Promise<Set<string>> {
  const keys = (xs: readonly NodeRecord[]) => xs.map((n) => `${n.label}:${n.id}`);
  if (absent === 'none') return new Set();
  if (absent === 'all') return new Set(keys(nodes));
  const out = new Set<string>();
  for (const [l, group] of groupBy(nodes, (n) => n.label)) {
    for (const chunk of chunks(group, LOOKUP_CHUNK)) {
      const rows = await gw.read(
        `load.lookup.${l}`,
        `UNWIND $ids AS id MATCH (n:${label(l)} {id: id}) RETURN n.id AS id`,
        { ids: chunk.map((n) => n.id) },
      );
      const stored = new Set(rows.map((r) => String(r.id)));
      for (const n of chunk) if (!stored.has(n.id)) out.add(`${l}:${n.id}`);
    }
  }
  return out;
}

const LOOKUP_CHUNK = 50_000;

type Task = () => Promise<void>;

/** Runs the tasks with at most `limit` in flight; the first failure stops new ones and is thrown. */
async function runTasks(tasks: readonly Task[], limit: number): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < tasks.length) {
      const task = tasks[next++];
      try {
        await task();
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const results = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker),
  );
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
}

const nodeRow = (n: NodeRecord) => ({ id: n.id, provenance: n.provenance, props: propsOf(n) });
const relRow = (r: RelRecord) => ({ from: r.from.id, to: r.to.id, props: toNeo4jProps(r.props ?? {}) });

const propsOf = (n: NodeRecord) => toNeo4jProps(storedProps(n));

/** The properties a node record is stored with: its own, and its aliases also kept as one string so the full-text index can read them. */
export function storedProps(n: NodeRecord): Record<string, PropValue> {
  return Array.isArray(n.props.aliases) ? { ...n.props, aliasText: n.props.aliases.join(' ') } : n.props;
}

async function reportMissingEnds(gw: Gateway, from: Label, to: Label, rels: RelRecord[]): Promise<never> {
  const ids = (l: Label, xs: string[]) =>
    gw.read(
      `load.missing.${l}`,
      `UNWIND $ids AS id OPTIONAL MATCH (n:${label(l)} {id: id}) WITH id, n WHERE n IS NULL RETURN id`,
      {
        ids: [...new Set(xs)],
      },
    );
  const missing = [
    ...(
      await ids(
        from,
        rels.map((r) => r.from.id),
      )
    ).map((r) => `${from} ${String(r.id)}`),
    ...(
      await ids(
        to,
        rels.map((r) => r.to.id),
      )
    ).map((r) => `${to} ${String(r.id)}`),
  ];
  throw new Error(
    `load: relationship ends not found: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`,
  );
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function* chunks<T>(xs: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}
