import { LABELS, REL_TYPES, type Label, type RelType } from '../domain/model';
import type { GraphBatch, NodeRecord, RelRecord } from '../domain/records';
import type { Gateway } from './gateway';
import { toNeo4jProps } from './values';

const LABEL_SET: ReadonlySet<string> = new Set(LABELS);
const REL_SET: ReadonlySet<string> = new Set(REL_TYPES);

/** Labels and types are interpolated into Cypher only after this check against the closed lists. */
function label(l: string): Label {
  if (!LABEL_SET.has(l)) throw new TypeError(`unknown node label ${JSON.stringify(l)}`);
  return l as Label;
}
function relType(t: string): RelType {
  if (!REL_SET.has(t)) throw new TypeError(`unknown relationship type ${JSON.stringify(t)}`);
  return t as RelType;
}

export interface LoadOptions {
  /** Rows per write transaction. */
  batchSize?: number;
  /** Called after each transaction with the number of records it wrote. */
  onProgress?: (records: number) => void;
}

export interface LoadCounts {
  nodes: number;
  rels: number;
}

/**
 * MERGEs a batch into the graph: nodes by `(label, id)`, then citations, then relationships by
 * `(type, from, to)`. Idempotent — loading the same batch twice leaves the graph unchanged.
 * Each chunk of `batchSize` rows is one write transaction (UNWIND). A relationship whose end
 * node does not exist fails the load with the missing ids named.
 */
export async function loadBatch(gw: Gateway, batch: GraphBatch, o: LoadOptions = {}): Promise<LoadCounts> {
  const size = o.batchSize ?? 5_000;
  for (const [l, nodes] of groupBy(batch.nodes, (n) => n.label)) {
    const cypher =
      `UNWIND $rows AS row MERGE (n:${label(l)} {id: row.id}) ` +
      'SET n += row.props, n.provenance = row.provenance';
    for (const chunk of chunks(nodes, size)) {
      await gw.write(`load.nodes.${l}`, cypher, { rows: chunk.map(nodeRow) });
      o.onProgress?.(chunk.length);
    }
  }
  for (const [l, nodes] of groupBy(
    batch.nodes.filter((n) => n.citations?.length),
    (n) => n.label,
  )) {
    const cypher =
      `UNWIND $rows AS row MATCH (n:${label(l)} {id: row.id}) ` +
      'UNWIND row.citations AS cid MATCH (c:Citation {id: cid}) MERGE (n)-[:SUPPORTED_BY]->(c) RETURN count(*) AS linked';
    for (const chunk of chunks(nodes, size)) {
      const rows = chunk.map((n) => ({ id: n.id, citations: n.citations }));
      const [{ linked }] = await gw.write(`load.citations.${l}`, cypher, { rows });
      const expected = rows.reduce((s, r) => s + (r.citations?.length ?? 0), 0);
      if (linked !== expected)
        throw new Error(`load: ${expected - Number(linked)} citation(s) of ${l} nodes do not exist`);
    }
  }
  for (const [key, rels] of groupBy(batch.rels, (r) => `${r.type}|${r.from.label}|${r.to.label}`)) {
    const [t, from, to] = key.split('|');
    const cypher =
      `UNWIND $rows AS row MATCH (a:${label(from)} {id: row.from}) MATCH (b:${label(to)} {id: row.to}) ` +
      `MERGE (a)-[r:${relType(t)}]->(b) SET r += row.props RETURN count(*) AS merged`;
    for (const chunk of chunks(rels, size)) {
      const [{ merged }] = await gw.write(`load.rels.${t}`, cypher, { rows: chunk.map(relRow) });
      if (merged !== chunk.length) await reportMissingEnds(gw, from as Label, to as Label, chunk);
      o.onProgress?.(chunk.length);
    }
  }
  return { nodes: batch.nodes.length, rels: batch.rels.length };
}

const nodeRow = (n: NodeRecord) => ({ id: n.id, provenance: n.provenance, props: propsOf(n) });
const relRow = (r: RelRecord) => ({ from: r.from.id, to: r.to.id, props: toNeo4jProps(r.props ?? {}) });

/** Aliases are also kept as one string so the full-text index can read them. */
function propsOf(n: NodeRecord) {
  const p = toNeo4jProps(n.props);
  if (Array.isArray(n.props.aliases)) p.aliasText = n.props.aliases.join(' ');
  return p;
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
