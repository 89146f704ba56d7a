import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import {
  OPEN_END,
  PLAN_SECTORS,
  TOWNSHIP_LEVEL_KINDS,
  VILLAGE_LEVEL_KINDS,
  type Post,
  type UnitKind,
} from '../../domain/model';
import { checkDate, checkInterval, checkWithin } from '../../domain/validation/dates';
import { checkAmount, checkTenure } from '../../domain/validation/entity-rules';
import { checkNodeRules } from '../../domain/validation/node-rules';
import { Issues } from '../../domain/validation/issues';
import { checkKey, checkText, MAX_TEXT } from '../../domain/validation/text';
import { toNeo4jProps } from '../values';
import type { NodeKey } from '../../domain/node-key';
import { snapshot, type WriteTx } from './write-tx';

/**
 * Facts recorded against a pairing or a place: projects (with amounts), visits, disputes and
 * their resolution, two-committee tenures. Each is a node of its own (n-ary, dated, citable).
 */

export interface RecordProject {
  key: string | null;
  pairingKey: string;
  name: string;
  amountYuan: number;
  date: string;
  sector: string | null;
}

/** A project (帮扶项目) on a pairing, dated within the pairing's validity; amount in whole yuan ≥ 0. */
export async function recordProject(w: WriteTx, c: RecordProject): Promise<NodeKey> {
  const issues = new Issues('input');
  if (c.key !== null) checkKey(issues, 'key', c.key);
  const name = checkText(issues, 'name', c.name);
  checkAmount(issues, 'amountYuan', c.amountYuan);
  checkDate(issues, 'date', c.date);
  if (c.sector !== null && !(PLAN_SECTORS as readonly string[]).includes(c.sector))
    issues.add('sector', `must be one of ${PLAN_SECTORS.join(', ')}, got ${JSON.stringify(c.sector)}`);
  issues.throwIfAny();
  const pairing = await w.mustLock({ label: 'Pairing', id: c.pairingKey }, 'input.pairingId');
  checkWithin(issues, 'date', c.date, 'pairing', String(pairing.validFrom), String(pairing.validTo));
  issues.throwIfAny();
  const props = { name, amountYuan: c.amountYuan, date: c.date, ...(c.sector ? { sector: c.sector } : {}) };
  return createAttached(w, 'Project', c.key, props, 'HAS_PROJECT', c.pairingKey, {
    pairingKey: c.pairingKey,
  });
}

export interface RecordVisit {
  key: string | null;
  pairingKey: string;
  date: string;
  note: string | null;
}

/** A research visit (调研) made through a pairing, dated within its validity. */
export async function recordVisit(w: WriteTx, c: RecordVisit): Promise<NodeKey> {
  const issues = new Issues('input');
  if (c.key !== null) checkKey(issues, 'key', c.key);
  checkDate(issues, 'date', c.date);
  const note = c.note === null ? null : checkText(issues, 'note', c.note, MAX_TEXT);
  issues.throwIfAny();
  const pairing = await w.mustLock({ label: 'Pairing', id: c.pairingKey }, 'input.pairingId');
  checkWithin(issues, 'date', c.date, 'pairing', String(pairing.validFrom), String(pairing.validTo));
  issues.throwIfAny();
  return createAttached(
    w,
    'Visit',
    c.key,
    { date: c.date, ...(note ? { note } : {}) },
    'HAS_VISIT',
    c.pairingKey,
    {
      pairingKey: c.pairingKey,
    },
  );
}

/** Creates a node hanging off a pairing (HAS_PROJECT / HAS_VISIT), version 1, audited. */
async function createAttached(
  w: WriteTx,
  label: 'Project' | 'Visit',
  key: string | null,
  props: Record<string, string | number>,
  rel: 'HAS_PROJECT' | 'HAS_VISIT',
  pairingKey: string,
  refs: Record<string, string>,
): Promise<NodeKey> {
  const id = key ?? `${label === 'Project' ? 'proj' : 'visit'}:${randomUUID()}`;
  const ref: NodeKey = { label, id };
  if (await w.find(ref)) throw taken(label, id);
  await w.run(
    `record.${label}`,
    `MATCH (p:Pairing {id: $pairing}) CREATE (p)-[:${rel}]->(n:${label} {id: $id}) ` +
      "SET n += $props, n.provenance = 'REPORTED', n.version = 1, n.createdAt = datetime(), n.updatedAt = datetime()",
    { id, pairing: pairingKey, props: toNeo4jProps(props) },
  );
  const after = await w.find(ref);
  await w.audit(ref, null, snapshot(after ?? {}, refs));
  return ref;
}

export interface RecordDispute {
  key: string | null;
  unitKey: string;
  name: string;
  foundOn: string;
}

/** A dispute (矛盾纠纷) found in a village- or township-level unit. */
export async function recordDispute(w: WriteTx, c: RecordDispute): Promise<NodeKey> {
  const issues = new Issues('input');
  if (c.key !== null) checkKey(issues, 'key', c.key);
  const name = checkText(issues, 'name', c.name);
  checkDate(issues, 'foundOn', c.foundOn);
  issues.throwIfAny();
  const unit = await w.mustFind({ label: 'AdminUnit', id: c.unitKey }, 'input.unitId');
  const kind = unit.kind as UnitKind;
  if (![...VILLAGE_LEVEL_KINDS, ...TOWNSHIP_LEVEL_KINDS].includes(kind))
    issues.add(
      'unitId',
      `disputes are recorded in a village- or township-level unit, not a unit of kind ${kind}`,
    );
  issues.throwIfAny();
  const id = c.key ?? `dispute:${randomUUID()}`;
  const ref: NodeKey = { label: 'Dispute', id };
  if (await w.find(ref)) throw taken('Dispute', id);
  await w.run(
    'record.Dispute',
    'MATCH (u:AdminUnit {id: $unit}) CREATE (d:Dispute {id: $id})-[:LOCATED_IN]->(u) ' +
      "SET d += $props, d.provenance = 'REPORTED', d.version = 1, d.createdAt = datetime(), d.updatedAt = datetime()",
    { id, unit: c.unitKey, props: toNeo4jProps({ name, foundOn: c.foundOn }) },
  );
  const after = await w.find(ref);
  await w.audit(ref, null, snapshot(after ?? {}, { unitKey: c.unitKey }));
  return ref;
}

export interface ResolveDispute {
  id: string;
  expectedVersion: number;
  resolvedOn: string;
  resolution: string;
}

/** Records a dispute's resolution (化解); not before it was found; resolving twice is CONFLICT. */
export async function resolveDispute(w: WriteTx, c: ResolveDispute): Promise<NodeKey> {
  const issues = new Issues('input');
  const resolution = checkText(issues, 'resolution', c.resolution, MAX_TEXT);
  checkDate(issues, 'resolvedOn', c.resolvedOn);
  issues.throwIfAny();
  const ref: NodeKey = { label: 'Dispute', id: c.id };
  const before = await w.lockForUpdate(ref, c.expectedVersion);
  if (before.resolvedOn != null)
    throw new AppError(
      'CONFLICT',
      `input.id: the dispute was already resolved on ${String(before.resolvedOn)}`,
      {
        argument: 'input.id',
      },
    );
  checkNodeRules(issues, 'Dispute', { foundOn: before.foundOn, resolvedOn: c.resolvedOn });
  issues.throwIfAny();
  await w.run(
    'resolve.Dispute',
    'MATCH (d:Dispute {id: $id}) SET d.resolvedOn = $resolvedOn, d.resolution = $resolution, ' +
      'd.version = $version, d.updatedAt = datetime()',
    { id: c.id, resolution, version: c.expectedVersion + 1, ...toNeo4jProps({ resolvedOn: c.resolvedOn }) },
  );
  const after = await w.find(ref);
  await w.audit(ref, snapshot(before), snapshot(after ?? {}));
  return ref;
}

export interface RecordTenure {
  key: string | null;
  personKey: string;
  unitKey: string;
  post: Post;
  validFrom: string;
  validTo: string | null;
}

/** A two-committee (两委) post held by a person in a village-level unit over a period. */
export async function recordTenure(w: WriteTx, c: RecordTenure): Promise<NodeKey> {
  const issues = new Issues('input');
  if (c.key !== null) checkKey(issues, 'key', c.key);
  checkInterval(issues, 'validFrom', c.validFrom, 'validTo', c.validTo);
  issues.throwIfAny();
  await w.mustFind({ label: 'Person', id: c.personKey }, 'input.personId');
  const unit = await w.mustFind({ label: 'AdminUnit', id: c.unitKey }, 'input.unitId');
  checkTenure(issues, c.post, unit.kind as UnitKind);
  issues.throwIfAny();
  const id = c.key ?? `tenure:${randomUUID()}`;
  const ref: NodeKey = { label: 'Tenure', id };
  if (await w.find(ref)) throw taken('Tenure', id);
  await w.run(
    'record.Tenure',
    'MATCH (x:Person {id: $person}) MATCH (u:AdminUnit {id: $unit}) ' +
      'CREATE (x)-[:HOLDS]->(t:Tenure {id: $id})-[:IN]->(u) ' +
      "SET t += $props, t.provenance = 'REPORTED', t.version = 1, t.createdAt = datetime(), t.updatedAt = datetime()",
    {
      id,
      person: c.personKey,
      unit: c.unitKey,
      props: toNeo4jProps({ post: c.post, validFrom: c.validFrom, validTo: c.validTo ?? OPEN_END }),
    },
  );
  const after = await w.find(ref);
  await w.audit(ref, null, snapshot(after ?? {}, { personKey: c.personKey, unitKey: c.unitKey }));
  return ref;
}

const taken = (label: string, id: string) =>
  new AppError('CONFLICT', `input.key: a ${label} with key ${JSON.stringify(id)} already exists`, {
    argument: 'input.key',
  });
