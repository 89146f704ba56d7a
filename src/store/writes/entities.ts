import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import { checkEntityState } from '../../domain/validation/entity-rules';
import {
  CREATE_DEFAULTS,
  ENTITY_SPECS,
  type EntityLabel,
  type PreparedEntity,
  type RefSpec,
  uniqueProps,
} from '../../domain/validation/entity-fields';
import { Issues } from '../../domain/validation/issues';
import type { PropValue } from '../../domain/records';
import { toNeo4jProps } from '../values';
import type { NodeKey } from '../../domain/node-key';
import { checkedLabel, checkedProp, snapshot, type Props, type WriteTx } from './write-tx';

/** A relationship type from the entity specs' closed set (checked again before interpolation). */
const REF_RELS: ReadonlySet<string> = new Set(['LOCATED_IN', 'PART_OF', 'MEMBER_OF']);
const rel = (r: RefSpec) => {
  if (!REF_RELS.has(r.rel)) throw new TypeError(`unexpected reference relationship ${r.rel}`);
  return r.rel;
};

/**
 * Creates a ledger entity (version 1) with its references, after checking that every referenced
 * record exists and that the entity's rules hold; appends the audit entry. A taken key is CONFLICT.
 */
export async function createEntity(w: WriteTx, label: EntityLabel, e: PreparedEntity): Promise<NodeKey> {
  const spec = ENTITY_SPECS[label];
  const id = e.key ?? `${spec.keyPrefix}:${randomUUID()}`;
  const ref: NodeKey = { label, id };
  if (await w.find(ref))
    throw new AppError('CONFLICT', `input.key: a ${label} with key ${JSON.stringify(id)} already exists`, {
      argument: 'input.key',
    });
  const refs = await resolveRefs(w, label, e.refs);
  const props = { ...CREATE_DEFAULTS[label], ...withoutNulls(e.props) };
  checkState(label, props, refs);
  await checkUnique(w, label, id, e.props);
  await w.run(
    `create.${label}`,
    `CREATE (n:${checkedLabel(label)} {id: $id}) SET n += $props, n.provenance = 'REPORTED', n.version = 1, ` +
      'n.createdAt = datetime(), n.updatedAt = datetime()',
    { id, props: toNeo4jProps(props) },
  );
  await linkRefs(w, ref, label, e.refs);
  const after = await w.find(ref);
  await w.audit(ref, null, snapshot(after ?? {}, refKeys(e.refs)));
  return ref;
}

/**
 * Updates a ledger entity: locks it, checks `expectedVersion`, applies the given fields (null
 * removes an optional one) and references, checks the rules on the result, bumps the version and
 * appends the audit entry with before and after.
 */
export async function updateEntity(
  w: WriteTx,
  label: EntityLabel,
  id: string,
  expectedVersion: number,
  e: PreparedEntity,
): Promise<NodeKey> {
  const ref: NodeKey = { label, id };
  const before = await w.lockForUpdate(ref, expectedVersion);
  const current = await currentRefs(w, ref, label);
  const changedRefs = await resolveRefs(w, label, e.refs);
  if (label === 'AdminUnit' && e.refs.parentId)
    await checkNoCycle(w, id, e.refs.parentId, 'LOCATED_IN', 'AdminUnit');
  if (e.refs.partOfId) await checkNoCycle(w, id, e.refs.partOfId, 'PART_OF', label);
  const merged: Props = { ...before };
  for (const [k, v] of Object.entries(e.props)) merged[k] = v;
  const refs = {
    ...Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v.props])),
    ...changedRefs,
  };
  checkState(label, merged, refs);
  await checkUnique(w, label, id, e.props);
  await w.run(
    `update.${label}`,
    `MATCH (n:${checkedLabel(label)} {id: $id}) SET n += $props, n.version = $version, n.updatedAt = datetime()`,
    { id, props: toNeo4jProps(e.props), version: expectedVersion + 1 },
  );
  await linkRefs(w, ref, label, e.refs);
  const after = await w.find(ref);
  const keys = refKeys(Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v.id])));
  await w.audit(ref, snapshot(before, keys), snapshot(after ?? {}, { ...keys, ...refKeys(e.refs) }));
  return ref;
}

function checkState(label: EntityLabel, props: Props, refs: Record<string, Props | null>): void {
  const issues = new Issues('input');
  checkEntityState(issues, label, { props, refs });
  issues.throwIfAny();
}

/**
 * No other record of the label may hold the same value of a unique property (a household's ID
 * number): CONFLICT naming the input field and the record that holds it. The uniqueness
 * constraint of the migrations catches two concurrent writes of one value.
 */
async function checkUnique(
  w: WriteTx,
  label: EntityLabel,
  id: string,
  props: Record<string, PropValue | null>,
): Promise<void> {
  for (const [field, prop] of uniqueProps(ENTITY_SPECS[label].fields)) {
    const v = props[prop];
    if (v == null) continue;
    const rows = await w.run(
      `unique.${label}.${prop}`,
      // The property name comes from the closed entity specs, so the constraint's index serves the lookup.
      `MATCH (n:${checkedLabel(label)} {${checkedProp(prop)}: $v}) WHERE n.id <> $id RETURN n.id AS id LIMIT 1`,
      { v, id },
    );
    if (rows.length)
      throw new AppError(
        'CONFLICT',
        `input.${field}: ${label} ${String(rows[0].id)} is already registered with this ${field}`,
        { argument: `input.${field}`, existingKey: rows[0].id },
      );
  }
}

/** The referenced records' properties; NOT_FOUND naming the field when one does not exist. */
async function resolveRefs(
  w: WriteTx,
  label: EntityLabel,
  refs: Record<string, string | null>,
): Promise<Record<string, Props | null>> {
  const out: Record<string, Props | null> = {};
  for (const [field, key] of Object.entries(refs)) {
    const spec = ENTITY_SPECS[label].refs[field];
    out[field] = key === null ? null : await w.mustFind({ label: spec.to, id: key }, `input.${field}`);
  }
  return out;
}

/** The entity's current references: field → the referenced record's key and properties. */
async function currentRefs(
  w: WriteTx,
  ref: NodeKey,
  label: EntityLabel,
): Promise<Record<string, { id: string; props: Props }>> {
  const out: Record<string, { id: string; props: Props }> = {};
  for (const [field, spec] of Object.entries(ENTITY_SPECS[label].refs)) {
    const rows = await w.run(
      `refs.${label}.${field}`,
      `MATCH (n:${checkedLabel(label)} {id: $id})-[:${rel(spec)}]->(m:${checkedLabel(spec.to)}) RETURN m {.*} AS m LIMIT 1`,
      { id: ref.id },
    );
    if (rows.length) {
      const m = rows[0].m as Props;
      out[field] = { id: String(m.id), props: m };
    }
  }
  return out;
}

/** Replaces each given reference: the old relationship goes, the new one (if any) is created. */
async function linkRefs(
  w: WriteTx,
  ref: NodeKey,
  label: EntityLabel,
  refs: Record<string, string | null>,
): Promise<void> {
  for (const [field, key] of Object.entries(refs)) {
    const spec = ENTITY_SPECS[label].refs[field];
    const l = checkedLabel(label);
    const to = checkedLabel(spec.to);
    await w.run(`unlink.${label}.${field}`, `MATCH (n:${l} {id: $id})-[r:${rel(spec)}]->(:${to}) DELETE r`, {
      id: ref.id,
    });
    if (key !== null) {
      await w.run(
        `link.${label}.${field}`,
        `MATCH (n:${l} {id: $id}) MATCH (m:${to} {id: $key}) MERGE (n)-[:${rel(spec)}]->(m)`,
        { id: ref.id, key },
      );
    }
  }
}

/** A unit may not lie in itself or below itself; an organization or programme may not be part of itself. */
async function checkNoCycle(
  w: WriteTx,
  id: string,
  parent: string,
  type: 'LOCATED_IN' | 'PART_OF',
  label: EntityLabel,
) {
  const l = checkedLabel(label);
  const rows = await w.run(
    `cycle.${label}`,
    `MATCH (p:${l} {id: $parent}) WHERE p.id = $id OR EXISTS { MATCH (p)-[:${type}*1..]->(:${l} {id: $id}) } RETURN p.id AS p`,
    { id, parent },
  );
  const field = label === 'AdminUnit' ? 'parentId' : 'partOfId';
  if (rows.length)
    throw new AppError(
      'BAD_USER_INPUT',
      `input.${field}: ${parent} lies within ${id}; that would make a cycle`,
      {
        argument: `input.${field}`,
      },
    );
}

const withoutNulls = (p: Record<string, PropValue | null>) =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null)) as Record<string, PropValue>;

/** References as audit snapshots record them: field name with `Key` instead of `Id`. */
const refKeys = (refs: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(refs).map(([k, v]) => [k.replace(/Id$/, 'Key'), v]));
