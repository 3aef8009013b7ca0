/**
 * Keyset pagination over any sort order (issue 16): a list is ordered by a tuple of key columns,
 * each with its own direction, and the next page starts strictly after the last row's tuple. The
 * key values travel in the cursor as the text PostgreSQL itself printed (`(expr)::text`), so a
 * timestamp keeps its microseconds and a comparison casts it back exactly.
 */
import { and, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';

/** One column of a keyset order. */
export interface KeysetColumn {
  /** The value ordered by (a column or an expression that is never NULL) */
  expr: SQL;
  dir: 'asc' | 'desc';
  /** The SQL type the cursor's text is cast back to */
  cast: 'text' | 'int' | 'timestamptz' | 'date';
}

/** ORDER BY terms of the keyset. */
export function keysetOrderBy(columns: readonly KeysetColumn[]): SQL[] {
  return columns.map((column) => sql`${column.expr} ${sql.raw(column.dir === 'asc' ? 'ASC' : 'DESC')}`);
}

/** The key of each row as text, in a JSON array (selected beside the row; the cursor carries it). */
export function keysetValues(columns: readonly KeysetColumn[]): SQL<string[]> {
  return sql<string[]>`json_build_array(${sql.join(
    columns.map((column) => sql`(${column.expr})::text`),
    sql`, `,
  )})`;
}

/** The condition "strictly after `values`" in the keyset's order (expanded, so directions may differ per column). */
export function keysetAfter(columns: readonly KeysetColumn[], values: readonly string[]): SQL {
  if (values.length !== columns.length) throw new Error('keyset values do not match the columns');
  const branches: SQL[] = [];
  columns.forEach((column, i) => {
    const equal = columns.slice(0, i).map((previous, j) => sql`${previous.expr} = ${values[j]}::${sql.raw(previous.cast)}`);
    const beyond = sql`${column.expr} ${sql.raw(column.dir === 'asc' ? '>' : '<')} ${values[i]}::${sql.raw(column.cast)}`;
    branches.push(equal.length === 0 ? beyond : (and(...equal, beyond) ?? beyond));
  });
  return or(...branches) ?? sql`false`;
}

/** `CASE expr WHEN v0 THEN 0 … ELSE n END`: the rank of an enumerated value in the given order. */
export function rankOf(expr: SQL, values: readonly string[]): SQL {
  const whens = values.map((value, i) => sql`WHEN ${value} THEN ${sql.raw(String(i))}`);
  return sql`(CASE ${expr} ${sql.join(whens, sql` `)} ELSE ${sql.raw(String(values.length))} END)`;
}
