import type { Label, RelType } from '../../domain/model';
import type { GraphBatch, NodeRecord, PropValue, RelRecord } from '../../domain/records';

/** A node reference: what a relationship end needs. */
export interface Ref {
  readonly label: Label;
  readonly id: string;
}

/**
 * Collects the records of one synthetic batch. Every node it makes is SYNTHETIC; it never makes a
 * node with a reported id (those are passed in as Refs and only ever used as relationship ends).
 */
export class Emitter {
  readonly nodes: NodeRecord[] = [];
  readonly rels: RelRecord[] = [];

  node(label: Label, id: string, props: Record<string, PropValue>): Ref {
    this.nodes.push({ label, id, provenance: 'SYNTHETIC', props });
    return { label, id };
  }

  rel(type: RelType, from: Ref, to: Ref, props?: Record<string, PropValue>): void {
    this.rels.push(props ? { type, from, to, props } : { type, from, to });
  }

  batch(): GraphBatch {
    return { nodes: this.nodes, rels: this.rels };
  }
}

/** Zero-padded sequence number, 1-based: pad(7, 3) → "007". */
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
