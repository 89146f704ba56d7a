import type { GraphBatch, NodeRecord } from '../../domain/records';
import { helperKey, withHelperKey } from '../derived-props';
import type { RowIssue } from '../../domain/validation/import-rows';
import { parseJsonLine } from '../../domain/validation/json-line';
import { restoreDateTimes } from '../writes/date-times';
import { acrossFacts, type AcrossFacts } from '../writes/across-dump';
import { checkGraphRecord, labelCode, relTypeCode } from '../writes/dump-check';
import { ImportFiles, type ImportFileSet } from './import-files';
import type { WithPort } from './thread-tasks';
import { utf8Lines } from './utf8-lines';

/** One thread's share of a JSON Lines graph dump: a byte range that starts at a line's start. */
export interface DumpRange {
  file: string;
  /** The range's first byte, and the first byte after it. */
  start: number;
  end: number;
  /** The line number of its first line. */
  firstLine: number;
  /** Where to write the import files (ImportFiles' dir and part), or null for a dry run. */
  out: { dir: string; part: string } | null;
}

/**
 * What a thread posts for every CHUNK_RECORDS records it reads: its issues and, column by column,
 * what the parent checks across the whole dump (AcrossDump). A pairing's helper key comes from its
 * HELPER relationship: the thread writes the pairings whose HELPER lies in its own range as soon
 * as it has read both, and sends the others for the parent to write once every range is read.
 */
export interface DumpChunk {
  records: number;
  issues: RowIssue[];
  /** Labels and relationship types as codes (labelCode, relTypeCode). */
  nodeLabels: number[];
  nodeIds: string[];
  nodeLines: number[];
  /** What the checks across the dump take of each node (its citations, dates, pairing facts). */
  nodeFacts: (AcrossFacts | null)[];
  relTypes: number[];
  fromLabels: number[];
  fromIds: string[];
  toLabels: number[];
  toIds: string[];
  relLines: number[];
  /** Pairings whose HELPER relationship is not in the thread's range (sent with its last chunk). */
  pairings: NodeRecord[];
  /** HELPER relationships whose pairing is not in the range: its id and the helper key (likewise). */
  helperPairings: string[];
  helperKeys: string[];
}

const CHUNK_RECORDS = 5_000;

const emptyChunk = (): DumpChunk => ({
  records: 0,
  issues: [],
  nodeLabels: [],
  nodeIds: [],
  nodeLines: [],
  nodeFacts: [],
  relTypes: [],
  fromLabels: [],
  fromIds: [],
  toLabels: [],
  toIds: [],
  relLines: [],
  pairings: [],
  helperPairings: [],
  helperKeys: [],
});

/**
 * Reads one range of a dump line by line, checks each record on its own (checkGraphRecord),
 * writes the valid ones as import files (a pairing once its HELPER relationship is read too; those
 * whose HELPER lies in another range go with the last chunk), and hands `post` a DumpChunk per
 * CHUNK_RECORDS records; resolves with its files and the number of chunks it posted. A line that
 * is not UTF-8 (utf8Lines) or not a JSON object fails the whole range, naming the line.
 */
export async function writeDumpRange(
  r: DumpRange,
  post: (c: DumpChunk) => void,
): Promise<{ files: ImportFileSet | null; chunks: number }> {
  const writer = r.out && new ImportFiles(r.out.dir, r.out.part);
  let done = false;
  try {
    let chunk = emptyChunk();
    let chunks = 0;
    let batch: GraphBatch = { nodes: [], rels: [] };
    /**
     * A pairing is written as soon as both it and its HELPER relationship have been read: until
     * then, the pairing waits in `pairings`, or its helper key in `helperOf`.
     */
    const pairings = new Map<string, NodeRecord>();
    const helperOf = new Map<string, string>();
    const withKey = (p: NodeRecord, key: string) => withHelperKey(restoreDateTimes(p), key);
    const flush = () => {
      if (writer && batch.nodes.length + batch.rels.length) writer.add(batch);
      batch = { nodes: [], rels: [] };
      post(chunk);
      chunks += 1;
      chunk = emptyChunk();
    };
    for await (const { line, text } of utf8Lines(r.file, r)) {
      if (text.trim() === '') continue;
      const values = parseJsonLine(text, line);
      chunk.records += 1;
      const rec = checkGraphRecord(values, line, chunk.issues);
      if (rec && 'node' in rec) {
        const n = rec.node;
        chunk.nodeLabels.push(labelCode(n.label));
        chunk.nodeIds.push(n.id);
        chunk.nodeLines.push(line);
        chunk.nodeFacts.push(acrossFacts(n));
        if (n.label !== 'Pairing') batch.nodes.push(restoreDateTimes(n));
        else {
          const key = helperOf.get(n.id);
          if (key === undefined) pairings.set(n.id, n);
          else {
            helperOf.delete(n.id);
            batch.nodes.push(withKey(n, key));
          }
        }
      } else if (rec) {
        const { type, from, to } = rec.rel;
        chunk.relTypes.push(relTypeCode(type));
        chunk.fromLabels.push(labelCode(from.label));
        chunk.fromIds.push(from.id);
        chunk.toLabels.push(labelCode(to.label));
        chunk.toIds.push(to.id);
        chunk.relLines.push(line);
        batch.rels.push(rec.rel);
        if (type === 'HELPER') {
          const p = pairings.get(from.id);
          if (p === undefined) helperOf.set(from.id, helperKey(to));
          else {
            pairings.delete(from.id);
            batch.nodes.push(withKey(p, helperKey(to)));
          }
        }
      }
      if (chunk.records >= CHUNK_RECORDS) flush();
    }
    // what is left meets in the parent: pairings whose HELPER lies in another range, and HELPERs
    // whose pairing does
    for (const p of pairings.values()) chunk.pairings.push(p);
    for (const [pairing, key] of helperOf) {
      chunk.helperPairings.push(pairing);
      chunk.helperKeys.push(key);
    }
    flush();
    const files = writer?.finish() ?? null;
    done = true;
    return { files, chunks };
  } finally {
    if (!done) writer?.abort();
  }
}

/** The piscina entry point (dump-files.ts): a range and the port its chunks go to. */
export default function writeShare({ port, ...range }: WithPort<DumpRange>) {
  return writeDumpRange(range, (c) => port.postMessage(c));
}
