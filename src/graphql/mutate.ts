import { ANONYMOUS, authorize, type Operation, type Viewer } from '../domain/access-policy';
import type { Label } from '../domain/model';
import type { EntityInput, EntityLabel } from '../domain/validation/entity-fields';
import { ENTITY_SPECS } from '../domain/validation/entity-fields';
import { nodesByKeys, type NodeRow } from '../store/reads/reads';
import { checkIdempotencyKey, runMutation } from '../store/writes/run-mutation';
import type { NodeRef, WriteMeta, WriteTx } from '../store/writes/write-tx';
import type { Context } from './context';
import { fromGlobalIdOf } from './ids';

/** The caller of a request (anonymous when the context was built outside HTTP). */
export const viewerOf = (ctx: Context): Viewer => ctx.access?.viewer ?? ANONYMOUS;

/** What every mutation resolver returns before its payload field is named. */
export interface Written {
  row: NodeRow;
  replayed: boolean;
}

/**
 * Runs one mutation for a resolver: checks the caller's role against the access policy, picks the
 * idempotency key (the argument, else the `Idempotency-Key` header scoped to this field's response
 * key, so one request may carry several mutations), runs `work` in one write transaction and reads
 * back the record written.
 */
export async function mutate(
  ctx: Context,
  op: Operation,
  args: { idempotencyKey?: string | null; input: object },
  responseKey: string | number,
  work: (w: WriteTx) => Promise<NodeRef>,
): Promise<Written> {
  const viewer = viewerOf(ctx);
  authorize(viewer, op);
  if (viewer.anonymous) throw new Error('unreachable: authorize lets no anonymous write through');
  const header = ctx.access?.idempotencyKey ?? null;
  if (args.idempotencyKey != null) checkIdempotencyKey(args.idempotencyKey, 'idempotencyKey');
  else if (header !== null) checkIdempotencyKey(header, 'Idempotency-Key header');
  const key = args.idempotencyKey ?? (header === null ? null : `${header}#${responseKey}`);
  const meta: WriteMeta = {
    actor: { subject: viewer.subject, role: viewer.role },
    requestId: ctx.requestId,
    piiSalt: ctx.access?.piiSalt ?? '',
  };
  const outcome = await runMutation(
    ctx.gateway,
    meta,
    { operation: op, idempotencyKey: key, input: args.input },
    work,
  );
  // Read directly, not through the request's loaders: an earlier field may have cached the old record.
  const [row] = await nodesByKeys(ctx.gateway, [outcome.result]);
  if (!row) throw new Error(`${op}: ${outcome.result.label} ${outcome.result.id} is gone after the write`);
  return { row, replayed: outcome.replayed };
}

/** A global id of one of `labels`, as a store key; BAD_USER_INPUT naming `field` otherwise. */
export const keyOf = (id: string, labels: readonly Label[], field: string): string =>
  fromGlobalIdOf(id, labels, field).id;

/** Like keyOf for optional references: undefined stays undefined (unchanged), null stays null (remove). */
export const optionalKeyOf = (
  id: string | null | undefined,
  labels: readonly Label[],
  field: string,
): string | null | undefined =>
  id === undefined ? undefined : id === null ? null : keyOf(id, labels, field);

/**
 * An entity mutation's input as the domain takes it: plain fields, and references (`…Id`, global
 * ids) decoded to store keys of the kind the entity spec names.
 */
export function entityInput(label: EntityLabel, input: Readonly<Record<string, unknown>>): EntityInput {
  const spec = ENTITY_SPECS[label];
  const fields: Record<string, unknown> = {};
  for (const f of Object.keys(spec.fields)) if (input[f] !== undefined) fields[f] = input[f];
  const refs: Record<string, string | null> = {};
  for (const [f, r] of Object.entries(spec.refs)) {
    const key = optionalKeyOf(input[f] as string | null | undefined, [r.to], `input.${f}`);
    if (key !== undefined) refs[f] = key;
  }
  return { key: typeof input.key === 'string' ? input.key : null, fields, refs };
}
