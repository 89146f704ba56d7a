/**
 * JSON with object keys in sorted order, so equal values written in another key order give the
 * same text: loader and cursor keys (equal arguments share a loader, a cursor stays valid) and the
 * idempotency hash of a mutation's input (a replay may send its fields in any order).
 *
 * Contract: `JSON.parse(stableJson(v))` deep-equals `JSON.parse(JSON.stringify(v))` for every
 * value JSON can encode — `toJSON` is honoured (a Date is its ISO string), properties whose value
 * is `undefined` are left out, `undefined` in an array and at the top level is `null` — and two
 * values give the same text exactly when they are equal as JSON, whatever their key order.
 */
export function stableJson(v: unknown): string {
  const value: unknown =
    v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function'
      ? (v as { toJSON: () => unknown }).toJSON()
      : v;
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined && typeof o[k] !== 'function' && typeof o[k] !== 'symbol')
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
