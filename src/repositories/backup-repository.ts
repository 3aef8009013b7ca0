/**
 * Catalogue queries and row copy for backup and restore. Tables are discovered in the current
 * schema (whatever the migrations created), so new tables are backed up without code changes.
 */
import type { RawSql } from '../db/client.ts';

export interface TableInfo {
  name: string;
  /** Columns in table order, without generated columns. */
  columns: string[];
  primaryKey: string[];
  /** Columns fed by a sequence (serial / identity). */
  sequenceColumns: string[];
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Base tables of the current schema except those listed, parents before children (FK order).
 * Deferrable foreign keys are left out of the order (restore defers them to commit), so a cycle of
 * foreign keys is allowed when one of its links is DEFERRABLE.
 */
export async function listTablesInDependencyOrder(sql: RawSql, exclude: readonly string[]): Promise<TableInfo[]> {
  const tables = await sql.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  const edges = await sql.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND NOT k.condeferrable`,
  );
  const names = tables.map((t) => t.name).filter((name) => !exclude.includes(name));
  const parents = new Map<string, Set<string>>(names.map((name) => [name, new Set<string>()]));
  for (const edge of edges) {
    if (edge.child !== edge.parent && parents.has(edge.child) && parents.has(edge.parent)) {
      parents.get(edge.child)?.add(edge.parent);
    }
  }
  const ordered: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`foreign keys form a cycle through table ${name}; make one link DEFERRABLE`);
    visiting.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent);
    visiting.delete(name);
    done.add(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);

  const result: TableInfo[] = [];
  for (const name of ordered) {
    const columns = await sql.query<{ name: string; serial: boolean }>(
      `SELECT a.attname AS name,
              (a.attidentity <> '' OR pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident($1), a.attname) IS NOT NULL) AS serial
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attgenerated = ''
        ORDER BY a.attnum`,
      [name],
    );
    const primaryKey = await sql.query<{ name: string }>(
      `SELECT a.attname AS name
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
        WHERE n.nspname = current_schema() AND c.relname = $1 AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`,
      [name],
    );
    result.push({
      name,
      columns: columns.map((c) => c.name),
      primaryKey: primaryKey.map((c) => c.name),
      sequenceColumns: columns.filter((c) => c.serial).map((c) => c.name),
    });
  }
  return result;
}

/** Every row of a table as exact JSON text (row_to_json), in primary-key order. */
export async function dumpTableRows(sql: RawSql, table: TableInfo): Promise<string[]> {
  const order =
    table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdent).join(', ') : 'row_to_json(t)::text';
  const columns = table.columns.map((c) => `t.${quoteIdent(c)}`).join(', ');
  const rows = await sql.query<{ r: string }>(
    `SELECT row_to_json(x)::text AS r FROM (SELECT ${columns} FROM ${quoteIdent(table.name)} t ORDER BY ${order}) x`,
  );
  return rows.map((row) => row.r);
}

export async function countRows(sql: RawSql, table: string): Promise<number> {
  const rows = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table)}`);
  return Number(rows[0]?.n ?? 0);
}

export async function deleteAllRows(sql: RawSql, table: string): Promise<void> {
  await sql.query(`DELETE FROM ${quoteIdent(table)}`);
}

/** Inserts rows given as JSON texts; one statement per batch, so self-references resolve at its end. */
export async function insertTableRows(sql: RawSql, table: TableInfo, rows: readonly string[], batchSize = 20_000): Promise<void> {
  const columns = table.columns.map(quoteIdent).join(', ');
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await sql.query(
      `INSERT INTO ${quoteIdent(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
       SELECT ${columns} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json)`,
      [`[${batch.join(',')}]`],
    );
  }
}

/** Moves each sequence of the table past the restored values. */
export async function resetSequences(sql: RawSql, table: TableInfo): Promise<void> {
  for (const column of table.sequenceColumns) {
    await sql.query(
      `SELECT setval(
         pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident($1), $2),
         COALESCE((SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table.name)}), 1),
         (SELECT count(*) > 0 FROM ${quoteIdent(table.name)}))`,
      [table.name, column],
    );
  }
}
