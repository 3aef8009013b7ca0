/**
 * Schema drift check (issue 10 item 5): the tables the committed SQL migrations create, compared
 * with the Drizzle schema of src/db/schema/, both as PostgreSQL itself describes them.
 *
 * The Drizzle tables are turned into DDL (as drizzle-kit would) and created in a scratch schema of
 * the same database the migrations ran in; then the catalogue of `public` (migrations) and of the
 * scratch schema (Drizzle) are read with the same queries, so types, defaults and index definitions
 * come out in PostgreSQL's own normal form on both sides and compare as text.
 *
 * Compared: tables; columns (type, NOT NULL, default, identity/generated); indexes, including those
 * of primary keys and unique constraints (by definition, names reported but not compared, since
 * Drizzle and PostgreSQL name constraints differently); foreign keys (columns, referenced table and
 * columns, ON DELETE / ON UPDATE). Not compared: CHECK constraints (the Drizzle schema does not
 * declare them; the SQL is their only source) and DEFERRABLE (Drizzle cannot express it).
 */
import { is, SQL } from 'drizzle-orm';
import { getTableConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { RawSql } from '../../src/db/client.ts';

export const MIGRATIONS_SCHEMA = 'public';
export const DRIZZLE_SCHEMA = 'drizzle_schema_mirror';
/** Tables of the migrator itself, not of the application schema. */
const IGNORED_TABLES = new Set(['schema_migrations']);

export interface CatalogueColumn {
  type: string;
  notNull: boolean;
  default: string | null;
  identity: string;
  generated: string;
}

export interface CatalogueIndex {
  name: string;
  /** `pg_get_indexdef` without the index name and the schema */
  definition: string;
}

export interface CatalogueTable {
  columns: Map<string, CatalogueColumn>;
  indexes: CatalogueIndex[];
  /** `pg_get_constraintdef` of each foreign key, without DEFERRABLE */
  foreignKeys: string[];
}

export type Catalogue = Map<string, CatalogueTable>;

const dialect = new PgDialect();

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replace(/'/g, "''")}'`;
}

/** A Drizzle SQL chunk as text, columns unqualified (as in an index or a default), parameters inlined. */
function renderSql(chunk: SQL): string {
  const query = dialect.sqlToQuery(chunk, 'indexes');
  return query.sql.replace(/\$(\d+)/g, (_match, n: string) => literal(query.params[Number(n) - 1]));
}

function renderDefault(column: PgColumn): string | null {
  if (column.default === undefined) return null; // none, or a JS-side $defaultFn (no database default)
  if (is(column.default, SQL)) return renderSql(column.default);
  return literal(column.mapToDriverValue(column.default));
}

/** Every Drizzle table exported by a schema module (e.g. `import * as schema from src/db/schema/index.ts`). */
export function drizzleTables(schemaModule: Record<string, unknown>): PgTable[] {
  return Object.values(schemaModule).filter((value): value is PgTable => is(value, PgTable));
}

/** The DDL Drizzle's tables stand for: tables first, then foreign keys and indexes (so cycles are fine). */
export function drizzleDdl(tables: readonly PgTable[]): string[] {
  const createTables: string[] = [];
  const afterwards: string[] = [];
  for (const table of tables) {
    const config = getTableConfig(table);
    const name = quoteIdent(config.name);
    const lines = config.columns.map((column) => {
      const parts = [quoteIdent(column.name), column.getSQLType()];
      if (column.generatedIdentity) {
        parts.push(`GENERATED ${column.generatedIdentity.type === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`);
      }
      if (column.generated) {
        const expression = column.generated.as;
        parts.push(`GENERATED ALWAYS AS (${is(expression, SQL) ? renderSql(expression) : String(expression)}) STORED`);
      }
      if (column.primary) parts.push('PRIMARY KEY');
      else if (column.notNull) parts.push('NOT NULL');
      const defaultSql = renderDefault(column);
      if (defaultSql !== null) parts.push(`DEFAULT ${defaultSql}`);
      if (column.isUnique) parts.push(column.uniqueType === 'not distinct' ? 'UNIQUE NULLS NOT DISTINCT' : 'UNIQUE');
      return parts.join(' ');
    });
    for (const key of config.primaryKeys) lines.push(`PRIMARY KEY (${key.columns.map((c) => quoteIdent(c.name)).join(', ')})`);
    for (const unique of config.uniqueConstraints) {
      lines.push(`UNIQUE${unique.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${unique.columns.map((c) => quoteIdent(c.name)).join(', ')})`);
    }
    createTables.push(`CREATE TABLE ${name} (\n  ${lines.join(',\n  ')}\n)`);
    for (const key of config.foreignKeys) {
      const reference = key.reference();
      const target = getTableConfig(reference.foreignTable).name;
      afterwards.push(
        `ALTER TABLE ${name} ADD FOREIGN KEY (${reference.columns.map((c) => quoteIdent(c.name)).join(', ')}) ` +
          `REFERENCES ${quoteIdent(target)} (${reference.foreignColumns.map((c) => quoteIdent(c.name)).join(', ')})` +
          `${key.onDelete ? ` ON DELETE ${key.onDelete.toUpperCase()}` : ''}${key.onUpdate ? ` ON UPDATE ${key.onUpdate.toUpperCase()}` : ''}`,
      );
    }
    config.indexes.forEach((index, position) => {
      const { name: indexName, columns, unique, where, method } = index.config;
      const rendered = columns.map((column) => {
        if (is(column, SQL)) return `(${renderSql(column)})`;
        const indexed = column as { name?: string; indexConfig?: { order?: string; nulls?: string; opClass?: string } };
        const options = indexed.indexConfig ?? {};
        return [
          quoteIdent(indexed.name ?? ''),
          options.opClass ?? '',
          options.order === 'desc' ? 'DESC' : '',
          options.nulls === 'first' && options.order !== 'desc' ? 'NULLS FIRST' : '',
          options.nulls === 'last' && options.order === 'desc' ? 'NULLS LAST' : '',
        ]
          .filter((part) => part !== '')
          .join(' ');
      });
      afterwards.push(
        `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(indexName ?? `${config.name}_index_${position}`)} ON ${name}` +
          ` USING ${method ?? 'btree'} (${rendered.join(', ')})${where ? ` WHERE ${renderSql(where)}` : ''}`,
      );
    });
  }
  return [...createTables, ...afterwards];
}

/** The tables of one schema as PostgreSQL describes them (call with `search_path` set to that schema). */
export async function readCatalogue(sql: RawSql, schema: string): Promise<Catalogue> {
  const catalogue: Catalogue = new Map();
  const tables = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [schema],
  );
  for (const { name } of tables) {
    if (!IGNORED_TABLES.has(name)) catalogue.set(name, { columns: new Map(), indexes: [], foreignKeys: [] });
  }
  const columns = await sql.query<{ table: string; column: string; type: string; not_null: boolean; default: string | null; identity: string; generated: string }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity::text AS identity, a.attgenerated::text AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, a.attnum`,
    [schema],
  );
  for (const row of columns) {
    catalogue.get(row.table)?.columns.set(row.column, {
      type: row.type,
      notNull: row.not_null,
      default: row.default,
      identity: row.identity,
      generated: row.generated,
    });
  }
  const indexes = await sql.query<{ table: string; name: string; definition: string }>(
    `SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 ORDER BY 1, 2`,
    [schema],
  );
  for (const row of indexes) {
    const definition = row.definition
      .replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?/, 'CREATE $1INDEX ON $2')
      .replace(new RegExp(`ON (ONLY )?(${schema}|"${schema}")\\.`), 'ON $1');
    catalogue.get(row.table)?.indexes.push({ name: row.name, definition });
  }
  const foreignKeys = await sql.query<{ table: string; definition: string }>(
    `SELECT t.relname AS table, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND con.contype = 'f' ORDER BY 1, 2`,
    [schema],
  );
  for (const row of foreignKeys) {
    catalogue.get(row.table)?.foreignKeys.push(row.definition.replace(/\s+(NOT )?DEFERRABLE( INITIALLY (DEFERRED|IMMEDIATE))?/g, ''));
  }
  return catalogue;
}

function describeColumn(column: CatalogueColumn): string {
  return [
    column.type,
    column.notNull ? 'NOT NULL' : 'NULL',
    column.default === null ? 'no default' : `DEFAULT ${column.default}`,
    column.identity === '' ? '' : `identity ${column.identity}`,
    column.generated === '' ? '' : `generated ${column.generated}`,
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * Every difference between the migrations' catalogue and the Drizzle schema's, one line each,
 * naming the table, the column or index, and both sides.
 */
export function diffCatalogues(migrations: Catalogue, drizzle: Catalogue): string[] {
  const out: string[] = [];
  const tableNames = [...new Set([...migrations.keys(), ...drizzle.keys()])].sort();
  for (const tableName of tableNames) {
    const fromSql = migrations.get(tableName);
    const fromSchema = drizzle.get(tableName);
    if (fromSql === undefined) {
      out.push(`table ${tableName}: in src/db/schema but created by no migration`);
      continue;
    }
    if (fromSchema === undefined) {
      out.push(`table ${tableName}: created by the migrations but missing from src/db/schema`);
      continue;
    }
    const columnNames = [...new Set([...fromSql.columns.keys(), ...fromSchema.columns.keys()])];
    for (const columnName of columnNames) {
      const a = fromSql.columns.get(columnName);
      const b = fromSchema.columns.get(columnName);
      if (a === undefined) out.push(`column ${tableName}.${columnName}: in src/db/schema (${describeColumn(b!)}) but not in the migrations`);
      else if (b === undefined) out.push(`column ${tableName}.${columnName}: in the migrations (${describeColumn(a)}) but not in src/db/schema`);
      else {
        const differences: string[] = [];
        if (a.type !== b.type) differences.push(`type ${a.type} ≠ ${b.type}`);
        if (a.notNull !== b.notNull) differences.push(`${a.notNull ? 'NOT NULL' : 'nullable'} ≠ ${b.notNull ? 'NOT NULL' : 'nullable'}`);
        if (a.default !== b.default) differences.push(`default ${a.default ?? 'none'} ≠ ${b.default ?? 'none'}`);
        if (a.identity !== b.identity) differences.push(`identity '${a.identity}' ≠ '${b.identity}'`);
        if (a.generated !== b.generated) differences.push(`generated '${a.generated}' ≠ '${b.generated}'`);
        if (differences.length > 0) out.push(`column ${tableName}.${columnName}: migrations ≠ src/db/schema: ${differences.join('; ')}`);
      }
    }
    const remaining = [...fromSchema.indexes];
    for (const index of fromSql.indexes) {
      const match = remaining.findIndex((candidate) => candidate.definition === index.definition);
      if (match >= 0) remaining.splice(match, 1);
      else out.push(`index ${tableName} [${index.name}]: in the migrations but not in src/db/schema: ${index.definition}`);
    }
    for (const index of remaining) out.push(`index ${tableName} [${index.name}]: in src/db/schema but not in the migrations: ${index.definition}`);
    const keys = [...fromSchema.foreignKeys];
    for (const key of fromSql.foreignKeys) {
      const match = keys.indexOf(key);
      if (match >= 0) keys.splice(match, 1);
      else out.push(`foreign key ${tableName}: in the migrations but not in src/db/schema: ${key}`);
    }
    for (const key of keys) out.push(`foreign key ${tableName}: in src/db/schema but not in the migrations: ${key}`);
  }
  return out;
}

/**
 * Builds the Drizzle schema's tables in a scratch schema of the migrated database, reads both
 * catalogues and drops the scratch schema again; returns the differences.
 */
export async function schemaDrift(sql: RawSql, tables: readonly PgTable[]): Promise<string[]> {
  // Run inside one transaction: on an error it rolls back, scratch schema included.
  await sql.exec(`DROP SCHEMA IF EXISTS ${DRIZZLE_SCHEMA} CASCADE; CREATE SCHEMA ${DRIZZLE_SCHEMA}`);
  // public stays on the path after the scratch schema: the extensions' objects live there (pg_trgm's gin_trgm_ops, migrations/0021)
  await sql.exec(`SET LOCAL search_path TO ${DRIZZLE_SCHEMA}, ${MIGRATIONS_SCHEMA}`);
  for (const statement of drizzleDdl(tables)) {
    try {
      await sql.exec(statement);
    } catch (error) {
      throw new Error(`the Drizzle schema does not build: ${statement}\n${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const drizzle = await readCatalogue(sql, DRIZZLE_SCHEMA);
  await sql.exec(`SET LOCAL search_path TO ${MIGRATIONS_SCHEMA}`);
  const migrations = await readCatalogue(sql, MIGRATIONS_SCHEMA);
  await sql.exec(`DROP SCHEMA ${DRIZZLE_SCHEMA} CASCADE`);
  return diffCatalogues(migrations, drizzle);
}
