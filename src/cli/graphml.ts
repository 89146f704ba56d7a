import type { ExportNode, ExportRel } from '../store/export/export.store';
import type { Plain } from '../store/values';
import { xmlEscape } from './xml-escape';

type AttrType = 'string' | 'long' | 'double' | 'boolean';

const typeOf = (v: Plain): AttrType =>
  typeof v === 'boolean'
    ? 'boolean'
    : typeof v === 'number'
      ? Number.isInteger(v)
        ? 'long'
        : 'double'
      : 'string';

/** A value as GraphML data text: lists become `a;b` (GraphML attributes are scalars). */
const text = (v: Plain): string => (Array.isArray(v) ? v.map((x) => String(x)).join(';') : String(v));

/**
 * GraphML (http://graphml.graphdrawing.org) that Gephi and yEd open: one `<key>` per property
 * (a property whose values mix types is declared `string`), nodes with id `Label:key`, a `label`
 * attribute (the name, else the key: Gephi shows it; in yEd map it with Edit › Properties Mapper)
 * and a `type` attribute (the node label); directed edges with the relationship type as `label`.
 */
export function toGraphml(
  nodes: readonly ExportNode[],
  rels: readonly ExportRel[],
  meta: Record<string, string>,
): string {
  const nodeKeys = new Map<string, AttrType>([
    ['label', 'string'],
    ['type', 'string'],
    ['key', 'string'],
    ['provenance', 'string'],
  ]);
  const edgeKeys = new Map<string, AttrType>([['label', 'string']]);
  const declare = (keys: Map<string, AttrType>, k: string, v: Plain) => {
    const t = typeOf(v);
    const had = keys.get(k);
    keys.set(k, had === undefined || had === t ? t : had === 'long' && t === 'double' ? 'double' : 'string');
  };
  for (const n of nodes) for (const [k, v] of Object.entries(n.props)) declare(nodeKeys, `p_${k}`, v);
  for (const r of rels) for (const [k, v] of Object.entries(r.props ?? {})) declare(edgeKeys, `p_${k}`, v);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <!-- ${xmlEscape(
      Object.entries(meta)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
    ).replace(/--/g, '- -')} -->`,
  ];
  const keyId = (scope: 'n' | 'e', k: string) => `${scope}_${k}`;
  for (const [k, t] of nodeKeys)
    out.push(
      `  <key id="${xmlEscape(keyId('n', k))}" for="node" attr.name="${xmlEscape(k.replace(/^p_/, ''))}" attr.type="${t}"/>`,
    );
  for (const [k, t] of edgeKeys)
    out.push(
      `  <key id="${xmlEscape(keyId('e', k))}" for="edge" attr.name="${xmlEscape(k.replace(/^p_/, ''))}" attr.type="${t}"/>`,
    );
  out.push('  <graph id="bangfu" edgedefault="directed">');
  const data = (scope: 'n' | 'e', k: string, v: Plain) =>
    `<data key="${xmlEscape(keyId(scope, k))}">${xmlEscape(text(v))}</data>`;
  for (const n of nodes) {
    const d = [
      data('n', 'label', (n.props.name as Plain) ?? n.id),
      data('n', 'type', n.label),
      data('n', 'key', n.id),
      data('n', 'provenance', n.provenance),
      ...Object.entries(n.props).map(([k, v]) => data('n', `p_${k}`, v)),
    ];
    out.push(`    <node id="${xmlEscape(`${n.label}:${n.id}`)}">${d.join('')}</node>`);
  }
  rels.forEach((r, i) => {
    const d = [
      data('e', 'label', r.type),
      ...Object.entries(r.props ?? {}).map(([k, v]) => data('e', `p_${k}`, v)),
    ];
    out.push(
      `    <edge id="e${i}" source="${xmlEscape(`${r.from.label}:${r.from.id}`)}" target="${xmlEscape(`${r.to.label}:${r.to.id}`)}">${d.join('')}</edge>`,
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
