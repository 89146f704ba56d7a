import { HELPER_LABELS, LABELS, OPEN_END, type Label } from '../../domain/model';
import { helperFacts } from '../../domain/validation/pairing-rules';
import type { Gateway } from '../gateway';
import { readInChunks } from './read-chunks';
import { checkedLabel } from './write-tx';

/**
 * What the rules of a pairing read of a node (PairingCheck): a pairing's category, kind, level and
 * validity, an Organization's level, a Person's rank, an AdminUnit's unit kind; null for the other
 * labels (of an Enterprise, a Household or a Student the legality table reads only the label). A
 * value left out (null) is the graph's, if it holds the node: an import MERGEs properties onto it.
 * Small and flat, so a dump's thread can send it with the node's id.
 */
export type PairingFacts = Readonly<Record<string, string | null>>;

const str = (v: unknown) => (typeof v === 'string' ? v : null);
export const HELPERS: ReadonlySet<Label> = new Set(HELPER_LABELS);
/** The ends whose properties the table reads; of the others (Enterprise, Household, Student) only the label. */
export const FACT_LABELS: ReadonlySet<Label> = new Set(['Organization', 'Person', 'AdminUnit']);

export function pairingFactsOf(label: Label, props: Readonly<Record<string, unknown>>): PairingFacts | null {
  if (label === 'Pairing')
    return {
      category: str(props.category),
      kind: str(props.kind),
      level: str(props.level),
      validFrom: str(props.validFrom),
      validTo: str(props.validTo),
    };
  if (label === 'Organization') return { level: helperFacts(label, props).level ?? null };
  if (label === 'Person') return { rank: helperFacts(label, props).rank ?? null };
  if (label === 'AdminUnit') return { unitKind: str(props.kind) };
  return null;
}

/** True when a fact is left out, so the graph's value may stand. */
export const hasGap = (f: PairingFacts | undefined): boolean =>
  f !== undefined && Object.values(f).some((v) => v === null);

/** The facts after the import: the dump's, each one left out the graph's. */
export function merged(
  dump: PairingFacts | undefined,
  stored: PairingFacts | undefined,
): PairingFacts | undefined {
  if (!dump || !stored) return dump ?? stored;
  return Object.fromEntries(Object.entries(dump).map(([k, v]) => [k, v ?? stored[k] ?? null]));
}

/** A node of the dump: its facts and line. */
export interface Seen {
  facts: PairingFacts;
  line: number;
}

/** One end of a pairing (its helper, beneficiary or programme), and the dump line of the relationship (0: the graph's). */
export interface End {
  label: Label;
  id: string;
  line: number;
}

export const endKey = (label: string, id: string): string => `${label}\u0000${id}`;

/** What the graph holds of the pairings a dump touches: their facts, ends and programme, and the ends' facts. */
export class GraphPairings {
  readonly pairings = new Map<string, PairingFacts>();
  readonly links = {
    helper: new Map<string, End>(),
    beneficiary: new Map<string, End>(),
    programme: new Map<string, End>(),
  };
  readonly ends = new Map<string, PairingFacts>();

  /** The graph's pairings of the dump's helpers and beneficiaries, with the end's line. */
  async pairingsOf(gw: Gateway | null, ends: Map<Label, Map<string, Seen>>): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const [label, byId] of ends) {
      const rel = HELPERS.has(label) ? 'HELPER' : 'BENEFICIARY';
      const rows = await readInChunks(
        gw,
        `import.pairings.of.${label}`,
        `UNWIND $ids AS id MATCH (:${checkedLabel(label)} {id: id})<-[:${rel}]-(p:Pairing) RETURN id, p.id AS pairing`,
        [...byId.keys()],
      );
      for (const r of rows) out.set(String(r.pairing), byId.get(String(r.id))!.line);
    }
    return out;
  }

  /** The pairings' facts, ends and programme as the graph holds them. */
  async read(gw: Gateway | null, ids: string[]): Promise<void> {
    const rows = await readInChunks(
      gw,
      'import.pairings.stored',
      'UNWIND $ids AS id MATCH (p:Pairing {id: id}) ' +
        'OPTIONAL MATCH (p)-[:HELPER]->(h) OPTIONAL MATCH (p)-[:BENEFICIARY]->(b) ' +
        'RETURN id, p.category AS category, p.kind AS kind, p.level AS level, ' +
        'toString(p.validFrom) AS validFrom, toString(p.validTo) AS validTo, ' +
        'labels(h)[0] AS hl, h.id AS hid, labels(b)[0] AS bl, b.id AS bid, ' +
        '[(p)-[:UNDER]->(g:Programme) | g.id][0] AS programme',
      ids,
    );
    for (const r of rows) {
      const id = String(r.id);
      this.pairings.set(id, {
        category: str(r.category),
        kind: str(r.kind),
        level: str(r.level),
        validFrom: str(r.validFrom),
        validTo: str(r.validTo) ?? OPEN_END,
      });
      if (r.hid !== null) this.links.helper.set(id, { label: r.hl as Label, id: String(r.hid), line: 0 });
      if (r.bid !== null)
        this.links.beneficiary.set(id, { label: r.bl as Label, id: String(r.bid), line: 0 });
      if (r.programme !== null)
        this.links.programme.set(id, { label: 'Programme', id: String(r.programme), line: 0 });
    }
  }

  /** The facts of ends the dump does not hold, or holds with a fact left out. */
  async readEnds(gw: Gateway | null, ends: End[]): Promise<void> {
    const byLabel = new Map<Label, Set<string>>();
    for (const e of ends) byLabel.set(e.label, (byLabel.get(e.label) ?? new Set()).add(e.id));
    for (const [label, set] of byLabel) {
      if (!LABELS.includes(label)) continue;
      const rows = await readInChunks(
        gw,
        `import.pairings.ends.${label}`,
        `UNWIND $ids AS id MATCH (n:${checkedLabel(label)} {id: id}) RETURN id, n.level AS level, n.rank AS rank, n.kind AS kind`,
        [...set],
      );
      for (const r of rows) {
        const f = pairingFactsOf(label, r);
        if (f) this.ends.set(endKey(label, String(r.id)), f);
      }
    }
  }
}
