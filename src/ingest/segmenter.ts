import type { Jieba } from '@node-rs/jieba';
import { DOMAIN_WORDS } from './domain-words';

/** One word of a segmented text, with its offsets into that text and jieba's part-of-speech tag. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/**
 * jieba (the Rust implementation through @node-rs/jieba, its default dictionary, no network) with
 * the domain words above and the graph's own names as a user dictionary, so a known unit or
 * organisation is one word. One instance per name set: loading the dictionary takes ≈ 0.3 s.
 */
export class Segmenter {
  private readonly jieba: Jieba;
  private readonly added = new Set<string>();

  constructor(names: Iterable<string> = []) {
    // Loaded on first use, not with the module: jieba and its dictionary hold ≈ 15 MiB that a
    // service which is never asked to propose a report should not carry (docs/deployment.md).
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { Jieba: JiebaOf } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    /* eslint-enable @typescript-eslint/no-require-imports */
    this.jieba = JiebaOf.withDict(dict);
    this.jieba.loadDict(Buffer.from(DOMAIN_WORDS.map(([w, t]) => `${w} 100000 ${t}`).join('\n'), 'utf8'));
    this.addNames(names);
  }

  /** Adds names to the user dictionary (names already added are skipped; words are never removed). */
  addNames(names: Iterable<string>): void {
    const lines: string[] = [];
    for (const n of names) {
      if (!/^\S+$/.test(n) || n.length < 2 || this.added.has(n)) continue;
      this.added.add(n);
      lines.push(`${n} 100000 nz`);
    }
    if (lines.length) this.jieba.loadDict(Buffer.from(lines.join('\n'), 'utf8'));
  }

  /** The words of `text` with offsets (jieba's words concatenate back to the text). */
  tokens(text: string): Token[] {
    const out: Token[] = [];
    let pos = 0;
    for (const { word, tag } of this.jieba.tag(text, false)) {
      const start = text.indexOf(word, pos);
      if (start < 0) continue; // jieba normalises nothing, but never let a mismatch shift offsets
      out.push({ word, tag, start, end: start + word.length });
      pos = start + word.length;
    }
    return out;
  }
}

let shared: Segmenter | null = null;

/**
 * The process's segmenter: building jieba's dictionary takes about a second, so it is built once
 * and the graph's names are added to it as proposals need them (adding a word only ever helps).
 */
export function sharedSegmenter(names: Iterable<string>): Segmenter {
  shared ??= new Segmenter();
  shared.addNames(names);
  return shared;
}
