import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { authorize, can, visibleProps, type Viewer } from '../domain/access-policy';
import type { Gateway } from '../store/gateway';
import {
  areaScope,
  exportNodes,
  exportRels,
  type ExportNode,
  type ExportRel,
} from '../store/export/export.store';
import type { Plain } from '../store/values';
import { toGraphml } from './graphml';

export type ExportFormat = 'json' | 'csv' | 'graphml';

export interface ExportOptions {
  format: ExportFormat;
  /** An AdminUnit key: export only that area (see area-scope.ts). */
  area: string | null;
  /** A file (json, graphml) or a directory (csv); `-` or null writes json/graphml to stdout. */
  out: string | null;
}

export interface ExportSummary {
  nodes: number;
  rels: number;
  masked: boolean;
}

/**
 * `bangfu export`: the graph (or one area) as JSON (the document `bangfu import --kind graph`
 * reads back), CSV (a directory: one file per label and per relationship type) or GraphML.
 * Personal fields follow the caller's role exactly as in the API (access-policy.ts): below analyst
 * names are masked and ID numbers and phones left out; only an admin's export keeps the salted
 * ID-number hashes, so that an admin export restores completely.
 */
export async function exportGraph(gw: Gateway, viewer: Viewer, o: ExportOptions): Promise<ExportSummary> {
  authorize(viewer, 'export', true);
  const scope = o.area === null ? null : await areaScope(gw, o.area);
  const nodes: ExportNode[] = [];
  for await (const n of exportNodes(gw, scope)) {
    nodes.push({
      ...n,
      props: visibleProps(viewer, n.label, n.props, { includeSecrets: true }) as Record<string, Plain>,
    });
  }
  const rels: ExportRel[] = [];
  for await (const r of exportRels(gw, scope)) rels.push(r);
  const masked = !can(viewer, 'readPersonal');
  const meta = {
    format: 'bangfu-graph',
    version: '1',
    exportedAt: new Date().toISOString(),
    exportedBy: viewer.subject ?? 'anonymous',
    role: viewer.role ?? 'anonymous',
    area: o.area ?? '',
    personalData: masked ? 'masked' : 'included',
  };
  if (o.format === 'csv') writeCsv(o.out ?? 'export', nodes, rels);
  else {
    const text = o.format === 'json' ? toJson(meta, nodes, rels) : toGraphml(nodes, rels, meta);
    if (o.out === null || o.out === '-') process.stdout.write(text);
    else fs.writeFileSync(o.out, text);
  }
  return { nodes: nodes.length, rels: rels.length, masked };
}

/** One record per line inside the arrays, so the file diffs and greps well and stays valid JSON. */
function toJson(
  meta: Record<string, string>,
  nodes: readonly ExportNode[],
  rels: readonly ExportRel[],
): string {
  const head = JSON.stringify({ ...meta, version: 1, area: meta.area || null }).slice(0, -1);
  const list = (xs: readonly unknown[]) =>
    xs.length ? `\n${xs.map((x) => JSON.stringify(x)).join(',\n')}\n` : '';
  return `${head},"nodes":[${list(nodes)}],"rels":[${list(rels)}]}\n`;
}

/** `nodes/<Label>.csv` (id, provenance, citations, then every property) and `relationships/<TYPE>.csv`. */
function writeCsv(dir: string, nodes: readonly ExportNode[], rels: readonly ExportRel[]): void {
  const cell = (v: Plain | undefined) =>
    v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  fs.mkdirSync(path.join(dir, 'nodes'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'relationships'), { recursive: true });
  const byLabel = groupBy(nodes, (n) => n.label);
  for (const [label, ns] of byLabel) {
    const keys = [...new Set(ns.flatMap((n) => Object.keys(n.props)))].sort();
    const rows = ns.map((n) => [
      n.id,
      n.provenance,
      (n.citations ?? []).join(';'),
      ...keys.map((k) => cell(n.props[k])),
    ]);
    fs.writeFileSync(
      path.join(dir, 'nodes', `${label}.csv`),
      stringify([['id', 'provenance', 'citations', ...keys], ...rows]),
    );
  }
  const byType = groupBy(rels, (r) => r.type);
  for (const [type, rs] of byType) {
    const keys = [...new Set(rs.flatMap((r) => Object.keys(r.props ?? {})))].sort();
    const rows = rs.map((r) => [
      r.from.label,
      r.from.id,
      r.to.label,
      r.to.id,
      ...keys.map((k) => cell(r.props?.[k])),
    ]);
    fs.writeFileSync(
      path.join(dir, 'relationships', `${type}.csv`),
      stringify([['fromLabel', 'fromId', 'toLabel', 'toId', ...keys], ...rows]),
    );
  }
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const g = m.get(key(x));
    if (g) g.push(x);
    else m.set(key(x), [x]);
  }
  return m;
}
