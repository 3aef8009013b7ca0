/**
 * Cursors of keyset pages in any sort order (issue 16): the order's tag ("name.asc") and the last
 * row's key values as PostgreSQL printed them (src/repositories/keyset-order.ts), in an opaque
 * cursor (cursor.ts). A cursor made for another order is refused, never misread.
 */
import { AppError } from '../errors/app-error.ts';
import { isIsoDate } from '../domain/calendar/iso-date.ts';
import type { KeysetColumn } from '../repositories/keyset-order.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** Whether a key value may be cast to its column's type (a tampered cursor is a 400, never a database error). */
function castable(value: string, cast: KeysetColumn['cast']): boolean {
  switch (cast) {
    case 'text':
      return true;
    case 'int':
      return /^-?\d{1,9}$/.test(value);
    case 'date':
      return isIsoDate(value);
    case 'timestamptz': {
      const match = TIMESTAMP.exec(value);
      return match !== null && isIsoDate(match[1] ?? '');
    }
  }
}

/**
 * The key values a cursor carries, checked against the order it must have been made for and
 * against the types of the keyset's columns.
 */
export function decodeKeysetCursor(cursor: string, tag: string, keyset: readonly Pick<KeysetColumn, 'cast'>[]): string[] {
  const length = keyset.length;
  const invalid = new AppError('invalid_cursor', '分页游标无效', { field: 'cursor' });
  const { s, k } = decodeCursor(cursor, ['s', 'k']);
  if (s !== tag) throw invalid;
  let values: unknown;
  try {
    values = JSON.parse(k);
  } catch {
    throw invalid;
  }
  if (!Array.isArray(values) || values.length !== length || !values.every((v): v is string => typeof v === 'string')) throw invalid;
  if (!values.every((value, i) => castable(value, keyset[i]?.cast ?? 'text'))) throw invalid;
  return values;
}

/** The cursor of a keyset position in the order `tag`. */
export function encodeKeysetCursor(tag: string, key: readonly string[]): string {
  return encodeCursor({ s: tag, k: JSON.stringify(key) });
}
