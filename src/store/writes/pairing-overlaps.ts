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
}

/** createPairing's words for two pairings that overlap, naming the other one. */
export const overlapProblem = (other: string, kind: string): string =>
  `pairing ${other} already pairs this helper and beneficiary (${kind}, same programme) in an overlapping period`;

const CHUNK = 2_000;

/**
 * The rule createPairing keeps (no two pairings of one helper, beneficiary, kind and programme
 * overlap in time) over pairings an import writes: each span against the earlier spans of the list
 * (by line) and against the graph's pairings the list does not rewrite. One issue per span at
 * fault, at `field`, naming the other pairing (the smallest key among the graph's).
 */
export async function overlapIssues(
  gw: Gateway | null,
  spans: readonly PairingSpan[],
  field: string,
): Promise<RowIssue[]> {
  const issues = new Map<number, RowIssue>();
  const add = (s: PairingSpan, other: string) =>
    issues.has(s.line) || issues.set(s.line, { line: s.line, field, problem: overlapProblem(other, s.kind) });
  const groups = new Map<string, PairingSpan[]>();
  for (const s of [...spans].sort((a, b) => a.line - b.line)) {
    const g = `${s.helper.label}\u0000${s.helper.id}\u0000${s.beneficiary.label}\u0000${s.beneficiary.id}\u0000${s.kind}\u0000${s.programme}`;
    const earlier = groups.get(g);
    const hit = earlier?.find((e) => e.validFrom < s.validTo && s.validFrom < e.validTo);
    if (hit) add(s, hit.key);
    if (earlier) earlier.push(s);
    else groups.set(g, [s]);
  }
  if (gw) {
    const keys = spans.map((s) => s.key);
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
      for (let i = 0; i < list.length; i += CHUNK) {
        const rows = await gw.read(
          'import.pairingOverlaps',
          `UNWIND $spans AS s MATCH (:${h} {id: s.helper})<-[:HELPER]-(p:Pairing)-[:BENEFICIARY]->(:${b} {id: s.beneficiary}) ` +
            'WHERE NOT p.id IN $keys AND p.kind = s.kind AND p.validFrom < date(s.validTo) AND date(s.validFrom) < p.validTo ' +
            "AND coalesce([(p)-[:UNDER]->(g:Programme) | g.id][0], '') = s.programme " +
            'RETURN s.line AS line, min(p.id) AS other',
          {
            keys,
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
        const byLine = new Map(list.map((s) => [s.line, s]));
        for (const r of rows) add(byLine.get(Number(r.line))!, String(r.other));
      }
    }
  }
  return [...issues.values()].sort((a, b) => a.line - b.line);
}
