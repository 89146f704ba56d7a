import { isUtf8 } from 'node:buffer';

/** Where some bytes of an import file lie: the file, the offset of their first byte, its line. */
export interface BytesAt {
  file: string;
  offset: number;
  line: number;
}

/**
 * Bytes of an import file as text, decoded strictly: bytes that are not UTF-8 (a GBK or Latin-1
 * file, a stray byte) are refused, naming the line and the byte offset of the first bad one,
 * instead of being read as U+FFFD, which would be stored as if it were the name. The check is
 * native (isUtf8); only a refused file is walked byte by byte to say where.
 */
export function decodeUtf8(bytes: Buffer, at: BytesAt): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const i = firstInvalidUtf8(bytes);
  let line = at.line;
  // 0x0a is never part of a multi-byte sequence: counting it counts lines
  for (let k = bytes.indexOf(10); k !== -1 && k < i; k = bytes.indexOf(10, k + 1)) line += 1;
  const hex = bytes[i].toString(16).padStart(2, '0');
  throw new Error(
    `${at.file}, line ${line}: not UTF-8 (the byte at offset ${at.offset + i} is 0x${hex}); save the file as UTF-8`,
  );
}

/** The bytes of the UTF-8 byte order mark, which a file may start with (and which is skipped). */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The index of the first byte that does not begin a well-formed UTF-8 sequence (The Unicode
 * Standard, table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const l = lead(b);
    if (l === null) return i;
    const [need, lo, hi] = l;
    for (let k = 1; k <= need; k++) {
      const c = i + k < bytes.length ? bytes[i + k] : -1;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** What a lead byte needs: the number of continuation bytes, and the range of the first of them. */
function lead(b: number): [number, number, number] | null {
  if (b >= 0xc2 && b <= 0xdf) return [1, 0x80, 0xbf];
  if (b === 0xe0) return [2, 0xa0, 0xbf]; // no overlong form
  if (b === 0xed) return [2, 0x80, 0x9f]; // no surrogate
  if (b >= 0xe1 && b <= 0xef) return [2, 0x80, 0xbf];
  if (b === 0xf0) return [3, 0x90, 0xbf]; // no overlong form
  if (b >= 0xf1 && b <= 0xf3) return [3, 0x80, 0xbf];
  if (b === 0xf4) return [3, 0x80, 0x8f]; // nothing past U+10FFFF
  return null;
}
