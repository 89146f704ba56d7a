import type { KnownEntity } from '../../ingest/proposal';
import type { Gateway } from '../gateway';

/**
 * The graph's named entities as linking needs them: units (with their parent), organisations,
 * enterprises, and reported people, households and students, with aliases. Synthetic people,
 * households and students are left out (a report never names them). Household and student names
 * are personal: they reach only the proposal, which analysts alone may read. One read statement.
 */
export const KNOWN_ENTITIES = `MATCH (n) WHERE n:AdminUnit OR n:Organization OR n:Enterprise
  OR ((n:Person OR n:Household OR n:Student) AND n.provenance <> 'SYNTHETIC')
OPTIONAL MATCH (n)-[:LOCATED_IN]->(p:AdminUnit)
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, coalesce(n.aliases, []) AS aliases,
  n.kind AS kind, n.level AS level, p.id AS parentId`;

export async function knownEntities(gw: Gateway): Promise<KnownEntity[]> {
  const rows = await gw.read('proposal.knownEntities', KNOWN_ENTITIES);
  return rows
    .filter((r) => typeof r.name === 'string')
    .map((r) => ({
      id: String(r.id),
      label: r.label as KnownEntity['label'],
      name: String(r.name),
      aliases: Array.isArray(r.aliases) ? r.aliases.map(String) : [],
      kind: typeof r.kind === 'string' ? r.kind : null,
      level: typeof r.level === 'string' ? r.level : null,
      parentId: typeof r.parentId === 'string' ? r.parentId : null,
    }));
}
