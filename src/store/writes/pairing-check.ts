import {
  OPEN_END,
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
import { checkPairing } from '../../domain/validation/pairing-rules';
import type { Gateway } from '../gateway';
import {
  endKey,
  FACT_LABELS,
  GraphPairings,
  hasGap,
  merged,
  type End,
  type PairingFacts,
  type Seen,
} from './graph-pairings';
import { overlapIssues, type PairingSpan } from './pairing-overlaps';

type Which = 'helper' | 'beneficiary' | 'programme';
const END_REL: Partial<Record<RelType, Which>> = {
  HELPER: 'helper',
  BENEFICIARY: 'beneficiary',
  UNDER: 'programme',
};

/**
 * A graph dump's pairings held to createPairing's rules, with its words: the legality table
 * (checkPairing: category, kind, level, the helper's label, level and rank, the beneficiary's label
 * and unit kind) and no overlap in time with another pairing of the same helper, beneficiary, kind
 * and programme (overlapIssues) — with whatever the dump holds of a pairing, its relationships and
 * their ends, and the graph the rest (a value the dump leaves out is the graph's: an import MERGEs
 * properties). A pairing of the graph is checked again when the dump changes its helper's level or
 * rank. A pairing without a category (a reported one of unknown category) is not checked against
 * the table, and one without a level skips the level rules, as the graph's rules allow both. Fed
 * one checked record at a time, in any order.
 */
export class PairingCheck {
  private readonly pairings = new Map<string, Seen>();
  /** Helpers and beneficiaries of the dump whose facts the table reads, by label and id. */
  private readonly ends = new Map<Label, Map<string, Seen>>();
  private readonly interned = new Map<string, PairingFacts>();
  private readonly links: Record<Which, Map<string, End>> = {
    helper: new Map(),
    beneficiary: new Map(),
    programme: new Map(),
  };

  node(label: Label, id: string, line: number, facts: PairingFacts | null): void {
    if (facts === null) return;
    if (label === 'Pairing') {
      // one object per distinct facts (pairings share kinds, levels and dates), not one per pairing
      const k = Object.values(facts).join('\u0000');
      const shared = this.interned.get(k) ?? facts;
      this.interned.set(k, shared);
      this.pairings.set(id, { facts: shared, line });
    } else {
      const byId = this.ends.get(label) ?? new Map<string, Seen>();
      this.ends.set(label, byId.set(id, { facts, line }));
    }
  }

  rel(type: RelType, from: Label, fromId: string, to: Label, toId: string, line: number): void {
    const which = END_REL[type];
    if (which && from === 'Pairing' && !this.links[which].has(fromId))
      this.links[which].set(fromId, { label: to, id: toId, line });
  }

  /** The issues, after reading from the graph (`gw`, null for none) what the dump lacks. */
  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    /** Pairing id → a dump line that writes it (its record, or a relationship of it). */
    const written = new Map<string, number>();
    for (const [id, p] of this.pairings) written.set(id, p.line);
    for (const links of Object.values(this.links))
      for (const [id, e] of links) if (!written.has(id)) written.set(id, e.line);
    const graph = new GraphPairings();
    // and the graph's pairings whose helper or beneficiary the dump changes
    const affected = new Map(written);
    for (const [id, line] of await graph.pairingsOf(gw, this.ends))
      if (!affected.has(id)) affected.set(id, line);
    await graph.read(
      gw,
      [...affected.keys()].filter((id) => !this.whole(id) || hasGap(this.pairings.get(id)?.facts)),
    );
    await graph.readEnds(gw, this.endsToRead(affected, graph));
    const issues: RowIssue[] = [];
    for (const [id, line] of affected) issues.push(...this.legality(id, line, graph));
    issues.push(...(await overlapIssues(gw, this.spans(written, graph), 'rel')));
    return issues; // in arrival order: AcrossDump sorts the issues of every check
  }

  /** True when the dump holds the pairing and all its relationships (none of them left to the graph). */
  private whole(id: string): boolean {
    return this.pairings.has(id) && Object.values(this.links).every((l) => l.has(id));
  }

  /** The dump's record of an end, if it holds one. */
  private endIn(e: End): Seen | undefined {
    return this.ends.get(e.label)?.get(e.id);
  }

  private endOf(which: Which, id: string, graph: GraphPairings): End | undefined {
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

  /** The pairings the dump writes, as they would be stored. */
  private spans(written: Map<string, number>, graph: GraphPairings): PairingSpan[] {
    const out: PairingSpan[] = [];
    for (const [id, line] of written) {
      const p = merged(this.pairings.get(id)?.facts, graph.pairings.get(id));
      const [helper, beneficiary] = [this.endOf('helper', id, graph), this.endOf('beneficiary', id, graph)];
      if (!p?.kind || !p.validFrom || !helper || !beneficiary) continue;
      out.push({
        key: id,
        line,
        helper,
        beneficiary,
        kind: p.kind,
        programme: this.endOf('programme', id, graph)?.id ?? '',
        validFrom: p.validFrom,
        validTo: p.validTo ?? OPEN_END,
        field: this.pairings.has(id) ? 'node.props.validFrom' : undefined,
      });
    }
    return out;
  }

  private legality(id: string, touched: number, graph: GraphPairings): RowIssue[] {
    const own = this.pairings.get(id);
    const p = merged(own?.facts, graph.pairings.get(id));
    const h = this.endOf('helper', id, graph);
    const b = this.endOf('beneficiary', id, graph);
    if (!p?.category || !p.kind || !h || !b) return [];
    const facts = (e: End) =>
      FACT_LABELS.has(e.label) ? merged(this.endIn(e)?.facts, graph.ends.get(endKey(e.label, e.id))) : {};
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
