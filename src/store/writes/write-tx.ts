import { randomUUID } from 'node:crypto';
import { SECRET_PROPS, type Role } from '../../domain/access-policy';
import { AppError } from '../../domain/errors';
import { LABELS, REL_TYPES, type Label, type RelType } from '../../domain/model';
import type { NodeKey } from '../../domain/node-key';
import { DATED_WITHIN, type DatedRecord } from '../../domain/validation/dated-within';
import { DERIVED_PROPS } from '../derived-props';
import type { TxRunner } from '../gateway';
import type { Plain } from '../values';
import { auditAreas } from './audit-areas';
import { NEXT_LEDGER_POSITION } from './ledger-position';

const LABEL_SET: ReadonlySet<string> = new Set(LABELS);

/** Labels are interpolated into Cypher only after this check against the closed list. */
export function checkedLabel(l: string): Label {
  if (!LABEL_SET.has(l)) throw new TypeError(`unknown node label ${JSON.stringify(l)}`);
  return l as Label;
}

/** A property name from the closed specs (a unique property …), checked again before it is interpolated. */
export function checkedProp(p: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(p)) throw new TypeError(`unexpected property name ${p}`);
  return p;
}

/** Who writes, and what the write needs besides its input. */
export interface WriteMeta {
  actor: { subject: string; role: Role };
  /** The HTTP request id, or the CLI run's id; recorded in the audit entry. */
  requestId: string | null;
  /** Salt of stored ID-number hashes. */
  piiSalt: string;
}

/** Kept for graphql/mutate.ts, which still imports this name: the shape is domain/node-key's NodeKey. */
export type NodeRef = NodeKey;

/** A node's stored properties as plain values. */
export type Props = Record<string, Plain>;

/** Properties that are bookkeeping, not facts: left out of audit snapshots. */
const INTERNAL_PROPS: ReadonlySet<string> = new Set(['__lock', ...DERIVED_PROPS]);

/** A node's properties as the audit log records them (secrets and bookkeeping left out). */
export function snapshot(props: Props, extra: Record<string, Plain> = {}): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) {
    if (!INTERNAL_PROPS.has(k) && !SECRET_PROPS.has(k) && v !== null) out[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) if (v !== null) out[k] = v;
  return out;
}

/**
 * The statements of one mutation, all in one write transaction: lookups that lock, the version
 * check, and the audit entry. Every statement uses parameters only; labels come from the closed
 * list (checkedLabel).
 */
export class WriteTx {
  constructor(
    readonly run: TxRunner,
    readonly meta: WriteMeta,
    readonly operation: string,
  ) {}

  /** A node's properties, or null. */
  async find(ref: NodeKey): Promise<Props | null> {
    const rows = await this.run(
      `find.${ref.label}`,
      `MATCH (n:${checkedLabel(ref.label)} {id: $id}) RETURN n {.*} AS n`,
      { id: ref.id },
    );
    return rows.length ? (rows[0].n as Props) : null;
  }

  /** A referenced node's properties; NOT_FOUND naming `field` when it does not exist. */
  async mustFind(ref: NodeKey, field: string): Promise<Props> {
    const n = await this.find(ref);
    if (!n)
      throw new AppError('NOT_FOUND', `${field}: no ${ref.label} has key ${JSON.stringify(ref.id)}`, {
        argument: field,
      });
    return n;
  }

  /**
   * A referenced node's properties, read under its write lock: a concurrent write of the same node
   * (e.g. ending the pairing a project is being recorded on) waits until this transaction commits,
   * so checks against its dates hold. NOT_FOUND naming `field` when it does not exist.
   */
  async mustLock(ref: NodeKey, field: string): Promise<Props> {
    const rows = await this.run(
      `lockRef.${ref.label}`,
      `MATCH (n:${checkedLabel(ref.label)} {id: $id}) SET n.__lock = true REMOVE n.__lock RETURN n {.*} AS n`,
      { id: ref.id },
    );
    if (!rows.length)
      throw new AppError('NOT_FOUND', `${field}: no ${ref.label} has key ${JSON.stringify(ref.id)}`, {
        argument: field,
      });
    return rows[0].n as Props;
  }

  /** The records dated within `ref` (a pairing's projects and visits), with their dates. */
  async datedWithin(ref: NodeKey): Promise<DatedRecord[]> {
    const out: DatedRecord[] = [];
    for (const d of DATED_WITHIN) {
      if (d.parent !== ref.label) continue;
      const rows = await this.run(
        `datedWithin.${d.child}`,
        `MATCH (:${checkedLabel(d.parent)} {id: $id})-[:${checkedRelType(d.rel)}]->(c:${checkedLabel(d.child)}) ` +
          `WHERE c.${d.date} IS NOT NULL RETURN c.id AS key, toString(c.${d.date}) AS date`,
        { id: ref.id },
      );
      for (const r of rows) out.push({ label: d.child, key: String(r.key), date: String(r.date) });
    }
    return out;
  }

  /**
   * Takes the node's write lock before reading it (Cypher's documented guard against lost
   * updates: a concurrent writer of the same node waits for this transaction to commit, then
   * reads the value it wrote), then checks `expectedVersion` against the stored version
   * (seeded records without one count as version 0). A stale version is CONFLICT.
   */
  async lockForUpdate(ref: NodeKey, expectedVersion: number, field = 'input.id'): Promise<Props> {
    const rows = await this.run(
      `lock.${ref.label}`,
      `MATCH (n:${checkedLabel(ref.label)} {id: $id}) SET n.__lock = true REMOVE n.__lock RETURN n {.*} AS n`,
      { id: ref.id },
    );
    if (!rows.length)
      throw new AppError('NOT_FOUND', `${field}: no ${ref.label} has key ${JSON.stringify(ref.id)}`, {
        argument: field,
      });
    const n = rows[0].n as Props;
    const actual = typeof n.version === 'number' ? n.version : 0;
    if (actual !== expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `input.expectedVersion: the ${ref.label} is at version ${actual}, not ${expectedVersion}; ` +
          'someone changed it since you read it — read it again and reapply your change',
        { argument: 'input.expectedVersion', expectedVersion, actualVersion: actual },
      );
    }
    return n;
  }

  /**
   * Appends one audit entry (never updated or deleted) for a write to `target`, at the next ledger
   * position (see ledger-position.ts).
   */
  async audit(
    target: NodeKey,
    before: Props | null,
    after: Props | null,
    extra: Props = {},
  ): Promise<string> {
    const id = `audit:${randomUUID()}`;
    const areas = await auditAreas(this.run, checkedLabel(target.label), target.id, before);
    await this.run(
      'audit.append',
      NEXT_LEDGER_POSITION +
        'CREATE (a:AuditEntry {id: $id, at: datetime(), actor: $actor, role: $role, operation: $operation, ' +
        'targetLabel: $label, targetId: $targetId, before: $before, after: $after, requestId: $requestId, ' +
        'version: $version, details: $details, areas: $areas, seq: ledgerSeq})',
      {
        id,
        actor: this.meta.actor.subject,
        role: this.meta.actor.role,
        operation: this.operation,
        label: target.label,
        targetId: target.id,
        before: before === null ? null : JSON.stringify(before),
        after: after === null ? null : JSON.stringify(after),
        requestId: this.meta.requestId,
        version: typeof after?.version === 'number' ? after.version : null,
        details: Object.keys(extra).length ? JSON.stringify(extra) : null,
        areas,
      },
    );
    return id;
  }
}

const REL_SET: ReadonlySet<string> = new Set(REL_TYPES);

/** Relationship types are interpolated into Cypher only after this check against the closed list. */
export function checkedRelType(t: string): RelType {
  if (!REL_SET.has(t)) throw new TypeError(`unknown relationship type ${JSON.stringify(t)}`);
  return t as RelType;
}
