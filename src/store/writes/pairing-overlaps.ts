import type { Label } from '../../domain/model';
import type { NodeKey } from '../../domain/node-key';
import type { RowIssue } from '../../domain/validation/import-rows';
import type { Gateway } from '../gateway';
import { checkedLabel } from './write-tx';

/** A pairing as an import would leave it: who helps whom, how, under which programme, when. */
export interface PairingSpan {
  key: string;
  line: number;
  helper: NodeKey;
  beneficiary: NodeKey;
  kind: string;
  /** The programme's key, '' for none. */
  programme: string;
  /** The half-open validity; validTo OPEN_END when open. */
  validFrom: string;
  validTo: string;
  /** Where an issue goes, when not the `field` overlapIssues is given. */
  field?: string;
}

/** createPairing's words for two pairings that overlap, naming the other one. */
export const overlapProblem = (other: string, kind: string): string =>
  `pairing ${other} already pairs this helper and beneficiary (${kind}, same programme) in an overlapping period`;

const CHUNK = 2_000;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rule createPairing keeps (no two pairings of one helper, beneficiary, kind and programme
 * overlap in time) over pairings an import writes: each two spans of the list that overlap (the
 * later line is at fault) and each span against the graph's pairings the list does not rewrite. One
 * issue per span at fault, at `field` (or the span's own), naming the other pairing (the smallest
 * key among the graph's).
 */
export async function overlapIssues(
  gw: Gateway | null,
  spans: readonly PairingSpan[],
  field: string,
): Promise<RowIssue[]> {
  const issues = new Map<number, RowIssue>();
  const add = (s: PairingSpan, other: string) =>
    issues.has(s.line) ||
    issues.set(s.line, { line: s.line, field: s.field ?? field, problem: overlapProblem(other, s.kind) });
  // sorted by the four, then by start: a span overlaps an earlier one of its four exactly when
  // that one ends after it starts; the later line of the two is at fault (no key string per span)
  const sorted = [...spans].sort(
    (a, b) =>
      cmp(a.helper.label, b.helper.label) ||
      cmp(a.helper.id, b.helper.id) ||
      cmp(a.beneficiary.label, b.beneficiary.label) ||
      cmp(a.beneficiary.id, b.beneficiary.id) ||
      cmp(a.kind, b.kind) ||
      cmp(a.programme, b.programme) ||
      cmp(a.validFrom, b.validFrom) ||
      a.line - b.line,
  );
  let open: PairingSpan[] = [];
  for (const s of sorted) {
    const o = open[0];
    const same =
      o !== undefined &&
      o.helper.label === s.helper.label &&
      o.helper.id === s.helper.id &&
      o.beneficiary.label === s.beneficiary.label &&
      o.beneficiary.id === s.beneficiary.id &&
      o.kind === s.kind &&
      o.programme === s.programme;
    open = same ? open.filter((e) => e.validTo > s.validFrom) : [];
    for (const e of open.sort((a, b) => a.line - b.line)) {
      if (!(e.validFrom < s.validTo)) continue; // only when s's own validity is empty (refused elsewhere)
      if (e.line < s.line) add(s, e.key);
      else add(e, s.key);
    }
    open.push(s);
  }
  if (gw) {
    const keys = new Set(spans.map((s) => s.key));
    const byLabels = new Map<string, PairingSpan[]>();
    for (const s of spans) {
      const k = `${s.helper.label}\u0000${s.beneficiary.label}`;
      const list = byLabels.get(k);
      if (list) list.push(s);
      else byLabels.set(k, [s]);
    }
    for (const list of byLabels.values()) {
      const [h, b] = [
        checkedLabel(list[0].helper.label as Label),
        checkedLabel(list[0].beneficiary.label as Label),
      ];
      const byLine = new Map(list.map((s) => [s.line, s]));
      for (let i = 0; i < list.length; i += CHUNK) {
        const rows = await gw.read(
          'import.pairingOverlaps',
          `UNWIND $spans AS s MATCH (:${h} {id: s.helper})<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(:${b} {id: s.beneficiary}) ` +
            'WHERE p.kind = s.kind AND p.validFrom < date(s.validTo) AND date(s.validFrom) < p.validTo ' +
            "AND coalesce([(p)-[:UNDER]->(g:Programme) | g.id][0], '') = s.programme " +
            'RETURN s.line AS line, collect(p.id) AS others',
          {
            spans: list.slice(i, i + CHUNK).map((s) => ({
              line: s.line,
              helper: s.helper.id,
              beneficiary: s.beneficiary.id,
              kind: s.kind,
              programme: s.programme,
              validFrom: s.validFrom,
              validTo: s.validTo,
            })),
          },
        );
        for (const r of rows) {
          // the graph's pairings the list rewrites are compared as the list has them
          const others = (r.others as string[]).filter((o) => !keys.has(o)).sort();
          if (others.length) add(byLine.get(Number(r.line))!, others[0]);
        }
      }
    }
  }
  return [...issues.values()].sort((a, b) => a.line - b.line);
}
