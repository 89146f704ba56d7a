import { LABELS, REL_TYPES } from '../../domain/model';
import type { NodeRecord } from '../../domain/records';
import type { RowIssue } from '../../domain/validation/import-rows';
import type { Gateway } from '../gateway';
import { DatedWithinCheck, datesOf } from './dated-within-check';
import { DumpCheck } from './dump-check';
import { EntityStateCheck, unitFactsOf, type UnitFacts } from './entity-state-check';
import { MergedOrdersCheck, orderGapsOf } from './merged-orders-check';
import { pairingFactsOf, type PairingFacts } from './graph-pairings';
import { PairingCheck } from './pairing-check';
import { UniquePropsCheck, uniqueValuesOf } from './unique-props-check';

/** What the checks across a dump take of one checked node, beyond its label, id and line. */
export interface AcrossFacts {
  citations: string[] | null;
  /** datesOf: a pairing's validity, a project's or visit's date. */
  dates: string[] | null;
  /** pairingFactsOf: what the pairing rules read. */
  facts: PairingFacts | null;
  /** orderGapsOf: the dates of DATE_ORDERS when one is left out. */
  orders: Record<string, string | null> | null;
  /** unitFactsOf: a unit's kind and designations. */
  unit: UnitFacts | null;
  /** uniqueValuesOf: the values of its label's unique properties (a household's ID number hash). */
  unique: Record<string, string> | null;
}

/** A node's AcrossFacts, or null when it has none (most nodes: the threads send less). */
export function acrossFacts(n: NodeRecord): AcrossFacts | null {
  const f = {
    citations: n.citations ?? null,
    dates: datesOf(n.label, n.props),
    facts: pairingFactsOf(n.label, n.props),
    orders: orderGapsOf(n.label, n.props),
    unit: unitFactsOf(n.label, n.props),
    unique: uniqueValuesOf(n.label, n.props),
  };
  return f.citations || f.dates || f.facts || f.orders || f.unit || f.unique ? f : null;
}

/**
 * Every check across a whole graph dump, fed one checked record at a time in any order (threads
 * interleave), labels and types as codes (labelCode, relTypeCode): ends, citations, required
 * relationships and repeats (DumpCheck), dates within a pairing (DatedWithinCheck),
 * createPairing's rules (PairingCheck), the ledger entities' rules across records
 * (EntityStateCheck) and unique values (UniquePropsCheck), and one node's date orders with the dates it leaves out, which stay the
 * graph's (MergedOrdersCheck). Both the dump read whole (checkGraphRecords) and the
 * streamed one (dump-files.ts) check through it.
 */
export class AcrossDump {
  private readonly refs = new DumpCheck();
  private readonly dated = new DatedWithinCheck();
  private readonly pairings = new PairingCheck();
  private readonly orders = new MergedOrdersCheck();
  private readonly entities = new EntityStateCheck();
  private readonly unique = new UniquePropsCheck();

  /** A record came twice (DumpCheck.repeated). */
  get repeated(): boolean {
    return this.refs.repeated;
  }

  node(label: number, id: string, line: number, f: AcrossFacts | null): void {
    this.refs.node(label, id, line, f?.citations ?? null);
    if (f === null) return;
    this.dated.node(LABELS[label], id, line, f.dates);
    this.pairings.node(LABELS[label], id, line, f.facts);
    this.orders.node(LABELS[label], id, line, f.orders);
    this.entities.node(LABELS[label], id, line, f.unit);
    this.unique.node(LABELS[label], id, line, f.unique);
  }

  rel(type: number, fromLabel: number, fromId: string, toLabel: number, toId: string, line: number): void {
    this.refs.rel(type, fromLabel, fromId, toLabel, toId, line);
    const [t, from, to] = [REL_TYPES[type], LABELS[fromLabel], LABELS[toLabel]];
    this.dated.rel(t, from, fromId, to, toId, line);
    this.pairings.rel(t, from, fromId, to, toId, line);
    this.entities.rel(t, from, fromId, to, toId, line);
  }

  /** The issues of the whole dump, in line order, after reading from the graph (`gw`, null for none) what it lacks. */
  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    const all = [
      ...(await this.refs.issues(gw)),
      ...(await this.dated.issues(gw)),
      ...(await this.pairings.issues(gw)),
      ...(await this.orders.issues(gw)),
      ...(await this.entities.issues(gw)),
      ...(await this.unique.issues(gw)),
    ];
    // by line, then by text: the order records arrived in (threads interleave) must not show
    return all.sort(
      (a, b) => a.line - b.line || a.field.localeCompare(b.field) || a.problem.localeCompare(b.problem),
    );
  }
}
