/**
 * Backup and restore: a self-describing JSON (gzip when the file ends in .gz) of every table of the
 * schema in dependency order, rows as exact JSON text. Restore goes into an empty database: it
 * applies the backup's migrations, inserts the rows, resets sequences, applies newer migrations.
 */
import fs from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DatabaseHandle } from '../db/client.ts';
import { appliedMigrations, migrate, readMigrations } from '../db/migrate.ts';
import { AppError } from '../errors/app-error.ts';
import {
  countRows,
  deleteAllRows,
  dumpTableRows,
  insertTableRows,
  listTablesInDependencyOrder,
  resetSequences,
} from '../repositories/backup-repository.ts';

export const BACKUP_FORMAT = 'lianxi-backup';
export const BACKUP_VERSION = 1;

/** Tables managed by the migration runner rather than the data. */
const EXCLUDED_TABLES = ['schema_migrations'];

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: { name: string; checksum: string }[];
  /** Parents before children. Each row is the JSON text of row_to_json. */
  tables: { name: string; columns: string[]; rowCount: number; rows: string[] }[];
}

/** Reads every table in one consistent snapshot, stamped `now` (the caller's clock). */
export async function createBackup(handle: DatabaseHandle, options: { now: Date }): Promise<BackupFile> {
  const { now } = options;
  const migrations = await appliedMigrations(handle);
  if (migrations.length === 0) {
    throw new AppError('database_empty', 400, '数据库尚未初始化，没有可备份的数据');
  }
  return handle.rawTransaction(async (sql) => {
    await sql.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await listTablesInDependencyOrder(sql, EXCLUDED_TABLES);
    const dumped: BackupFile['tables'] = [];
    for (const table of tables) {
      const rows = await dumpTableRows(sql, table);
      dumped.push({ name: table.name, columns: table.columns, rowCount: rows.length, rows });
    }
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      migrations: migrations.map((m) => ({ name: m.name, checksum: m.checksum })),
      tables: dumped,
    };
  });
}

/** The backup as JSON bytes, gzipped when `gzip`. */
export function serializeBackup(backup: BackupFile, gzip: boolean): Buffer {
  const text = `${JSON.stringify(backup)}\n`;
  return gzip ? gzipSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8');
}

/** Parses a backup file's bytes (gzip detected by its magic number) and checks its shape. */
export function parseBackup(bytes: Buffer): BackupFile {
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('backup_invalid', 400, '备份文件不是有效的 JSON');
  }
  const backup = value as Partial<BackupFile>;
  if (backup.format !== BACKUP_FORMAT || typeof backup.version !== 'number') {
    throw new AppError('backup_invalid', 400, '不是 Lianxi 备份文件');
  }
  if (backup.version > BACKUP_VERSION) {
    throw new AppError('backup_version', 400, `备份格式版本 ${backup.version} 比本程序新，请升级后再恢复`);
  }
  if (!Array.isArray(backup.migrations) || !Array.isArray(backup.tables)) {
    throw new AppError('backup_invalid', 400, '备份文件缺少 migrations 或 tables');
  }
  for (const table of backup.tables) {
    if (typeof table?.name !== 'string' || !Array.isArray(table.rows) || table.rows.some((r) => typeof r !== 'string')) {
      throw new AppError('backup_invalid', 400, '备份文件的表数据格式不正确');
    }
    if (table.rows.length !== table.rowCount) {
      throw new AppError('backup_invalid', 400, `备份文件中表 ${table.name} 的行数与记录不符（文件可能被截断）`);
    }
  }
  return backup as BackupFile;
}

/** Writes a backup (gzip when `file` ends in .gz), readable by the owner only. */
export async function writeBackupFile(handle: DatabaseHandle, options: { file: string; now: Date }): Promise<BackupFile> {
  const { file } = options;
  const backup = await createBackup(handle, { now: options.now });
  await fs.writeFile(file, serializeBackup(backup, file.endsWith('.gz')), { mode: 0o600 });
  return backup;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  migrationsAppliedAfter: string[];
}

/**
 * Restores a backup into an empty database (no data rows yet; migrations may or may not have run).
 * Refuses a backup whose migrations differ from the committed ones.
 */
export async function restoreBackup(handle: DatabaseHandle, options: { backup: BackupFile }): Promise<RestoreResult> {
  const { backup } = options;
  const available = await readMigrations();
  const byName = new Map(available.map((m) => [m.name, m]));
  for (const [index, migration] of backup.migrations.entries()) {
    const file = byName.get(migration.name);
    if (file === undefined || file.checksum !== migration.checksum || available[index]?.name !== migration.name) {
      throw new AppError(
        'backup_schema_mismatch',
        400,
        `备份的数据库结构（迁移 ${migration.name}）与本程序不一致，无法恢复`,
      );
    }
  }
  const already = await appliedMigrations(handle);
  const lastOfBackup = backup.migrations[backup.migrations.length - 1]?.name;
  if (lastOfBackup === undefined) throw new AppError('backup_invalid', 400, '备份文件没有迁移记录');
  if (already.some((m) => m.name > lastOfBackup)) {
    throw new AppError('restore_target_newer', 409, '目标数据库的结构比备份新，请恢复到空的数据目录或数据库');
  }
  await migrate(handle, { upTo: lastOfBackup });

  let rowTotal = 0;
  await handle.rawTransaction(async (sql) => {
    await sql.exec('SET CONSTRAINTS ALL DEFERRED');
    const tables = await listTablesInDependencyOrder(sql, EXCLUDED_TABLES);
    const byTable = new Map(backup.tables.map((t) => [t.name, t]));
    for (const table of backup.tables) {
      if (!tables.some((t) => t.name === table.name)) {
        throw new AppError('backup_schema_mismatch', 400, `备份中的表 ${table.name} 在目标数据库中不存在`);
      }
    }
    // Every write is audited, so a database without accounts and audit rows holds nothing but what
    // migrations inserted (e.g. the audit chain head); those rows are replaced by the backup's.
    if ((await countRows(sql, 'accounts')) > 0 || (await countRows(sql, 'audit_log')) > 0) {
      throw new AppError('restore_target_not_empty', 409, '目标数据库不是空的（已有账号或审计记录），请恢复到空的数据目录或数据库');
    }
    for (const table of [...tables].reverse()) await deleteAllRows(sql, table.name);
    for (const table of tables) {
      const rows = byTable.get(table.name)?.rows ?? [];
      await insertTableRows(sql, table, rows);
      await resetSequences(sql, table);
      rowTotal += rows.length;
    }
  });
  const after = await migrate(handle);
  return { tables: backup.tables.length, rows: rowTotal, migrationsAppliedAfter: after.applied };
}

/** Restores a backup file (see restoreBackup). */
export async function restoreBackupFile(handle: DatabaseHandle, options: { file: string }): Promise<RestoreResult> {
  const bytes = await fs.readFile(options.file);
  return restoreBackup(handle, { backup: parseBackup(bytes) });
}
