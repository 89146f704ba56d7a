/** Characters XML 1.0 does not allow, even escaped. */
// eslint-disable-next-line no-control-regex -- the control characters ARE the point: XML forbids them.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe in XML 1.0 content and attribute values: forbidden characters dropped, markup escaped. */
export const xmlEscape = (s: string): string =>
  s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
