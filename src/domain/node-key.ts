import type { Label } from './model';

/**
 * A node's identity in the store: its label (from the closed list of domain/model) and its unique
 * `id` property. The one shape every layer uses to name a node: a relationship end of a record, a
 * write's target, a parent whose related rows are fetched, a decoded global id.
 */
export interface NodeKey {
  label: Label;
  id: string;
}
