/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped,
 * Dates as ISO strings. The same value always gives the same text, whichever database stored it.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Converts any value to the plain JSON value it serialises to (Dates → ISO strings, undefined dropped). */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no representation for ${value}`);
    return value;
  }
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item));
  if (typeof value === 'object') {
    const result: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined || typeof member === 'function') continue;
      result[key] = toJsonValue(member);
    }
    return result;
  }
  throw new TypeError(`canonical JSON has no representation for a ${typeof value}`);
}

function write(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${write(value[key] as JsonValue)}`).join(',')}}`;
}

/** The canonical JSON text of a value. */
export function canonicalJson(value: unknown): string {
  return write(toJsonValue(value));
}
