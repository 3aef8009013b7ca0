/** Opaque pagination cursors: base64url JSON of the last row's sort key. */
import { AppError } from '../errors/app-error.ts';

/** An opaque page cursor (base64url JSON) of a keyset position. */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor holding exactly the given string fields; a bad one is a 400 naming `query.cursor`. */
export function decodeCursor<K extends string>(cursor: string, fields: readonly K[]): Record<K, string> {
  const invalid = new AppError('invalid_cursor', '分页游标无效', { field: 'cursor' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid;
  const record = parsed as Record<string, unknown>;
  const out = {} as Record<K, string>;
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== 'string' || value.length === 0) throw invalid;
    out[field] = value;
  }
  return out;
}
