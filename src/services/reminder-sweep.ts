/**
 * The reminder sweep: for every open decision, the reminder due today (N working days before the
 * deadline — the body's setting, default 3 —, on the day, or overdue, escalating to the unit's
 * member and the office). Each reminder is claimed in `reminder_sends` (decision, kind, deadline)
 * with INSERT … ON CONFLICT DO NOTHING in the transaction that enqueues it, so a sweep run twice, or
 * by several instances at once, sends each reminder once.
 */
import type { Clock } from '../config/clock.ts';
import type { Database } from '../db/database.ts';
import { todayInShanghai } from '../domain/calendar/index.ts';
import { dueReminder } from '../domain/decisions/decision-status.ts';
import type { ReminderKind } from '../domain/decisions/decision-status.ts';
import { claimReminderSend, listBodyIdsWithOpenDecisions, listDecisionViews, setReminderOutbox } from '../repositories/decision-repository.ts';
import type { DecisionView } from '../repositories/decision-repository.ts';
import { findBodyNotificationSettings } from '../repositories/notification-repository.ts';
import { loadBodyCalendar } from './calendar-service.ts';
import { DEFAULT_REMINDER_DAYS_BEFORE, enqueueNotification } from './notification-service.ts';
import type { NotificationRecipient } from './notification-types.ts';


export interface ReminderSweepResult {
  /** Reminders claimed and enqueued by this run */
  enqueued: number;
  /** Reminders due that were already sent (by an earlier run or another instance) */
  alreadySent: number;
}

function reminderText(kind: ReminderKind, decision: DecisionView, daysBefore: number): { title: string; message: string } {
  const short = decision.text.length <= 40 ? decision.text : `${decision.text.slice(0, 40)}…`;
  if (kind === 'before') {
    return { title: `督办提醒：${short}`, message: `距办理时限（${decision.deadline}）还有不超过 ${daysBefore} 个工作日，请抓紧办理并报送进展。\n${decision.text}` };
  }
  if (kind === 'due') return { title: `今日到期：${short}`, message: `本事项办理时限为今天（${decision.deadline}），请按时报送办结情况。\n${decision.text}` };
  return { title: `已逾期：${short}`, message: `本事项已超过办理时限（${decision.deadline}），请尽快办结并说明情况。\n${decision.text}` };
}

function reminderRecipients(kind: ReminderKind, decision: DecisionView): NotificationRecipient[] {
  const units = [decision.leadUnitId, ...decision.coUnits.map((u) => u.unitId)];
  if (kind !== 'overdue') return units.map((unitId) => ({ kind: 'unit', unitId, roles: ['liaison'] }));
  return [
    { kind: 'unit', unitId: decision.leadUnitId, roles: ['liaison', 'member'] },
    ...decision.coUnits.map((u): NotificationRecipient => ({ kind: 'unit', unitId: u.unitId, roles: ['liaison'] })),
    { kind: 'office' },
  ];
}

/** Runs the reminder sweep once at the clock's now. */
export async function sweepReminders(deps: { db: Database; clock: Clock }): Promise<ReminderSweepResult> {
  const result: ReminderSweepResult = { enqueued: 0, alreadySent: 0 };
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  for (const bodyId of await listBodyIdsWithOpenDecisions(deps.db)) {
    const calendar = await loadBodyCalendar(deps.db, bodyId);
    const settings = await findBodyNotificationSettings(deps.db, bodyId);
    const daysBefore = settings?.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE;
    const remindFromCache = new Map<string, string>();
    for (const decision of await listDecisionViews(deps.db, { bodyId, openOnly: true })) {
      let remindFrom = remindFromCache.get(decision.deadline);
      if (remindFrom === undefined) {
        remindFrom = calendar.addWorkingDays(decision.deadline, -daysBefore).result;
        remindFromCache.set(decision.deadline, remindFrom);
      }
      const due = dueReminder({ today, deadline: decision.deadline, remindFrom });
      if (due === null) continue;
      const claimed = await deps.db.transaction(async (tx) => {
        const won = await claimReminderSend(tx, { decisionId: decision.id, kind: due.kind, dueDate: due.dueDate, sentAt: now });
        if (!won) return false;
        const text = reminderText(due.kind, decision, daysBefore);
        const outboxId = await enqueueNotification(tx, {
          at: now,
          bodyId,
          event: `decision.reminder_${due.kind}`,
          ...text,
          link: `/bodies/${bodyId}/decisions/${decision.id}`,
          recipients: reminderRecipients(due.kind, decision),
          data: { decisionId: decision.id, reminder: due.kind, deadline: decision.deadline, today },
        });
        await setReminderOutbox(tx, { decisionId: decision.id, kind: due.kind, dueDate: due.dueDate, outboxId });
        return true;
      });
      if (claimed) result.enqueued += 1;
      else result.alreadySent += 1;
    }
  }
  return result;
}
