import { EXPOSED_LABELS, LABELS, REL_TYPES, type Label, type RelType } from '../../domain/model';
import type { PropValue } from '../../domain/records';
import { DERIVED_PROPS } from '../derived-props';
import type { Gateway } from '../gateway';
import type { Plain } from '../values';
import { checkedLabel, checkedRelType } from '../writes/write-tx';
import type { Scope } from './area-scope';

export { areaScope, type Scope } from './area-scope';

/** A node as exported: label, key, provenance, properties (as stored; the caller masks them). */
export interface ExportNode {
  label: Label;
  id: string;
  provenance: string;
  props: Record<string, Plain>;
  citations?: string[];
}

export interface ExportRel {
  type: RelType;
  from: { label: Label; id: string };
  to: { label: Label; id: string };
  props?: Record<string, Plain>;
}

/**
 * Labels of the published graph: the service's bookkeeping (audit entries, idempotency keys,
 * report proposals awaiting review) stays in its database.
 */
export const EXPORT_LABELS: readonly Label[] = LABELS.filter((l) => EXPOSED_LABELS.has(l));
/** SUPPORTED_BY is exported as each node's `citations` (as the loader reads it). */
const EXPORT_RELS: readonly RelType[] = REL_TYPES.filter((t) => t !== 'SUPPORTED_BY');

const PAGE = 20_000;

/**
 * Every node of the graph (or of one area's scope: see area-scope.ts), label by label in pages of 20,000
 * ordered by key (keyset paging), with the ids of the citations supporting it.
 */
export async function* exportNodes(gw: Gateway, scope: Scope | null): AsyncGenerator<ExportNode> {
  for (const label of EXPORT_LABELS) {
    const ids = scope ? [...(scope.get(label) ?? [])] : null;
    if (ids && ids.length === 0) continue;
    let after = '';
    for (;;) {
      const rows = await gw.read(
        `export.nodes.${label}`,
        `MATCH (n:${checkedLabel(label)}) WHERE n.id > $after AND ($ids IS NULL OR n.id IN $ids) ` +
          'RETURN n {.*} AS n, [(n)-[:SUPPORTED_BY]->(c:Citation) | c.id] AS citations ORDER BY n.id LIMIT $limit',
        { after, ids, limit: PAGE },
      );
      for (const r of rows) yield toNode(label, r.n as Record<string, Plain>, r.citations as string[]);
      if (rows.length < PAGE) break;
      after = String((rows.at(-1)!.n as Record<string, Plain>).id);
    }
  }
}

function toNode(label: Label, n: Record<string, Plain>, citations: string[]): ExportNode {
  const { id, provenance, ...rest } = n;
  const props: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(rest)) if (!DERIVED_PROPS.has(k) && v !== null) props[k] = v;
  return {
    label,
    id: String(id),
    provenance: String(provenance ?? 'REPORTED'),
    props,
    ...(citations.length ? { citations: [...citations].sort() } : {}),
  };
}

/** Every relationship among exported nodes, type by type (SUPPORTED_BY travels as `citations`). */
export async function* exportRels(gw: Gateway, scope: Scope | null): AsyncGenerator<ExportRel> {
  const inScope = (label: string, id: string) =>
    scope === null || (scope.get(label as Label)?.has(id) ?? false);
  for (const type of EXPORT_RELS) {
    const rows = await gw.read(
      `export.rels.${type}`,
      `MATCH (a)-[r:${checkedRelType(type)}]->(b) RETURN labels(a)[0] AS fl, a.id AS fi, labels(b)[0] AS tl, b.id AS ti, properties(r) AS p ORDER BY fl, fi, tl, ti`,
    );
    for (const r of rows) {
      const fl = String(r.fl);
      const tl = String(r.tl);
      if (!EXPOSED_LABELS.has(fl as Label) || !EXPOSED_LABELS.has(tl as Label)) continue;
      if (!inScope(fl, String(r.fi)) || !inScope(tl, String(r.ti))) continue;
      const p = r.p as Record<string, Plain>;
      yield {
        type,
        from: { label: fl as Label, id: String(r.fi) },
        to: { label: tl as Label, id: String(r.ti) },
        ...(Object.keys(p).length ? { props: p } : {}),
      };
    }
  }
}

/** An exported property value as the loader takes it back (plain values are PropValues). */
export const asPropValue = (v: Plain): PropValue => v as PropValue;
