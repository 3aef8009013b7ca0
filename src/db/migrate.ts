import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import smCrypto from 'sm-crypto';
import type { DatabaseHandle, RawSql } from './client.ts';

/** The committed SQL migrations, applied in file-name order. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** Advisory lock key taken while migrating so that several instances starting at once apply each file once. */
const MIGRATION_LOCK_KEY = 4_217_053_001;

export interface MigrationFile {
  name: string;
  sql: string;
  /** SM3 of the file's bytes as text. */
  checksum: string;
}

export type AppliedMigration = {
  name: string;
  checksum: string;
};

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/** A released migration was edited or removed; the database refuses to start. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads `NNNN_name.sql` files from the migrations directory in order. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    if (!/^\d{4}_[a-z0-9_]+\.sql$/.test(name)) {
      throw new MigrationError(`迁移文件名不合规范 / migration file name must look like 0001_name.sql: ${name}`);
    }
    const sql = await fs.readFile(path.join(dir, name), 'utf8');
    files.push({ name, sql, checksum: smCrypto.sm3(sql) });
  }
  return files;
}

async function ensureMigrationsTable(sql: RawSql): Promise<void> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** The migrations recorded as applied, in order. */
export async function appliedMigrations(handle: DatabaseHandle): Promise<AppliedMigration[]> {
  return handle.rawTransaction(async (sql) => {
    const exists = await sql.query<{ present: boolean }>(
      `SELECT to_regclass('schema_migrations') IS NOT NULL AS present`,
    );
    if (exists[0]?.present !== true) return [];
    return sql.query<AppliedMigration>('SELECT name, checksum FROM schema_migrations ORDER BY name');
  });
}

/**
 * Applies every migration not yet applied, in order, in one transaction holding an advisory lock.
 * Idempotent. Refuses to run when an applied migration's file was edited or removed.
 */
export async function migrate(
  handle: DatabaseHandle,
  options: { dir?: string; /** Apply only up to and including this file (restore of an older backup). */ upTo?: string } = {},
): Promise<MigrateResult> {
  const dir = options.dir ?? MIGRATIONS_DIR;
  const all = await readMigrations(dir);
  const files = options.upTo === undefined ? all : all.filter((file) => file.name <= (options.upTo as string));
  return handle.rawTransaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await ensureMigrationsTable(sql);
    const applied = await sql.query<AppliedMigration>('SELECT name, checksum FROM schema_migrations ORDER BY name');
    const byName = new Map(all.map((file) => [file.name, file]));
    for (const row of applied) {
      const file = byName.get(row.name);
      if (file === undefined) {
        throw new MigrationError(
          `已应用的迁移文件缺失 / applied migration ${row.name} is missing from ${dir}; released migrations are never removed`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `已发布的迁移被修改 / released migration ${row.name} was edited (checksum ${row.checksum} recorded, ${file.checksum} on disk); add a new migration instead`,
        );
      }
    }
    const appliedNames = new Set(applied.map((row) => row.name));
    const result: MigrateResult = { applied: [], alreadyApplied: [...appliedNames] };
    for (const file of files) {
      if (appliedNames.has(file.name)) continue;
      try {
        await sql.exec(file.sql);
      } catch (error) {
        throw new MigrationError(
          `迁移失败 / migration ${file.name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await sql.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [file.name, file.checksum]);
      result.applied.push(file.name);
    }
    return result;
  });
}
