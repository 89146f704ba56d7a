import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import type { ImportKind } from '../../domain/validation/import-kinds';
import type { PreparedRow, RecordFacts } from '../../domain/validation/import-rows';
import { setHelperKey } from '../derived-props';
import type { Gateway } from '../gateway';
import { toNeo4jProps } from '../values';
import { NEXT_LEDGER_POSITION } from './ledger-position';
import { stableJson } from '../../domain/stable-json';
import type { ExistingRecord } from './import-lookup';
import { checkedLabel, checkedRelType, snapshot, type Props, type WriteMeta } from './write-tx';

/** What one row will do: create its record, update it, or nothing (it already says the same). */
export interface PlannedRow {
  row: PreparedRow;
  action: 'create' | 'update' | 'unchanged';
  /** The stored version the row was compared with (0 for a new or never-versioned record). */
  baseVersion: number;
  /** Reference column → the label of the record it names. */
  refLabels: Record<string, string>;
  /** The stored record's properties before the row (null for a new one), for its audit entry. */
  before: Props | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Compares each row with the stored record: a row that changes no property and no reference is unchanged. */
export function planRows(
  rows: readonly PreparedRow[],
  existing: ReadonlyMap<string, ExistingRecord>,
  refs: ReadonlyMap<string, RecordFacts>,
): PlannedRow[] {
  return rows.map((row) => {
    const refLabels = Object.fromEntries(
      Object.entries(row.refs).map(([col, k]) => [col, refs.get(`${col}|${k}`)!.label]),
    );
    const old = existing.get(row.key);
    if (!old) return { row, action: 'create', baseVersion: 0, refLabels, before: null };
    const baseVersion = typeof old.props.version === 'number' ? old.props.version : 0;
    const same =
      Object.entries(row.props).every(([k, v]) => stableJson(old.props[k] ?? null) === stableJson(v)) &&
      Object.entries(row.refs).every(([col, k]) => old.refs[col]?.key === k);
    return {
      row,
      action: same ? 'unchanged' : 'update',
      baseVersion,
      refLabels,
      before: snapshot(old.props, refKeysOf(old.refs)),
    };
  });
}

/**
 * Writes the rows that change something, `batchSize` per write transaction (UNWIND): MERGE on
 * the key; a record whose version moved since the plan was made (someone wrote it meanwhile) is
 * not overwritten — the batch fails with CONFLICT naming it, and earlier batches stay (a rerun
 * changes only what still differs). References are replaced: the old relationship goes, the new
 * one is merged. Each written record gets version + 1 and, in the same transaction, its own audit
 * entry (before and after, like a mutation's), so its history lists every version.
 */
export async function writeRows(
  gw: Gateway,
  kind: ImportKind,
  plan: readonly PlannedRow[],
  meta: WriteMeta,
  o: {
    batchSize?: number;
    onProgress?: (rows: number) => void;
    source?: Record<string, string>;
  } = {},
): Promise<ImportCounts> {
  const size = o.batchSize ?? 1_000;
  const l = checkedLabel(kind.label);
  const todo = plan.filter((p) => p.action !== 'unchanged');
  for (let i = 0; i < todo.length; i += size) {
    const chunk = todo.slice(i, i + size);
    await gw.writeTransaction(`import.${kind.name}`, async (run) => {
      const rows = chunk.map((p) => ({
        key: p.row.key,
        base: p.baseVersion,
        props: toNeo4jProps(p.action === 'create' ? { ...kind.defaults, ...p.row.props } : p.row.props),
      }));
      const written = await run(
        `import.nodes.${l}`,
        `UNWIND $rows AS row MERGE (n:${l} {id: row.key}) ` +
          "ON CREATE SET n.version = 0, n.provenance = 'REPORTED', n.createdAt = datetime() " +
          'WITH n, row WHERE coalesce(n.version, 0) = row.base ' +
          'SET n += row.props, n.version = row.base + 1, n.updatedAt = datetime() RETURN n.id AS id, n {.*} AS n',
        { rows },
      );
      if (written.length !== chunk.length) {
        const ok = new Set(written.map((w) => String(w.id)));
        const moved = chunk.filter((p) => !ok.has(p.row.key)).map((p) => `${p.row.key} (line ${p.row.line})`);
        throw new AppError(
          'CONFLICT',
          `changed by someone else since the import began: ${moved.slice(0, 10).join(', ')}; run the import again`,
          { keys: moved },
        );
      }
      const afterOf = new Map(written.map((w) => [String(w.id), w.n as Props]));
      await run(
        `import.audit.${l}`,
        'UNWIND $entries AS e CREATE (a:AuditEntry {id: e.id, at: datetime(), actor: $actor, role: $role, ' +
          "operation: 'import', targetLabel: $label, targetId: e.key, before: e.before, after: e.after, " +
          'requestId: $requestId, version: e.version, details: $details})',
        {
          entries: chunk.map((p) => {
            const after = snapshot(afterOf.get(p.row.key) ?? {}, {
              ...(p.before ? pick(p.before, Object.keys(kind.refs)) : {}),
              ...refKeysOf(p.row.refs),
            });
            return {
              id: `audit:${randomUUID()}`,
              key: p.row.key,
              before: p.before ? JSON.stringify(p.before) : null,
              after: JSON.stringify(after),
              version: p.baseVersion + 1,
            };
          }),
          actor: meta.actor.subject,
          role: meta.actor.role,
          label: kind.label,
          requestId: meta.requestId,
          details: JSON.stringify({ kind: kind.name, ...(o.source ?? {}) }),
        },
      );
      for (const [col, ref] of Object.entries(kind.refs)) {
        const rel = checkedRelType(ref.rel);
        for (const target of ref.to) {
          const t = checkedLabel(target);
          const refRows = chunk
            .filter((p) => p.row.refs[col] !== undefined && p.refLabels[col] === target)
            .map((p) => ({ key: p.row.key, ref: p.row.refs[col] }));
          if (!refRows.length) continue;
          const old = ref.dir === 'out' ? `(n)-[r:${rel}]->(x)` : `(n)<-[r:${rel}]-(x)`;
          const add = ref.dir === 'out' ? `MERGE (n)-[:${rel}]->(m)` : `MERGE (m)-[:${rel}]->(n)`;
          // a pairing's helper key follows its HELPER relationship (derived-props.ts)
          const derived = rel === 'HELPER' ? ` SET ${setHelperKey('n', 'm')}` : '';
          await run(
            `import.unlink.${l}.${col}`,
            `UNWIND $rows AS row MATCH (n:${l} {id: row.key}) MATCH ${old} WHERE labels(x)[0] IN $to AND x.id <> row.ref DELETE r`,
            { rows: refRows, to: [...ref.to] },
          );
          await run(
            `import.link.${l}.${col}`,
            `UNWIND $rows AS row MATCH (n:${l} {id: row.key}) MATCH (m:${t} {id: row.ref}) ${add}${derived}`,
            { rows: refRows },
          );
        }
      }
    });
    o.onProgress?.(chunk.length);
  }
  return {
    created: plan.filter((p) => p.action === 'create').length,
    updated: plan.filter((p) => p.action === 'update').length,
    unchanged: plan.filter((p) => p.action === 'unchanged').length,
  };
}

/** References as audit snapshots record them (`unitKey: "au:x"`), from column → key or → record. */
function refKeysOf(refs: Readonly<Record<string, string | { key: string }>>): Props {
  return Object.fromEntries(Object.entries(refs).map(([col, r]) => [col, typeof r === 'string' ? r : r.key]));
}

const pick = (p: Props, keys: readonly string[]): Props =>
  Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));

/** The audit entry of one import run: who, which file (by digest), and what it did. */
export async function auditImport(
  gw: Gateway,
  meta: WriteMeta,
  label: string,
  details: Record<string, string | number>,
): Promise<string> {
  const id = `audit:${randomUUID()}`;
  await gw.write(
    'audit.import',
    NEXT_LEDGER_POSITION +
      "CREATE (a:AuditEntry {id: $id, at: datetime(), actor: $actor, role: $role, operation: 'import', " +
      'targetLabel: $label, targetId: $id, before: null, after: $after, requestId: $requestId, seq: ledgerSeq})',
    {
      id,
      actor: meta.actor.subject,
      role: meta.actor.role,
      label,
      after: JSON.stringify(details),
      requestId: meta.requestId,
    },
  );
  return id;
}
