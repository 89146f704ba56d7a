import type { Label, RelType } from '../domain/model';
import type { GraphBatch, NodeRecord, PropValue, RelRecord } from '../domain/records';
import type { Report } from './report-schema';

type Props = Record<string, PropValue>;

/** Drops undefined and null, so optional JSON fields leave no property behind. */
function clean(p: Record<string, PropValue | undefined>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

/**
 * Turns a cross-checked Report into loader records. Every fact node carries its `citations`
 * (the loader links them by SUPPORTED_BY); each Citation gets `(Citation)-[:FROM]->(Source)` and
 * its character offset in the source text. Provenance is REPORTED unless the JSON says DERIVED.
 */
export function reportToBatch(r: Report, sourceText: string): GraphBatch {
  const nodes: NodeRecord[] = [];
  const rels: RelRecord[] = [];
  const labelOf = new Map<string, Label>();
  const node = (
    label: Label,
    id: string,
    props: Record<string, PropValue | undefined>,
    citations?: string[],
    provenance: 'REPORTED' | 'DERIVED' = 'REPORTED',
  ) => {
    labelOf.set(id, label);
    nodes.push({ label, id, provenance, props: clean(props), ...(citations ? { citations } : {}) });
  };
  /** Ends are resolved after all nodes exist, so sections may refer to each other in any order. */
  const pending: [RelType, string, string, Props | undefined][] = [];
  const rel = (type: RelType, from: string, to: string | null | undefined, props?: Props) => {
    if (to != null) pending.push([type, from, to, props]);
  };

  const s = r.source;
  node(
    'Source',
    s.id,
    {
      title: s.title,
      publisher: s.publisher,
      published: s.published,
      textPath: s.textPath,
      retrievedFrom: s.retrievedFrom,
    },
    s.citations,
  );
  for (const c of r.citations) {
    node('Citation', c.id, { quote: c.quote, charOffset: sourceText.indexOf(c.quote) });
    rel('FROM', c.id, s.id);
  }
  for (const u of r.adminUnits) {
    node(
      'AdminUnit',
      u.id,
      { name: u.name, kind: u.kind, aliases: u.aliases, note: u.note },
      u.citations,
      u.provenance,
    );
    rel('LOCATED_IN', u.id, u.parentId);
  }
  for (const o of r.organizations) {
    const { id, citations, locatedIn, partOf, ...props } = o;
    node('Organization', id, props, citations);
    rel('LOCATED_IN', id, locatedIn);
    rel('PART_OF', id, partOf);
  }
  for (const p of r.persons) {
    node(
      'Person',
      p.id,
      { name: p.name, aliases: p.aliases, roles: p.roles, rank: 'NONE', note: p.note },
      p.citations,
    );
    rel('LOCATED_IN', p.id, p.locatedIn);
  }
  for (const p of r.programmes) {
    const { id, citations, partOf, ...props } = p;
    node('Programme', id, props, citations);
    rel('PART_OF', id, partOf);
  }
  for (const p of r.pairings) {
    const { id, citations, helperId, beneficiaryId, programmeId, ...props } = p;
    node('Pairing', id, props, citations);
    rel('HELPER', id, helperId);
    rel('BENEFICIARY', id, beneficiaryId);
    rel('UNDER', id, programmeId);
  }
  for (const g of r.goals) {
    const { id, citations, forId, programmeIds, ...props } = g;
    node('Goal', id, props, citations);
    rel('FOR', id, forId);
    for (const p of programmeIds) rel('UNDER', id, p);
  }
  for (const b of r.budgets) {
    const { id, citations, forId, programmeId, ...props } = b;
    node('Budget', id, props, citations);
    rel('FOR', id, forId);
    rel('UNDER', id, programmeId);
  }
  for (const x of r.recognitions) {
    const { id, citations, forId, ...props } = x;
    node('Recognition', id, props, citations);
    rel('FOR', id, forId);
  }
  // An indicator is as well supported as the figures that measure it: it cites their quotes.
  const indicatorCitations = new Map<string, Set<string>>();
  for (const o of r.observations) {
    const set = indicatorCitations.get(o.indicatorId) ?? new Set<string>();
    for (const c of o.citations) set.add(c);
    indicatorCitations.set(o.indicatorId, set);
  }
  for (const i of r.indicators) {
    node('Indicator', i.id, { name: i.name, description: i.description }, [
      ...(indicatorCitations.get(i.id) ?? []),
    ]);
  }
  for (const o of r.observations) {
    const { id, citations, indicatorId, dimensions, provenance, ...props } = o;
    // Dimensions become plain properties (Neo4j has no map properties); dimensionKeys says which.
    node(
      'Observation',
      id,
      { ...dimensions, ...props, dimensionKeys: Object.keys(dimensions) },
      citations,
      provenance,
    );
    rel('OF', id, indicatorId);
    rel('ABOUT', id, o.areaId);
    if (typeof dimensions.programmeId === 'string') rel('ABOUT', id, dimensions.programmeId);
  }

  for (const [type, from, to, props] of pending) {
    const fl = labelOf.get(from);
    const tl = labelOf.get(to);
    if (!fl || !tl)
      throw new Error(`report: ${type} from ${from} to ${to}: unknown end (run crossCheck first)`);
    rels.push({
      type,
      from: { label: fl, id: from },
      to: { label: tl, id: to },
      ...(props ? { props } : {}),
    });
  }
  return { nodes, rels };
}
