import { decodeHTML } from 'entities';

const BLOCK_TAGS = /<\/?(?:p|div|br|li|tr|h[1-6]|section|article|table|ul|ol|dd|dt|blockquote)\b[^>]*>/gi;

/** HTML → text: scripts and styles dropped, block elements become line breaks, entities decoded. */
export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(BLOCK_TAGS, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

/** Whether the input looks like HTML (a tag near the start, or several tags). */
export const looksLikeHtml = (s: string): boolean =>
  /^\s*(?:<!doctype html|<html|<\?xml)/i.test(s) || (s.match(/<\/?[a-z][a-z0-9]*[\s>]/gi)?.length ?? 0) >= 3;
