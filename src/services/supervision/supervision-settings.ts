/**
 * The escalation ladder of a body (督办升级规则), set by its office: the reminder lead time (kept in
 * the body's notification settings), the working days overdue after which a reminder is raised to
 * the lead unit's member and then to the convener, and how long before the year ends the office is
 * warned of a meeting-frequency shortfall. Defaults apply while the office has set nothing.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import { DEFAULT_CONVENER_AFTER_DAYS, DEFAULT_MEMBER_AFTER_DAYS, ladderProblem } from '../../domain/decisions/escalation-ladder.ts';
import type { EscalationSettings } from '../../domain/decisions/escalation-ladder.ts';
import { AppError } from '../../errors/app-error.ts';
import { findBodyById } from '../../repositories/body-repository.ts';
import { findBodyNotificationSettings } from '../../repositories/notification-repository.ts';
import { findSupervisionSettings, upsertSupervisionSettings } from '../../repositories/supervision-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { DEFAULT_REMINDER_DAYS_BEFORE } from '../notification-service.ts';

/** Default days before 31 December the office is warned of a meeting-frequency shortfall. */
export const DEFAULT_FREQUENCY_WARNING_DAYS = 30;

export interface SupervisionSettings extends EscalationSettings {
  bodyId: string;
  frequencyWarningDays: number;
  /** Whether the office has set the ladder (false: defaults) */
  customized: boolean;
  updatedAt: string | null;
}

/** The body's ladder (defaults where the office has set nothing). */
export async function getSupervisionSettings(db: DbOrTx, options: { bodyId: string }): Promise<SupervisionSettings> {
  const notification = await findBodyNotificationSettings(db, options.bodyId);
  const row = await findSupervisionSettings(db, options.bodyId);
  return toSupervisionSettings(options.bodyId, notification, row);
}

/** A body's ladder from its stored settings rows (defaults where a row is missing). */
export function toSupervisionSettings(
  bodyId: string,
  notification: { reminderDaysBefore: number } | null,
  row: { memberAfterDays: number; convenerAfterDays: number; frequencyWarningDays: number; updatedAt: Date } | null,
): SupervisionSettings {
  return {
    bodyId,
    reminderDaysBefore: notification?.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE,
    memberAfterDays: row?.memberAfterDays ?? DEFAULT_MEMBER_AFTER_DAYS,
    convenerAfterDays: row?.convenerAfterDays ?? DEFAULT_CONVENER_AFTER_DAYS,
    frequencyWarningDays: row?.frequencyWarningDays ?? DEFAULT_FREQUENCY_WARNING_DAYS,
    customized: row !== null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export interface UpdateSupervisionSettingsOptions {
  clock: Clock;
  bodyId: string;
  patch: { memberAfterDays?: number; convenerAfterDays?: number; frequencyWarningDays?: number };
  origin: AuditOrigin;
}

/** The office sets its body's escalation ladder (audited). The reminder lead time is set with the notification settings. */
export async function updateSupervisionSettings(db: Database, options: UpdateSupervisionSettingsOptions): Promise<SupervisionSettings> {
  return db.transaction(async (tx) => {
    const body = await findBodyById(tx, options.bodyId);
    if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
    const before = await getSupervisionSettings(tx, { bodyId: options.bodyId });
    const next = {
      reminderDaysBefore: before.reminderDaysBefore,
      memberAfterDays: options.patch.memberAfterDays ?? before.memberAfterDays,
      convenerAfterDays: options.patch.convenerAfterDays ?? before.convenerAfterDays,
    };
    const problem = ladderProblem(next);
    if (problem) throw new AppError('invalid_escalation_ladder', problem.message, { field: problem.field });
    const frequencyWarningDays = options.patch.frequencyWarningDays ?? before.frequencyWarningDays;
    if (!Number.isInteger(frequencyWarningDays) || frequencyWarningDays < 1 || frequencyWarningDays > 180) {
      throw new AppError('invalid_escalation_ladder', '年底前提醒会议次数的天数须为 1 至 180 之间的整数', { field: 'frequencyWarningDays' });
    }
    const at = options.origin.at ?? options.clock.now();
    await upsertSupervisionSettings(tx, {
      bodyId: options.bodyId,
      memberAfterDays: next.memberAfterDays,
      convenerAfterDays: next.convenerAfterDays,
      frequencyWarningDays,
      updatedAt: at,
      updatedBy: options.origin.actorId,
    });
    const after = await getSupervisionSettings(tx, { bodyId: options.bodyId });
    await recordAudit(tx, { ...options.origin, at, action: 'supervision_settings.update', entityType: 'body', entityId: options.bodyId, before, after });
    return after;
  });
}
