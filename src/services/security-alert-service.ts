/**
 * Security alerts for the audit administrator (issue 17 point 7): the security sweep verifies the
 * audit chain once per configured interval and scans the new audit rows for security events —
 * lockouts, administrators' actions at night (22:00–06:00 Asia/Shanghai) and many refusals from one
 * account (≥ 20 within an hour). Each event raises one alert, keyed by its kind and window, so
 * passes that overlap or repeat raise it once. Raising and acknowledging are audited.
 */
import type { Clock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import type { SecurityAlertRow } from '../repositories/security-alert-repository.ts';
import { AppError } from '../errors/app-error.ts';
import {
  advanceSweepCursor,
  auditRowsForScan,
  claimSweepWindow,
  findSecurityAlert,
  insertSecurityAlert,
  listSecurityAlerts,
  markSecurityAlertAcknowledged,
  readSweepCursor,
  refusalTimes,
} from '../repositories/security-alert-repository.ts';
import type { ScannedAuditRow } from '../repositories/security-alert-repository.ts';
import { recordAudit, verifyAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';

export type SecurityAlertKind = 'audit_chain_broken' | 'account_locked' | 'admin_action_at_night' | 'many_refusals';

/** Refusals from one account within an hour that raise an alert. */
export const REFUSAL_THRESHOLD = 20;
const HOUR_MS = 3_600_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const SCAN_PAGE = 1000;
/** Pages of new audit rows one pass examines at most (the rest in the next pass). */
const SCAN_PAGES_PER_PASS = 20;
const EVENT_CURSOR = 'security_events';

export interface SecuritySweepResult {
  /** Whether this pass verified the chain (once per interval), and the outcome */
  verified: { ok: boolean } | null;
  /** Alerts raised by this pass */
  raised: number;
}

async function raise(db: Database, at: Date, kind: SecurityAlertKind, windowKey: string, detail: Record<string, unknown>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await insertSecurityAlert(tx, { kind, windowKey, detail, raisedAt: at });
    if (inserted) {
      await recordAudit(tx, {
        actorId: null,
        action: 'security_alert.raise',
        entityType: 'security_alert',
        entityId: `${kind}:${windowKey}`,
        before: null,
        after: { kind, detail },
        requestId: null,
        clientAddress: null,
        at,
      });
    }
    return inserted;
  });
}

/** The night (22:00–06:00 Asia/Shanghai) an instant falls in, as the Shanghai date it began; null by day. */
export function shanghaiNight(at: Date): string | null {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const hour = local.getUTCHours();
  if (hour >= 6 && hour < 22) return null;
  const start = hour < 6 ? new Date(local.getTime() - 24 * HOUR_MS) : local;
  return start.toISOString().slice(0, 10);
}

async function scanPage(db: Database, at: Date, rows: ScannedAuditRow[]): Promise<number> {
  let raised = 0;
  const refusedActors = new Set<string>();
  for (const row of rows) {
    if (row.action === 'auth.lockout') {
      const key = `${row.entityId ?? 'unknown'}:${row.seq}`;
      if (await raise(db, at, 'account_locked', key, { accountId: row.entityId, seq: row.seq, occurredAt: row.occurredAt.toISOString() })) raised++;
    }
    const night = row.actorId === null || !row.actorIsAdministrator ? null : shanghaiNight(row.occurredAt);
    if (night !== null && row.actorId !== null) {
      const detail = { accountId: row.actorId, night, seq: row.seq, action: row.action, occurredAt: row.occurredAt.toISOString() };
      if (await raise(db, at, 'admin_action_at_night', `${row.actorId}:${night}`, detail)) raised++;
    }
    if (row.action === 'access.refused' && row.actorId !== null) refusedActors.add(row.actorId);
  }
  for (const actorId of refusedActors) {
    const mine = rows.filter((row) => row.action === 'access.refused' && row.actorId === actorId);
    const first = mine[0];
    const last = mine[mine.length - 1];
    if (first === undefined || last === undefined) continue;
    const times = await refusalTimes(db, actorId, new Date(first.occurredAt.getTime() - HOUR_MS), last.occurredAt);
    for (const row of mine) {
      const inWindow = times.filter((t) => t.seq <= row.seq && t.occurredAt.getTime() > row.occurredAt.getTime() - HOUR_MS).length;
      if (inWindow < REFUSAL_THRESHOLD) continue;
      const hour = new Date(Math.floor(row.occurredAt.getTime() / HOUR_MS) * HOUR_MS).toISOString();
      const detail = { accountId: actorId, refusals: inWindow, seq: row.seq, occurredAt: row.occurredAt.toISOString() };
      if (await raise(db, at, 'many_refusals', `${actorId}:${hour}`, detail)) raised++;
    }
  }
  return raised;
}

/**
 * One pass of the security sweep: verifies the audit chain when this interval's verification is not
 * yet claimed (a broken chain raises one alert per break), then scans the audit rows appended since
 * the last pass for security events. The clock is the caller's.
 */
export async function sweepSecurity(deps: { db: Database; clock: Clock; verifyIntervalSeconds: number }): Promise<SecuritySweepResult> {
  const { db, clock } = deps;
  const now = clock.now();
  let raised = 0;
  const intervalMs = Math.max(1, deps.verifyIntervalSeconds) * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / intervalMs) * intervalMs);
  let verified: { ok: boolean } | null = null;
  if (await claimSweepWindow(db, 'audit_verify', windowStart, now)) {
    const result = await verifyAudit(db);
    verified = { ok: result.ok };
    if (!result.ok) {
      const broken = result.firstBreak;
      const key = broken === null ? `head:${result.lastSeq}` : `${broken.kind}:${broken.seq}`;
      if (await raise(db, now, 'audit_chain_broken', key, { checked: result.checked, lastSeq: result.lastSeq, firstBreak: broken })) raised++;
    }
  }
  let cursor = await readSweepCursor(db, EVENT_CURSOR);
  for (let page = 0; page < SCAN_PAGES_PER_PASS; page++) {
    const rows = await auditRowsForScan(db, cursor, SCAN_PAGE);
    const last = rows[rows.length - 1];
    if (last === undefined) break;
    raised += await scanPage(db, now, rows);
    cursor = last.seq;
    await advanceSweepCursor(db, EVENT_CURSOR, cursor, now);
    if (rows.length < SCAN_PAGE) break;
  }
  return { verified, raised };
}

/** A stored security alert. */
export type SecurityAlert = SecurityAlertRow;

/** Security alerts newest first (all, or only those not yet acknowledged). */
export async function listAlerts(db: DbOrTx, options: { limit: number; open: boolean }): Promise<SecurityAlert[]> {
  return listSecurityAlerts(db, options);
}

/** The audit administrator acknowledges an alert (once), audited in the same transaction. */
export async function acknowledgeAlert(db: Database, options: { id: number; origin: AuditOrigin & { actorId: string } }): Promise<SecurityAlertRow> {
  const { id, origin } = options;
  return db.transaction(async (tx) => {
    const alert = await findSecurityAlert(tx, id);
    if (alert === null) throw new AppError('security_alert_not_found', '安全告警不存在');
    if (alert.acknowledgedAt !== null) throw new AppError('security_alert_already_acknowledged', '该安全告警已确认');
    const updated = await markSecurityAlertAcknowledged(tx, id, origin.actorId, origin.at);
    await recordAudit(tx, {
      ...origin,
      action: 'security_alert.acknowledge',
      entityType: 'security_alert',
      entityId: String(id),
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: origin.at.toISOString(), acknowledgedBy: origin.actorId },
    });
    return updated;
  });
}
