import { badInput } from '../domain/errors';
import { LABELS, type Label } from '../domain/model';

const LABEL_SET: ReadonlySet<string> = new Set(LABELS);

/** A node's identity in the store: its label and its `id` property. */
export interface NodeKey {
  label: Label;
  id: string;
}

/**
 * Relay global ids are opaque: base64url of `Label:id`. Clients must not parse them; the
 * encoding may change. Refetching a global id through `node(id:)` returns the same object.
 */
export function toGlobalId(label: Label, id: string): string {
  return Buffer.from(`${label}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global id; a malformed one is BAD_USER_INPUT naming the argument, never a crash. */
export function fromGlobalId(globalId: string, argument = 'id'): NodeKey {
  const text = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const sep = text.indexOf(':');
  const label = text.slice(0, sep);
  const id = text.slice(sep + 1);
  if (sep <= 0 || !LABEL_SET.has(label) || id === '' || toGlobalId(label as Label, id) !== globalId) {
    throw badInput(`${argument} is not a valid id: ${JSON.stringify(globalId.slice(0, 100))}`, { argument });
  }
  return { label: label as Label, id };
}

/** Like fromGlobalId, and also requires one of `labels` (e.g. an area must be an AdminUnit). */
export function fromGlobalIdOf(globalId: string, labels: readonly Label[], argument: string): NodeKey {
  const key = fromGlobalId(globalId, argument);
  if (!labels.includes(key.label)) {
    throw badInput(`${argument} must be the id of a ${labels.join(' or ')}, got a ${key.label}`, {
      argument,
    });
  }
  return key;
}
