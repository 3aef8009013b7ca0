/**
 * Backup and restore: a self-describing JSON (gzip when the file ends in .gz) of every table of the
 * schema in dependency order, rows as exact JSON text. Restore goes into an empty database: it
 * applies the backup's migrations, inserts the rows, resets sequences, applies newer migrations.
 *
 * Issue 19: a backup is signed (HMAC-SM3 with a key derived from the audit key) and its secrets
 * (password hashes, session and feed token hashes, webhook secrets) are encrypted with SM4. Restore
 * refuses a backup whose signature or audit chain fails unless forced with a reason, which is audited.
 */
import fs from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import smCrypto from 'sm-crypto';
import { checkAuditCheckpoints, checkpointFromStoredJson, hmacSm3, verifyAuditChain } from '../domain/audit/index.ts';
import type { ChainedAuditRow, JsonValue } from '../domain/audit/index.ts';
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
import { auditKey, derivedAuditKey } from './audit-key.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';

export const BACKUP_FORMAT = 'lianxi-backup';
/** 2: signed, secrets encrypted (issue 19). Version 1 files (unsigned) restore only when forced. */
export const BACKUP_VERSION = 2;

/** Columns holding secrets: encrypted with SM4 in the backup file. */
export const SECRET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  accounts: ['password_hash'],
  password_history: ['password_hash'],
  recovery_codes: ['code_hash'],
  sessions: ['token_hash'],
  calendar_feed_tokens: ['token_hash'],
  body_notification_settings: ['webhook_secret'],
};

const ENCRYPTED_PREFIX = 'sm4:';

/** Tables managed by the migration runner rather than the data. */
const EXCLUDED_TABLES = ['schema_migrations'];

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: { name: string; checksum: string }[];
  /** Parents before children. Each row is the JSON text of row_to_json (secret columns encrypted). */
  tables: { name: string; columns: string[]; rowCount: number; rows: string[] }[];
  /** HMAC-SM3 of everything above (see backupSignature); absent in version 1 files. */
  signature?: string;
}

/** The signature of a backup: HMAC-SM3 over its canonical content with the backup signing key. */
export function backupSignature(backup: Omit<BackupFile, 'signature'>): string {
  const content = JSON.stringify({
    format: backup.format,
    version: backup.version,
    createdAt: backup.createdAt,
    migrations: backup.migrations.map((m) => ({ name: m.name, checksum: m.checksum })),
    tables: backup.tables.map((t) => ({ name: t.name, columns: t.columns, rowCount: t.rowCount, rows: t.rows })),
  });
  return hmacSm3(derivedAuditKey('backup-signature'), content);
}

function encryptionKey(): string {
  return derivedAuditKey('backup-encryption').slice(0, 32);
}

/** SM4-CBC with an IV derived from the value (the same value gives the same text: backups compare equal). */
function encryptSecret(where: string, value: string): string {
  const iv = hmacSm3(derivedAuditKey('backup-iv'), `${where}\n${value}`).slice(0, 32);
  return `${ENCRYPTED_PREFIX}${iv}${smCrypto.sm4.encrypt(value, encryptionKey(), { mode: 'cbc', iv })}`;
}

function decryptSecret(value: string): string {
  if (!value.startsWith(ENCRYPTED_PREFIX)) return value;
  const body = value.slice(ENCRYPTED_PREFIX.length);
  try {
    const text = smCrypto.sm4.decrypt(body.slice(32), encryptionKey(), { mode: 'cbc', iv: body.slice(0, 32) });
    if (text === '') throw new Error('empty');
    return text;
  } catch {
    throw new AppError('backup_decrypt_failed', '备份中的加密数据无法解密（审计密钥与备份时不同，或备份被改动）');
  }
}

/** Applies `change` to the secret columns of a table's rows (rows of other tables are left as they are). */
function mapSecretColumns(table: string, rows: string[], change: (where: string, value: string) => string): string[] {
  const columns = SECRET_COLUMNS[table];
  if (columns === undefined) return rows;
  return rows.map((text) => {
    const row = JSON.parse(text) as Record<string, JsonValue>;
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string') row[column] = change(`${table}.${column}`, value);
    }
    return JSON.stringify(row);
  });
}

/** Reads every table in one consistent snapshot, stamped `now` (the caller's clock). */
export async function createBackup(handle: DatabaseHandle, options: { now: Date }): Promise<BackupFile> {
  const { now } = options;
  const migrations = await appliedMigrations(handle);
  if (migrations.length === 0) {
    throw new AppError('database_empty', '数据库尚未初始化，没有可备份的数据');
  }
  return handle.rawTransaction(async (sql) => {
    await sql.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await listTablesInDependencyOrder(sql, EXCLUDED_TABLES);
    const dumped: BackupFile['tables'] = [];
    for (const table of tables) {
      const rows = mapSecretColumns(table.name, await dumpTableRows(sql, table), encryptSecret);
      dumped.push({ name: table.name, columns: table.columns, rowCount: rows.length, rows });
    }
    const unsigned = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      migrations: migrations.map((m) => ({ name: m.name, checksum: m.checksum })),
      tables: dumped,
    } as const;
    return { ...unsigned, signature: backupSignature(unsigned) };
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
    throw new AppError('backup_invalid', '备份文件不是有效的 JSON');
  }
  const backup = value as Partial<BackupFile>;
  if (backup.format !== BACKUP_FORMAT || typeof backup.version !== 'number') {
    throw new AppError('backup_invalid', '不是 Lianxi 备份文件');
  }
  if (backup.version > BACKUP_VERSION) {
    throw new AppError('backup_version', `备份格式版本 ${backup.version} 比本程序新，请升级后再恢复`);
  }
  if (!Array.isArray(backup.migrations) || !Array.isArray(backup.tables)) {
    throw new AppError('backup_invalid', '备份文件缺少 migrations 或 tables');
  }
  for (const table of backup.tables) {
    if (typeof table?.name !== 'string' || !Array.isArray(table.rows) || table.rows.some((r) => typeof r !== 'string')) {
      throw new AppError('backup_invalid', '备份文件的表数据格式不正确');
    }
    if (table.rows.length !== table.rowCount) {
      throw new AppError('backup_invalid', `备份文件中表 ${table.name} 的行数与记录不符（文件可能被截断）`);
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
  /** The checks that failed and were overridden by `force` (empty when none). */
  overridden: string[];
}

/** Restoring despite a failed check: why, and who (audited after the restore). */
export interface RestoreForce {
  reason: string;
  origin: AuditOrigin;
}

/** Checks the audit chain held in a backup (keyed rows with the current audit key). */
function backupAuditProblem(backup: BackupFile): string | null {
  const log = backup.tables.find((t) => t.name === 'audit_log');
  const head = backup.tables.find((t) => t.name === 'audit_chain_head');
  if (log === undefined || head === undefined) return '备份中没有审计记录表';
  const rows = log.rows
    .map((text) => JSON.parse(text) as Record<string, JsonValue>)
    .map(
      (r): ChainedAuditRow => ({
        seq: Number(r.seq),
        occurredAt: new Date(String(r.occurred_at)).toISOString(),
        actorId: (r.actor_id as string | null) ?? null,
        action: String(r.action),
        entityType: String(r.entity_type),
        entityId: (r.entity_id as string | null) ?? null,
        before: r.before ?? null,
        after: r.after ?? null,
        requestId: (r.request_id as string | null) ?? null,
        clientAddress: (r.client_address as string | null) ?? null,
        prevHash: String(r.prev_hash),
        hash: String(r.hash),
        result: r.result === 'failure' ? 'failure' : 'success',
        hashVersion: Number(r.hash_version ?? 1) === 2 ? 2 : 1,
      }),
    )
    .sort((a, b) => a.seq - b.seq);
  const headRow = head.rows[0] === undefined ? null : (JSON.parse(head.rows[0]) as Record<string, JsonValue>);
  // Archived rows (migration 0018): the chain starts after the latest signed checkpoint.
  const checkpointRows = backup.tables.find((t) => t.name === 'audit_archive_checkpoints')?.rows ?? [];
  const archived = checkAuditCheckpoints(checkpointRows.map((text) => checkpointFromStoredJson(JSON.parse(text) as Record<string, JsonValue>)), auditKey());
  if (archived.problem !== null) return archived.problem.message;
  const result = verifyAuditChain(
    rows,
    headRow === null ? null : { lastSeq: Number(headRow.last_seq), lastHash: String(headRow.last_hash) },
    { keyHex: auditKey(), start: archived.start },
  );
  return result.ok ? null : (result.firstBreak?.message ?? '审计链断裂');
}

/**
 * The checks a backup must pass before it is restored: its signature and its audit chain. Returns
 * the problems found (empty when it may be restored).
 */
export function checkBackup(backup: BackupFile): string[] {
  const problems: string[] = [];
  if (backup.signature === undefined) {
    problems.push('备份没有签名（旧格式或被改动）');
  } else if (backup.signature !== backupSignature(backup)) {
    problems.push('备份签名不符（备份被改动，或审计密钥与备份时不同）');
  }
  const audit = backupAuditProblem(backup);
  if (audit !== null) problems.push(`备份中的审计链断裂：${audit}`);
  return problems;
}

/**
 * Restores a backup into an empty database (no data rows yet; migrations may or may not have run).
 * Refuses a backup whose migrations differ from the committed ones.
 */
export async function restoreBackup(
  handle: DatabaseHandle,
  options: { backup: BackupFile; force?: RestoreForce | undefined },
): Promise<RestoreResult> {
  const { backup, force } = options;
  const problems = checkBackup(backup);
  if (problems.length > 0 && force === undefined) {
    throw new AppError('backup_rejected', `备份未通过校验，拒绝恢复：${problems.join('；')}。如确需恢复，请用 --force 并写明理由`, {
      details: { problems },
    });
  }
  if (force !== undefined && force.reason.trim().length < 4) {
    throw new AppError('restore_force_reason', '强制恢复须写明理由（至少 4 个字）');
  }
  const available = await readMigrations();
  const byName = new Map(available.map((m) => [m.name, m]));
  for (const [index, migration] of backup.migrations.entries()) {
    const file = byName.get(migration.name);
    if (file === undefined || file.checksum !== migration.checksum || available[index]?.name !== migration.name) {
      throw new AppError(
        'backup_schema_mismatch',
        `备份的数据库结构（迁移 ${migration.name}）与本程序不一致，无法恢复`,
      );
    }
  }
  const already = await appliedMigrations(handle);
  const lastOfBackup = backup.migrations[backup.migrations.length - 1]?.name;
  if (lastOfBackup === undefined) throw new AppError('backup_invalid', '备份文件没有迁移记录');
  if (already.some((m) => m.name > lastOfBackup)) {
    throw new AppError('restore_target_newer', '目标数据库的结构比备份新，请恢复到空的数据目录或数据库');
  }
  await migrate(handle, { upTo: lastOfBackup });

  let rowTotal = 0;
  await handle.rawTransaction(async (sql) => {
    await sql.exec('SET CONSTRAINTS ALL DEFERRED');
    // Lets the (empty) audit trail be replaced despite its append-only guard (migration 0009).
    await sql.exec("SET LOCAL lianxi.audit_restore = 'on'");
    const tables = await listTablesInDependencyOrder(sql, EXCLUDED_TABLES);
    const byTable = new Map(backup.tables.map((t) => [t.name, t]));
    for (const table of backup.tables) {
      if (!tables.some((t) => t.name === table.name)) {
        throw new AppError('backup_schema_mismatch', `备份中的表 ${table.name} 在目标数据库中不存在`);
      }
    }
    // Every write is audited, so a database without accounts and audit rows holds nothing but what
    // migrations inserted (e.g. the audit chain head); those rows are replaced by the backup's.
    if ((await countRows(sql, 'accounts')) > 0 || (await countRows(sql, 'audit_log')) > 0) {
      throw new AppError('restore_target_not_empty', '目标数据库不是空的（已有账号或审计记录），请恢复到空的数据目录或数据库');
    }
    for (const table of [...tables].reverse()) await deleteAllRows(sql, table.name);
    for (const table of tables) {
      const rows = mapSecretColumns(table.name, byTable.get(table.name)?.rows ?? [], (_where, value) => decryptSecret(value));
      await insertTableRows(sql, table, rows);
      await resetSequences(sql, table);
      rowTotal += rows.length;
    }
  });
  const after = await migrate(handle);
  if (force !== undefined) {
    await handle.db.transaction(async (tx) => {
      await recordAudit(tx, {
        ...force.origin,
        action: 'backup.restore_forced',
        entityType: 'backup',
        entityId: backup.createdAt,
        before: null,
        after: { reason: force.reason.trim(), problems },
      });
    });
  }
  return { tables: backup.tables.length, rows: rowTotal, migrationsAppliedAfter: after.applied, overridden: problems };
}

/** Restores a backup file (see restoreBackup). */
export async function restoreBackupFile(
  handle: DatabaseHandle,
  options: { file: string; force?: RestoreForce | undefined },
): Promise<RestoreResult> {
  const bytes = await fs.readFile(options.file);
  return restoreBackup(handle, { backup: parseBackup(bytes), force: options.force });
}
