import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { accounts, auditChainHead, auditLog } from '../db/schema/platform.ts';
import type { AuditLogRow } from '../db/schema/platform.ts';
import { auditArchiveCheckpoints } from '../db/schema/audit-archive.ts';
import type { AuditArchiveCheckpointRow } from '../db/schema/audit-archive.ts';
import { AUDIT_ARCHIVE_FORMAT, AUDIT_ARCHIVE_VERSION } from '../domain/audit/index.ts';
import type { ChainedAuditRow, JsonValue, SignedAuditArchiveManifest } from '../domain/audit/index.ts';

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/** Locks the chain head for this transaction (serialises appends) and returns it. */
export async function lockChainHead(tx: DbOrTx): Promise<ChainHead> {
  const rows = await tx
    .select({ lastSeq: auditChainHead.lastSeq, lastHash: auditChainHead.lastHash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1))
    .for('update');
  const head = rows[0];
  if (head === undefined) throw new Error('audit_chain_head row is missing: migration 0001 not applied');
  return { lastSeq: Number(head.lastSeq), lastHash: head.lastHash };
}

export async function readChainHead(db: DbOrTx): Promise<ChainHead | null> {
  const rows = await db
    .select({ lastSeq: auditChainHead.lastSeq, lastHash: auditChainHead.lastHash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1));
  const head = rows[0];
  return head === undefined ? null : { lastSeq: Number(head.lastSeq), lastHash: head.lastHash };
}

/** Appends a chained row and moves the head, in the caller's transaction (head must be locked). */
export async function appendAuditRow(tx: DbOrTx, row: ChainedAuditRow): Promise<void> {
  await tx.insert(auditLog).values({
    seq: row.seq,
    occurredAt: new Date(row.occurredAt),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    prevHash: row.prevHash,
    hash: row.hash,
    result: row.result,
    hashVersion: row.hashVersion,
  });
  await tx
    .update(auditChainHead)
    .set({ lastSeq: row.seq, lastHash: row.hash })
    .where(eq(auditChainHead.id, 1));
}

export function toChainedRow(row: AuditLogRow): ChainedAuditRow {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: (row.before ?? null) as JsonValue,
    after: (row.after ?? null) as JsonValue,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    prevHash: row.prevHash,
    hash: row.hash,
    result: row.result,
    hashVersion: row.hashVersion === 2 ? 2 : 1,
  };
}

/** The stored hash of the row with this sequence number (null when there is none). */
export async function auditHashAt(db: DbOrTx, seq: number): Promise<string | null> {
  const rows = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, seq));
  return rows[0]?.hash ?? null;
}

/** Rows with seq > afterSeq (all rows from the lowest when null) in sequence order, at most `limit`. */
export async function auditRowsAfter(db: DbOrTx, afterSeq: number | null, limit: number): Promise<AuditLogRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(afterSeq === null ? undefined : sql`${auditLog.seq} > ${afterSeq}`)
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  result?: 'success' | 'failure' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Newest first: only rows with seq below this. */
  beforeSeq?: number | undefined;
}

function filterConditions(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.actorId !== undefined) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType !== undefined) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId !== undefined) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.result !== undefined) conditions.push(eq(auditLog.result, filter.result));
  if (filter.from !== undefined) conditions.push(gte(auditLog.occurredAt, filter.from));
  if (filter.to !== undefined) conditions.push(lte(auditLog.occurredAt, filter.to));
  if (filter.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, filter.beforeSeq));
  return conditions.length === 0 ? undefined : and(...conditions);
}

/** An audit row with its actor's account names (null without an actor or once the account is gone). */
export interface AuditRowWithActor {
  row: AuditLogRow;
  actorUsername: string | null;
  actorDisplayName: string | null;
}

/** Audit rows newest first, filtered, at most `limit`, each with its actor's account names. */
export async function listAuditRows(db: DbOrTx, filter: AuditFilter, limit: number): Promise<AuditRowWithActor[]> {
  return db
    .select({ row: auditLog, actorUsername: accounts.username, actorDisplayName: accounts.displayName })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(filterConditions(filter))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

/** The lowest sequence number still in the trail (null: no rows). */
export async function lowestAuditSeq(db: DbOrTx): Promise<number | null> {
  const [row] = await db.select({ seq: sql<string | null>`min(${auditLog.seq})` }).from(auditLog);
  return row?.seq === null || row?.seq === undefined ? null : Number(row.seq);
}

/** The lowest sequence number of a row that occurred at or after `at` (null: none). */
export async function firstAuditSeqFrom(db: DbOrTx, at: Date): Promise<number | null> {
  const [row] = await db
    .select({ seq: sql<string | null>`min(${auditLog.seq})` })
    .from(auditLog)
    .where(gte(auditLog.occurredAt, at));
  return row?.seq === null || row?.seq === undefined ? null : Number(row.seq);
}

/** Rows with afterSeq < seq ≤ toSeq in sequence order, at most `limit`. */
export async function auditRowsInRange(db: DbOrTx, afterSeq: number, toSeq: number, limit: number): Promise<AuditLogRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(sql`${auditLog.seq} > ${afterSeq}`, lte(auditLog.seq, toSeq)))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}

/** Every archive checkpoint, in archiving order. */
export async function listAuditCheckpoints(db: DbOrTx): Promise<AuditArchiveCheckpointRow[]> {
  return db.select().from(auditArchiveCheckpoints).orderBy(asc(auditArchiveCheckpoints.id));
}

/** Records an archive checkpoint (in the archiving's transaction). */
export async function insertAuditCheckpoint(tx: DbOrTx, row: AuditArchiveCheckpointRow): Promise<void> {
  await tx.insert(auditArchiveCheckpoints).values(row);
}

/**
 * Deletes the rows a recorded checkpoint covers, in the caller's transaction: names the checkpoint in
 * the transaction's setting lianxi.audit_archive_checkpoint, the one exception of the append-only
 * guard (migration 0018), which lets through only rows inside that checkpoint's range. Returns how
 * many rows were deleted.
 */
export async function deleteArchivedAuditRows(tx: DbOrTx, checkpoint: Pick<AuditArchiveCheckpointRow, 'id' | 'firstSeq' | 'lastSeq'>): Promise<number> {
  await tx.execute(sql`select set_config('lianxi.audit_archive_checkpoint', ${String(checkpoint.id)}, true)`);
  const deleted = await tx
    .delete(auditLog)
    .where(and(gte(auditLog.seq, checkpoint.firstSeq), lte(auditLog.seq, checkpoint.lastSeq)))
    .returning({ seq: auditLog.seq });
  await tx.execute(sql`select set_config('lianxi.audit_archive_checkpoint', '', true)`);
  return deleted.length;
}

/** A checkpoint row as the signed manifest it records. */
export function toCheckpointManifest(row: AuditArchiveCheckpointRow): SignedAuditArchiveManifest {
  return {
    format: AUDIT_ARCHIVE_FORMAT,
    version: AUDIT_ARCHIVE_VERSION,
    checkpoint: Number(row.id),
    firstSeq: Number(row.firstSeq),
    lastSeq: Number(row.lastSeq),
    count: Number(row.rowCount),
    prevHash: row.prevHash,
    lastHash: row.lastHash,
    lastHashVersion: row.lastHashVersion === 2 ? 2 : 1,
    cutOff: row.cutOff.toISOString(),
    archivedAt: row.archivedAt.toISOString(),
    fileName: row.fileName,
    signature: row.signature,
  };
}
