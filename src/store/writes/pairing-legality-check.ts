import {
  HELPER_LABELS,
  LABELS,
  type Category,
  type Label,
  type Level,
  type PairingKind,
  type Rank,
  type RelType,
  type UnitKind,
} from '../../domain/model';
import type { RowIssue } from '../../domain/validation/import-rows';
import { Issues } from '../../domain/validation/issues';
import { checkPairing, helperFacts } from '../../domain/validation/pairing-rules';
import type { Gateway } from '../gateway';
import { checkedLabel } from './write-tx';

/**
 * What the legality table (LEGAL_PAIRINGS) reads of a node: a pairing's category, kind and level,
 * an Organization's level, a Person's rank, an AdminUnit's unit kind; null for the other labels
 * (of an Enterprise, a Household or a Student the table reads only the label). A value left out (null) is
 * the graph's, if it holds the node: an import MERGEs properties onto it. Small and flat, so a
 * dump's thread can send it with the node's id.
 */
export type PairingFacts = Readonly<Record<string, string | null>>;

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const HELPERS: ReadonlySet<Label> = new Set(HELPER_LABELS);
/** The ends whose properties the table reads; of the others (Enterprise, Household, Student) only the label. */
const FACT_LABELS: ReadonlySet<Label> = new Set(['Organization', 'Person', 'AdminUnit']);

export function pairingFactsOf(label: Label, props: Readonly<Record<string, unknown>>): PairingFacts | null {
  if (label === 'Pairing')
    return { category: str(props.category), kind: str(props.kind), level: str(props.level) };
  if (label === 'Organization') return { level: helperFacts(label, props).level ?? null };
  if (label === 'Person') return { rank: helperFacts(label, props).rank ?? null };
  if (label === 'AdminUnit') return { unitKind: str(props.kind) };
  return null;
}

/** True when a fact is left out, so the graph's value may stand. */
const hasGap = (f: PairingFacts | undefined) => f !== undefined && Object.values(f).some((v) => v === null);

/** The facts after the import: the dump's, each one left out the graph's. */
function merged(dump: PairingFacts | undefined, stored: PairingFacts | undefined): PairingFacts | undefined {
  if (!dump || !stored) return dump ?? stored;
  return Object.fromEntries(Object.entries(dump).map(([k, v]) => [k, v ?? stored[k] ?? null]));
}

interface Seen {
  facts: PairingFacts;
  line: number;
}
/** One end of a pairing: the node, and the dump line of the relationship (0: the graph's). */
interface End {
  label: Label;
  id: string;
  line: number;
}

const key = (label: string, id: string) => `${label}\u0000${id}`;
const END_REL: Partial<Record<RelType, 'helper' | 'beneficiary'>> = {
  HELPER: 'helper',
  BENEFICIARY: 'beneficiary',
};

/**
 * A graph dump's pairings checked against the legality table as createPairing and the ledger
 * import check them (checkPairing, with their words): category, kind, level, the helper's label,
 * level and rank, the beneficiary's label and unit kind — with whatever the dump holds of the
 * pairing, its two relationships and its two ends, and the graph the rest; a pairing of the graph is
 * checked again when the dump changes one of its ends. A value the dump leaves out is the graph's
 * (an import MERGEs properties). A pairing without a category (a reported one of unknown
 * category) is not checked, and one without a level skips the level rules, as the graph's rules
 * allow both. Fed one checked record at a time, in any order.
 */
export class PairingLegalityCheck {
  private readonly pairings = new Map<string, Seen>();
  /** Helpers and beneficiaries of the dump, by label and id. */
  private readonly ends = new Map<Label, Map<string, Seen>>();
  /** One object per distinct pairing facts (a few dozen), not one per pairing. */
  private readonly interned = new Map<string, PairingFacts>();
  private readonly links = { helper: new Map<string, End>(), beneficiary: new Map<string, End>() };

  node(label: Label, id: string, line: number, facts: PairingFacts | null): void {
    if (facts === null) return;
    if (label === 'Pairing') {
      const k = `${facts.category}|${facts.kind}|${facts.level}`;
      const shared = this.interned.get(k) ?? facts;
      this.interned.set(k, shared);
      this.pairings.set(id, { facts: shared, line });
    } else {
      const byId = this.ends.get(label) ?? new Map<string, Seen>();
      this.ends.set(label, byId.set(id, { facts, line }));
    }
  }

  rel(type: RelType, from: Label, fromId: string, to: Label, toId: string, line: number): void {
    const end = END_REL[type];
    if (end && from === 'Pairing' && !this.links[end].has(fromId))
      this.links[end].set(fromId, { label: to, id: toId, line });
  }

  /** The issues, after reading from the graph (`gw`, null for none) what the dump lacks. */
  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    const affected = new Map<string, number>(); // pairing id → a dump line that touches it
    for (const [id, p] of this.pairings) affected.set(id, p.line);
    for (const end of ['helper', 'beneficiary'] as const)
      for (const [id, e] of this.links[end]) if (!affected.has(id)) affected.set(id, e.line);
    const graph = new GraphPairings();
    for (const [id, line] of await graph.pairingsOf(gw, this.ends))
      if (!affected.has(id)) affected.set(id, line);
    await graph.read(
      gw,
      [...affected.keys()].filter((id) => !this.known(id) || hasGap(this.pairings.get(id)?.facts)),
    );
    await graph.readEnds(gw, this.endsToRead(affected, graph));
    const issues: RowIssue[] = [];
    for (const [id, line] of affected) issues.push(...this.check(id, line, graph));
    return issues.sort(
      (a, b) => a.line - b.line || a.field.localeCompare(b.field) || a.problem.localeCompare(b.problem),
    );
  }

  /** True when the dump holds the pairing and both its relationships. */
  private known(id: string): boolean {
    return this.pairings.has(id) && this.links.helper.has(id) && this.links.beneficiary.has(id);
  }

  /** The dump's record of an end, if it holds one. */
  private endIn(e: End): Seen | undefined {
    return this.ends.get(e.label)?.get(e.id);
  }

  private endOf(which: 'helper' | 'beneficiary', id: string, graph: GraphPairings): End | undefined {
    return this.links[which].get(id) ?? graph.links[which].get(id);
  }

  private endsToRead(affected: Map<string, number>, graph: GraphPairings): End[] {
    const out: End[] = [];
    for (const id of affected.keys())
      for (const which of ['helper', 'beneficiary'] as const) {
        const e = this.endOf(which, id, graph);
        if (e && FACT_LABELS.has(e.label) && (!this.endIn(e) || hasGap(this.endIn(e)?.facts))) out.push(e);
      }
    return out;
  }

  private check(id: string, touched: number, graph: GraphPairings): RowIssue[] {
    const own = this.pairings.get(id);
    const p = merged(own?.facts, graph.pairings.get(id));
    const h = this.endOf('helper', id, graph);
    const b = this.endOf('beneficiary', id, graph);
    if (!p?.category || !p.kind || !h || !b) return [];
    const facts = (e: End) =>
      FACT_LABELS.has(e.label) ? merged(this.endIn(e)?.facts, graph.ends.get(key(e.label, e.id))) : {};
    const hf = facts(h);
    const bf = facts(b);
    if (!hf || !bf) return [];
    // the values are the graph's or were checked against their enums with the dump's record;
    // without a level, the pairing cannot be held to its helper's
    const level = p.level as Level;
    const is = new Issues('');
    checkPairing(
      is,
      { category: p.category as Category, kind: p.kind as PairingKind, level },
      {
        label: h.label,
        level: level ? ((hf.level ?? null) as Level | null) : null,
        rank: level ? ((hf.rank ?? null) as Rank | null) : null,
      },
      { label: b.label, unitKind: (bf.unitKind ?? null) as UnitKind | null },
    );
    if (own)
      return is.list.map((i) => ({
        line: own.line,
        field: `node.props.${FIELD[i.field]}`,
        problem: i.problem,
      }));
    return is.list.map((i) => ({
      line: touched,
      field: 'node',
      problem: `pairing ${JSON.stringify(id)}: ${i.problem}`,
    }));
  }
}

/** checkPairing's field → the pairing's property at fault in a dump. */
const FIELD: Record<string, string> = {
  helperId: 'category',
  kind: 'kind',
  beneficiaryId: 'kind',
  level: 'level',
};

const CHUNK = 5_000;

/** What the graph holds of the pairings a dump touches. */
class GraphPairings {
  readonly pairings = new Map<string, PairingFacts>();
  readonly links = { helper: new Map<string, End>(), beneficiary: new Map<string, End>() };
  readonly ends = new Map<string, PairingFacts>();

  /** The graph's pairings of the dump's helpers and beneficiaries, with the end's line. */
  async pairingsOf(gw: Gateway | null, ends: Map<Label, Map<string, Seen>>): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!gw) return out;
    for (const [label, byId] of ends) {
      const rel = HELPERS.has(label) ? 'HELPER' : 'BENEFICIARY';
      const ids = [...byId.keys()];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await gw.read(
          `import.pairingLegality.of.${label}`,
          `UNWIND $ids AS id MATCH (:${checkedLabel(label)} {id: id})<-[:${rel}]-(p:Pairing) RETURN id, p.id AS pairing`,
          { ids: ids.slice(i, i + CHUNK) },
        );
        for (const r of rows) out.set(String(r.pairing), byId.get(String(r.id))!.line);
      }
    }
    return out;
  }

  /** The pairings' facts and ends as the graph holds them. */
  async read(gw: Gateway | null, ids: string[]): Promise<void> {
    for (let i = 0; gw && i < ids.length; i += CHUNK) {
      const rows = await gw.read(
        'import.pairingLegality.pairings',
        'UNWIND $ids AS id MATCH (p:Pairing {id: id}) ' +
          'OPTIONAL MATCH (p)-[:HELPER]->(h) OPTIONAL MATCH (p)-[:BENEFICIARY]->(b) ' +
          'RETURN id, p.category AS category, p.kind AS kind, p.level AS level, ' +
          'labels(h)[0] AS hl, h.id AS hid, labels(b)[0] AS bl, b.id AS bid',
        { ids: ids.slice(i, i + CHUNK) },
      );
      for (const r of rows) {
        const id = String(r.id);
        this.pairings.set(id, { category: str(r.category), kind: str(r.kind), level: str(r.level) });
        if (r.hid !== null) this.links.helper.set(id, { label: r.hl as Label, id: String(r.hid), line: 0 });
        if (r.bid !== null)
          this.links.beneficiary.set(id, { label: r.bl as Label, id: String(r.bid), line: 0 });
      }
    }
  }

  /** The facts of ends the dump does not hold. */
  async readEnds(gw: Gateway | null, ends: End[]): Promise<void> {
    const byLabel = new Map<Label, Set<string>>();
    for (const e of ends) byLabel.set(e.label, (byLabel.get(e.label) ?? new Set()).add(e.id));
    for (const [label, set] of byLabel) {
      if (!gw || !LABELS.includes(label)) continue;
      const ids = [...set];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await gw.read(
          `import.pairingLegality.ends.${label}`,
          `UNWIND $ids AS id MATCH (n:${checkedLabel(label)} {id: id}) RETURN id, n.level AS level, n.rank AS rank, n.kind AS kind`,
          { ids: ids.slice(i, i + CHUNK) },
        );
        for (const r of rows) {
          const f = pairingFactsOf(label, r);
          if (f) this.ends.set(key(label, String(r.id)), f);
        }
      }
    }
  }
}
