import type { Gateway } from '../../src/store/gateway';

/**
 * The whole graph, canonically ordered, with every value's Neo4j type: what two loads of the same
 * records must agree on. Nodes carrying one of `except` (the service's own bookkeeping, which
 * each store writes for itself) are left out, with their relationships.
 */
export async function wholeGraph(gw: Gateway, except: readonly string[] = []) {
  const nodes = await gw.read(
    't.whole.nodes',
    'MATCH (n) WHERE none(l IN labels(n) WHERE l IN $except) ' +
      'RETURN labels(n) AS labels, n.id AS id, [k IN keys(n) | [k, n[k], valueType(n[k])]] AS props',
    { except: [...except] },
  );
  const rels = await gw.read(
    't.whole.rels',
    'MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $except) ' +
      'RETURN type(r) AS type, labels(a)[0] + ":" + a.id AS from, labels(b)[0] + ":" + b.id AS to, ' +
      '[k IN keys(r) | [k, r[k], valueType(r[k])]] AS props',
    { except: [...except] },
  );
  // keys(n) lists properties in storage order, which two paths need not share
  const canonical = (r: Record<string, unknown>) => ({
    ...r,
    ...(Array.isArray(r.labels) ? { labels: [...(r.labels as string[])].sort() } : {}),
    props: [...(r.props as [string, unknown, string][])].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  });
  const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(canonical(r))).sort();
  return { nodes: sorted(nodes), rels: sorted(rels) };
}
