import type { Label } from '../../domain/model';
import type { RowIssue } from '../../domain/validation/import-rows';
import { Issues } from '../../domain/validation/issues';
import { checkNodeRules, DATE_ORDERS } from '../../domain/validation/node-rules';
import type { Gateway } from '../gateway';
import { readInChunks } from './read-chunks';
import { checkedLabel } from './write-tx';

/** The dates a label's DATE_ORDERS compare (constant property names, safe in a statement). */
const ORDER_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(DATE_ORDERS).map(([label, orders]) => [
    label,
    [...new Set(orders.flatMap((o) => [o.from, o.to]))],
  ]),
);

/**
 * A node's DATE_ORDERS dates when the dump leaves one of them out (null stands for it), else null:
 * checkGraphRecord held the dates the record gives to the rules, but an import MERGEs properties
 * onto a node the graph holds, so one it leaves out stays the graph's and must be compared too.
 */
export function orderGapsOf(
  label: Label,
  props: Readonly<Record<string, unknown>>,
): Record<string, string | null> | null {
  const fields = ORDER_FIELDS[label];
  if (!fields || fields.every((f) => typeof props[f] === 'string')) return null;
  return Object.fromEntries(fields.map((f) => [f, typeof props[f] === 'string' ? props[f] : null]));
}

/**
 * The rules across one node's dates (DATE_ORDERS: validTo after validFrom, resolvedOn not before
 * foundOn) on the node as the import leaves it: for the dump's nodes that leave a date out, the
 * graph's date for it (nothing to compare without a graph, or if it holds no such node), with the
 * words and fields checkGraphRecord uses.
 */
export class MergedOrdersCheck {
  private readonly byLabel = new Map<
    Label,
    { id: string; line: number; dates: Record<string, string | null> }[]
  >();

  node(label: Label, id: string, line: number, gaps: Record<string, string | null> | null): void {
    if (gaps === null) return;
    const list = this.byLabel.get(label);
    if (list) list.push({ id, line, dates: gaps });
    else this.byLabel.set(label, [{ id, line, dates: gaps }]);
  }

  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    const issues: RowIssue[] = [];
    for (const [label, nodes] of this.byLabel) {
      const fields = ORDER_FIELDS[label];
      const rows = await readInChunks(
        gw,
        `import.mergedOrders.${label}`,
        `UNWIND $ids AS id MATCH (n:${checkedLabel(label)} {id: id}) ` +
          `RETURN id, [${fields.map((f) => `toString(n.${f})`).join(', ')}] AS dates`,
        nodes.map((n) => n.id),
      );
      const stored = new Map(rows.map((r) => [String(r.id), r.dates as (string | null)[]]));
      for (const n of nodes) {
        const s = stored.get(n.id);
        if (!s) continue;
        const props = Object.fromEntries(fields.map((f, k) => [f, n.dates[f] ?? s[k]]));
        const is = new Issues('node');
        checkNodeRules(is, label, props, (p) => `props.${p}`);
        for (const x of is.list) issues.push({ line: n.line, ...x });
      }
    }
    return issues;
  }
}
