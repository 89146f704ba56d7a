import fs from 'node:fs';
import { decodeUtf8, UTF8_BOM } from '../../domain/validation/decode-utf8';

/** A byte range of a file that starts at a line's start, and the number of that line. */
export interface LineRange {
  start: number;
  /** The first byte after the range (default: the end of the file). */
  end?: number;
  firstLine: number;
}

/**
 * The lines of a file (or of a range of it), numbered, as a stream: split at LF, a CR before it
 * dropped, a UTF-8 BOM at the file's start skipped, and each line decoded strictly (decodeUtf8:
 * bytes that are not UTF-8 fail the read, naming the line and the offset). Blank lines are
 * yielded too, so that the caller decides; a last line without LF is yielded when it is not empty.
 * The one reader of JSON Lines import files (read-rows.ts) and of the dump's threads
 * (dump-files-worker.ts), so that both number lines as `splitLines` does.
 */
export async function* utf8Lines(
  file: string,
  r: LineRange = { start: 0, firstLine: 1 },
): AsyncGenerator<{ line: number; text: string }> {
  const end = r.end === undefined ? undefined : r.end - 1;
  if (end !== undefined && end < r.start) return;
  const input = fs.createReadStream(file, { start: r.start, end, highWaterMark: 2 ** 20 });
  let line = r.firstLine;
  let offset = r.start; // of the line being gathered
  let pieces: Buffer[] = [];
  const text = (bytes: Buffer) => {
    let [from, to] = [0, bytes.length];
    if (offset === 0 && bytes.subarray(0, 3).equals(UTF8_BOM)) from = 3;
    if (to > from && bytes[to - 1] === 13) to -= 1;
    return decodeUtf8(bytes.subarray(from, to), { file, offset: offset + from, line });
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      pieces.push(chunk.subarray(from, nl));
      const bytes = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
      yield { line, text: text(bytes) };
      offset += bytes.length + 1;
      line += 1;
      pieces = [];
      from = nl + 1;
    }
    if (from < chunk.length) pieces.push(chunk.subarray(from));
  }
  if (pieces.length) yield { line, text: text(Buffer.concat(pieces)) };
}
