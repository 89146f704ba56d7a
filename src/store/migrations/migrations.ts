import { LABELS } from '../../domain/model';
import { HELPER_KEY } from '../derived-props';
import type { Gateway } from '../gateway';
import { helperKeysFromRelationships } from './helper-keys';
import { integersFromFloats, type IntegerMigrationReport } from './integer-properties';

/** One idempotent schema statement, identified by the constraint or index name it creates. */
export interface Migration {
  name: string;
  cypher: string;
}

/** Labels searchable by name and alias (the full-text index). */
export const SEARCHABLE_LABELS = [
  'AdminUnit',
  'Organization',
  'Person',
  'Enterprise',
  'Household',
  'Student',
  'Programme',
] as const;

/**
 * The database schema. Every label has a uniqueness constraint on `id` (which also gives the
 * index every lookup anchors on); range indexes serve the filters that analysts use most; the
 * full-text index uses Lucene's CJK analyzer (bigrams), so 城壕 finds 城壕村.
 * Names are derived from labels, so the list is regenerated, not hand-kept, when labels change.
 */
export const MIGRATIONS: readonly Migration[] = [
  ...LABELS.map((l) => ({
    name: `${l.toLowerCase()}_id`,
    cypher: `CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`,
  })),
  // One household per resident ID number (stored as its salted hash; households without one are
  // not constrained). A database already holding two households with one number fails this
  // migration, naming the constraint: find them with
  // MATCH (h:Household) WITH h.idNumberHash AS x, collect(h.id) AS ids WHERE x IS NOT NULL AND size(ids) > 1 RETURN ids
  {
    name: 'household_id_number',
    cypher:
      'CREATE CONSTRAINT household_id_number IF NOT EXISTS FOR (h:Household) REQUIRE h.idNumberHash IS UNIQUE',
  },
  {
    name: 'pairing_validity',
    cypher: 'CREATE INDEX pairing_validity IF NOT EXISTS FOR (p:Pairing) ON (p.validFrom, p.validTo)',
  },
  {
    name: 'pairing_level_category',
    cypher: 'CREATE INDEX pairing_level_category IF NOT EXISTS FOR (p:Pairing) ON (p.level, p.category)',
  },
  {
    name: 'adminunit_kind',
    cypher: 'CREATE INDEX adminunit_kind IF NOT EXISTS FOR (u:AdminUnit) ON (u.kind)',
  },
  {
    name: 'organization_level',
    cypher: 'CREATE INDEX organization_level IF NOT EXISTS FOR (o:Organization) ON (o.level)',
  },
  { name: 'person_rank', cypher: 'CREATE INDEX person_rank IF NOT EXISTS FOR (p:Person) ON (p.rank)' },
  // a helper's pairings in key order (derived-props.ts): an index seek, not a sort of all of them
  {
    name: 'pairing_helper',
    cypher: `CREATE INDEX pairing_helper IF NOT EXISTS FOR (p:Pairing) ON (p.${HELPER_KEY}, p.id)`,
  },
  // history(id): audit entries of one record. (IdempotencyKey needs no extra index: its uniqueness
  // constraint on `id` above is what makes concurrent retries with one key create one result.)
  {
    name: 'auditentry_target',
    cypher: 'CREATE INDEX auditentry_target IF NOT EXISTS FOR (a:AuditEntry) ON (a.targetId)',
  },
  // ledger reads by position (subscriptions: `seq > $after ORDER BY seq`)
  {
    name: 'auditentry_seq',
    cypher: 'CREATE INDEX auditentry_seq IF NOT EXISTS FOR (a:AuditEntry) ON (a.seq)',
  },
  {
    name: 'entity_names',
    cypher:
      `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:${SEARCHABLE_LABELS.join('|')}) ON EACH [n.name, n.aliasText] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } }",
  },
];

export interface MigrationReport {
  created: string[];
  existing: string[];
  /** Integer properties found stored as FLOAT and converted (or left, when not whole). */
  integers: IntegerMigrationReport;
  /** Pairings whose helper key was missing or stale, and set from their HELPER relationship. */
  helperKeys: number;
}

export interface MigrateOptions {
  batchSize?: number;
  /**
   * Repair what older versions and outside tools wrote (default true). False only for a store
   * this version's offline importer has just built from its own files, whose integers are typed
   * and whose pairings carry their helper keys (test/integration/graph-dump-import.int.test.ts
   * and seed-import.int.test.ts read such a store unrepaired).
   */
  repairs?: boolean;
}

/**
 * Applies every migration; running it again creates nothing. Waits until indexes are online.
 * Then converts integer properties stored as FLOAT by older versions (integersFromFloats) — at
 * every start, so no store keeps them: on a converted store that is one count per property — and
 * sets the helper key of pairings written before it existed (helperKeysFromRelationships).
 */
export async function migrate(gw: Gateway, o: MigrateOptions = {}): Promise<MigrationReport> {
  const before = new Set(await schemaNames(gw));
  for (const m of MIGRATIONS) await gw.write(`migrate.${m.name}`, m.cypher);
  await gw.write('migrate.awaitIndexes', 'CALL db.awaitIndexes(300)');
  const repairs = o.repairs ?? true;
  return {
    created: MIGRATIONS.filter((m) => !before.has(m.name)).map((m) => m.name),
    existing: MIGRATIONS.filter((m) => before.has(m.name)).map((m) => m.name),
    integers: repairs ? await integersFromFloats(gw, o.batchSize) : { converted: [], refused: [] },
    helperKeys: repairs ? await helperKeysFromRelationships(gw, o.batchSize) : 0,
  };
}

async function schemaNames(gw: Gateway): Promise<string[]> {
  const rows = await gw.read('migrate.showIndexes', 'SHOW INDEXES YIELD name RETURN name');
  return rows.map((r) => String(r.name));
}
