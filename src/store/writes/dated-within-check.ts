import { OPEN_END, type Label, type RelType } from '../../domain/model';
import { checkDependentsWithin, DATED_WITHIN, type DatedRecord } from '../../domain/validation/dated-within';
import { checkWithin } from '../../domain/validation/dates';
import type { RowIssue } from '../../domain/validation/import-rows';
import { Issues } from '../../domain/validation/issues';
import type { Gateway } from '../gateway';
import { readInChunks } from './read-chunks';
import { checkedLabel, checkedRelType } from './write-tx';

type Rule = (typeof DATED_WITHIN)[number];

/** A parent's validity [from, to) (`to` '': the dump leaves it out) or a child's date, and the dump line. */
interface Dated {
  from: string;
  to: string;
  line: number;
}

/** What the dump holds for one rule: its parents' validities, its children's dates, its links. */
interface RuleState {
  parents: Map<string, Dated>;
  /** A child's date (`from`, '' when left out; `to` unused). */
  children: Map<string, Dated>;
  /** A child's id → its parents' ids, with the dump line of the relationship (0: the graph's). */
  links: Map<string, { parent: string; line: number }[]>;
}

/**
 * The dates DATED_WITHIN relates, from a node's checked properties: a parent's validity [validFrom,
 * validTo] ('' for a validTo left out) or a child's date ([] when left out); null for a label no
 * rule names. A date left out is the graph's, if it holds the record (an import MERGEs properties
 * onto it), or none: an open end, an undated child.
 */
export function datesOf(label: Label, props: Readonly<Record<string, unknown>>): string[] | null {
  if (DATED_WITHIN.some((d) => d.parent === label))
    return [String(props.validFrom), typeof props.validTo === 'string' ? props.validTo : ''];
  const child = DATED_WITHIN.find((d) => d.child === label);
  if (!child) return null;
  const date = props[child.date];
  return typeof date === 'string' ? [date] : [];
}

/**
 * A graph dump's records dated within another record (a pairing's projects and visits, DATED_WITHIN)
 * checked across the dump and the graph, as the mutations check them: every such record linked to
 * its parent — by a relationship of the dump or one the graph already holds — lies in the parent's
 * half-open validity, with the dump's dates where it holds them and the graph's otherwise.
 * Fed one checked record at a time, in any order (threads interleave); holds the dates and lines
 * of the rules' labels only.
 */
export class DatedWithinCheck {
  private readonly byRule: RuleState[] = DATED_WITHIN.map(() => ({
    parents: new Map(),
    children: new Map(),
    links: new Map(),
  }));

  node(label: Label, id: string, line: number, dates: readonly string[] | null): void {
    if (dates === null) return;
    DATED_WITHIN.forEach((d, k) => {
      const r = this.byRule[k];
      if (d.parent === label) r.parents.set(id, { from: dates[0], to: dates[1], line });
      else if (d.child === label) r.children.set(id, { from: dates[0] ?? '', to: '', line });
    });
  }

  rel(type: RelType, from: Label, fromId: string, to: Label, toId: string, line: number): void {
    const k = DATED_WITHIN.findIndex((d) => d.rel === type && d.parent === from && d.child === to);
    if (k < 0) return;
    const links = this.byRule[k].links;
    const known = links.get(toId);
    if (known) known.push({ parent: fromId, line });
    else links.set(toId, [{ parent: fromId, line }]);
  }

  /** The issues, after reading from the graph (`gw`, null for none) the dates and links the dump lacks. */
  async issues(gw: Gateway | null): Promise<RowIssue[]> {
    const out: RowIssue[] = [];
    /** Per parent of the dump: its validity and the records outside it that only the graph dates (all rules). */
    const outside = new Map<string, { parent: string; v: Dated; records: DatedRecord[] }>();
    for (const [k, d] of DATED_WITHIN.entries())
      out.push(...(await this.ruleIssues(gw, d, this.byRule[k], outside)));
    for (const { parent, v, records } of outside.values()) {
      const is = new Issues('node.props');
      const field = records.every((x) => x.date < v.from) ? 'validFrom' : 'validTo';
      checkDependentsWithin(is, field, parent.toLowerCase(), v.from, v.to, records);
      for (const i of is.list) out.push({ line: v.line, ...i });
    }
    return out; // in arrival order: AcrossDump sorts the issues of every check
  }

  private async ruleIssues(
    gw: Gateway | null,
    d: Rule,
    r: RuleState,
    outside: Map<string, { parent: string; v: Dated; records: DatedRecord[] }>,
  ): Promise<RowIssue[]> {
    const graph = await graphSide(gw, d, [...r.parents.keys()], [...r.children.keys()]);
    const links = new Map([...r.links].map(([child, ps]) => [child, [...ps]]));
    for (const l of graph.links) {
      const known = links.get(l.child);
      if (!known) links.set(l.child, [{ parent: l.parent, line: 0 }]);
      else if (!known.some((x) => x.parent === l.parent)) known.push({ parent: l.parent, line: 0 });
    }
    const missing = { parents: new Set<string>(), children: new Set<string>() };
    for (const [child, ps] of links) {
      if (!r.children.get(child)?.from && !graph.dates.has(child)) missing.children.add(child);
      for (const p of ps)
        if (!r.parents.get(p.parent)?.to && !graph.validity.has(p.parent)) missing.parents.add(p.parent);
    }
    await graphDates(gw, d, missing, graph);
    /** The validity after the import: the dump's, its end left out the graph's (or open). */
    const validityOf = (id: string): Dated | undefined => {
      const own = r.parents.get(id);
      const stored = graph.validity.get(id);
      return own ? { ...own, to: own.to || stored?.to || OPEN_END } : stored;
    };
    const issues: RowIssue[] = [];
    for (const [child, ps] of links) {
      const inDump = r.children.get(child);
      const date = inDump?.from || graph.dates.get(child);
      if (!date) continue;
      for (const p of ps) {
        const v = validityOf(p.parent);
        if (!v || (date >= v.from && date < v.to)) continue;
        if (inDump) issues.push(...within(inDump.line, `node.props.${d.date}`, date, d, p.parent, v));
        else if (p.line > 0 && !r.parents.has(p.parent))
          issues.push(...within(p.line, 'rel', date, d, p.parent, v));
        else {
          const k = `${d.parent}\u0000${p.parent}`;
          const o = outside.get(k) ?? { parent: d.parent, v, records: [] };
          o.records.push({ label: d.child, key: child, date });
          outside.set(k, o);
        }
      }
    }
    return issues;
  }
}

/** checkWithin's words (the mutations'), naming the parent, as issues of one dump line. */
function within(line: number, field: string, date: string, d: Rule, parent: string, v: Dated): RowIssue[] {
  const is = new Issues('');
  checkWithin(is, field, date, `${d.parent.toLowerCase()} ${JSON.stringify(parent)}`, v.from, v.to);
  return is.list.map((i) => ({ line, ...i }));
}

interface GraphSide {
  /** Links the graph holds to or from a record of the dump. */
  links: { parent: string; child: string }[];
  /** Dates and validities the graph holds of records the dump does not. */
  dates: Map<string, string>;
  validity: Map<string, Dated>;
}

/** The graph's links of the dump's parents and children, with the other end's dates. */
async function graphSide(
  gw: Gateway | null,
  d: Rule,
  parents: string[],
  children: string[],
): Promise<GraphSide> {
  const side: GraphSide = { links: [], dates: new Map(), validity: new Map() };
  if (!gw) return side;
  const [p, rel, c] = [checkedLabel(d.parent), checkedRelType(d.rel), checkedLabel(d.child)];
  const below = await readInChunks(
    gw,
    `import.datedWithin.children.${c}`,
    `UNWIND $ids AS id MATCH (:${p} {id: id})-[:${rel}]->(c:${c}) ` +
      `RETURN id AS parent, c.id AS child, toString(c.${d.date}) AS date`,
    parents,
  );
  for (const row of below) {
    side.links.push({ parent: String(row.parent), child: String(row.child) });
    if (row.date !== null) side.dates.set(String(row.child), String(row.date));
  }
  const above = await readInChunks(
    gw,
    `import.datedWithin.parents.${c}`,
    `UNWIND $ids AS id MATCH (n:${p})-[:${rel}]->(:${c} {id: id}) ` +
      'RETURN n.id AS parent, id AS child, toString(n.validFrom) AS from, toString(n.validTo) AS to',
    children,
  );
  for (const row of above) {
    side.links.push({ parent: String(row.parent), child: String(row.child) });
    side.validity.set(String(row.parent), validity(row));
  }
  return side;
}

/** Adds to `side` the graph's dates of children and validities of parents the dump links but does not hold. */
async function graphDates(
  gw: Gateway | null,
  d: Rule,
  missing: { parents: Set<string>; children: Set<string> },
  side: GraphSide,
): Promise<void> {
  const validities = await readInChunks(
    gw,
    `import.datedWithin.validity.${d.parent}`,
    `UNWIND $ids AS id MATCH (n:${checkedLabel(d.parent)} {id: id}) ` +
      'RETURN n.id AS parent, toString(n.validFrom) AS from, toString(n.validTo) AS to',
    [...missing.parents],
  );
  for (const row of validities) side.validity.set(String(row.parent), validity(row));
  const dates = await readInChunks(
    gw,
    `import.datedWithin.date.${d.child}`,
    `UNWIND $ids AS id MATCH (n:${checkedLabel(d.child)} {id: id}) WHERE n.${d.date} IS NOT NULL ` +
      `RETURN n.id AS child, toString(n.${d.date}) AS date`,
    [...missing.children],
  );
  for (const row of dates) side.dates.set(String(row.child), String(row.date));
}

/** A stored validity (no validTo, or the sentinel, is open). */
const validity = (row: Record<string, unknown>): Dated => ({
  from: String(row.from),
  to: typeof row.to === 'string' ? row.to : OPEN_END,
  line: 0,
});
