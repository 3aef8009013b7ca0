/** Security alerts, the security sweep's claims and cursor, and the audit reads the sweep scans. */
import { and, asc, desc, eq, gt, gte, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { accounts, auditLog } from '../db/schema/platform.ts';
import { securityAlerts, securitySweepClaims, securitySweepCursors } from '../db/schema/security.ts';
import type { SecurityAlertRow } from '../db/schema/security.ts';
export type { SecurityAlertRow };

/** Claims (name, windowStart) for this caller; false when another pass already holds it. */
export async function claimSweepWindow(db: DbOrTx, name: string, windowStart: Date, now: Date): Promise<boolean> {
  const rows = await db
    .insert(securitySweepClaims)
    .values({ name, windowStart, claimedAt: now })
    .onConflictDoNothing()
    .returning({ name: securitySweepClaims.name });
  return rows.length === 1;
}

/** Inserts an alert unless one with the same kind and window key exists; true when inserted. */
export async function insertSecurityAlert(
  db: DbOrTx,
  alert: { kind: string; windowKey: string; detail: unknown; raisedAt: Date },
): Promise<boolean> {
  const rows = await db.insert(securityAlerts).values(alert).onConflictDoNothing().returning({ id: securityAlerts.id });
  return rows.length === 1;
}

/** Alerts newest first, at most `limit`; only unacknowledged ones when asked. */
export async function listSecurityAlerts(db: DbOrTx, options: { limit: number; open: boolean }): Promise<SecurityAlertRow[]> {
  return db
    .select()
    .from(securityAlerts)
    .where(options.open ? isNull(securityAlerts.acknowledgedAt) : undefined)
    .orderBy(desc(securityAlerts.id))
    .limit(options.limit);
}

export async function findSecurityAlert(db: DbOrTx, id: number): Promise<SecurityAlertRow | null> {
  const rows = await db.select().from(securityAlerts).where(eq(securityAlerts.id, id)).for('update');
  return rows[0] ?? null;
}

export async function markSecurityAlertAcknowledged(db: DbOrTx, id: number, accountId: string, at: Date): Promise<SecurityAlertRow> {
  const rows = await db
    .update(securityAlerts)
    .set({ acknowledgedAt: at, acknowledgedBy: accountId })
    .where(eq(securityAlerts.id, id))
    .returning();
  const row = rows[0];
  if (row === undefined) throw new Error(`security alert ${id} vanished while acknowledged`);
  return row;
}

/** The last audit seq the named scan has examined (0 before its first pass). */
export async function readSweepCursor(db: DbOrTx, name: string): Promise<number> {
  const rows = await db.select({ lastSeq: securitySweepCursors.lastSeq }).from(securitySweepCursors).where(eq(securitySweepCursors.name, name));
  return Number(rows[0]?.lastSeq ?? 0);
}

/** Moves the cursor forward (never back, when passes overlap). */
export async function advanceSweepCursor(db: DbOrTx, name: string, lastSeq: number, now: Date): Promise<void> {
  await db
    .insert(securitySweepCursors)
    .values({ name, lastSeq, updatedAt: now })
    .onConflictDoUpdate({
      target: securitySweepCursors.name,
      set: { lastSeq: sql`greatest(${securitySweepCursors.lastSeq}, excluded.last_seq)`, updatedAt: now },
    });
}

/** An audit row as the security scan reads it, with whether its actor is an administrator. */
export interface ScannedAuditRow {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityId: string | null;
  actorIsAdministrator: boolean;
}

/** Audit rows with afterSeq < seq, in order, at most `limit`. */
export async function auditRowsForScan(db: DbOrTx, afterSeq: number, limit: number): Promise<ScannedAuditRow[]> {
  const rows = await db
    .select({
      seq: auditLog.seq,
      occurredAt: auditLog.occurredAt,
      actorId: auditLog.actorId,
      action: auditLog.action,
      entityId: auditLog.entityId,
      admin: sql<boolean | null>`(${accounts.isSystemAdmin} OR ${accounts.isSecurityAdmin} OR ${accounts.isAuditAdmin})`,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(gt(auditLog.seq, afterSeq))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
  return rows.map((row) => ({
    seq: Number(row.seq),
    occurredAt: row.occurredAt,
    actorId: row.actorId,
    action: row.action,
    entityId: row.entityId,
    actorIsAdministrator: row.admin === true,
  }));
}

/** Instants of one account's refused requests (access.refused) in [from, to], in order. */
export async function refusalTimes(db: DbOrTx, actorId: string, from: Date, to: Date): Promise<Array<{ seq: number; occurredAt: Date }>> {
  const rows = await db
    .select({ seq: auditLog.seq, occurredAt: auditLog.occurredAt })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'access.refused'), eq(auditLog.actorId, actorId), gte(auditLog.occurredAt, from), lte(auditLog.occurredAt, to)))
    .orderBy(asc(auditLog.seq));
  return rows.map((row) => ({ seq: Number(row.seq), occurredAt: row.occurredAt }));
}
