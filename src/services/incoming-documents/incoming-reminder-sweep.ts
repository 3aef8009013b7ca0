/**
 * The reminder sweep of incoming documents (收文): every document whose lead unit still owes a reply,
 * in every active body, climbs the same escalation ladder as the decided items under supervision
 * (before, due, overdue, raised to the lead unit's member, raised to the convener) with the body's
 * own ladder settings and calendar. Each rung is claimed per (document, rung, deadline) with
 * INSERT … ON CONFLICT DO NOTHING in the transaction that enqueues its notification, so a sweep
 * run twice, or by several instances at once, sends each rung once.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database } from '../../db/database.ts';
import { rungAudience } from '../../domain/decisions/escalation-ladder.ts';
import type { EscalationSettings, FiringRung } from '../../domain/decisions/escalation-ladder.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { claimIncomingReminder, listActiveBodyIdsAwaitingReplies, listIncomingDocumentViews, setIncomingReminderOutbox } from '../../repositories/incoming-document-repository.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import { enqueueNotification } from '../notification-service.ts';
import type { NotificationRecipient } from '../notification-types.ts';
import { getSupervisionSettings } from '../supervision/supervision-settings.ts';
import { toIncomingItem } from './incoming-views.ts';
import type { IncomingDocumentItem } from './incoming-views.ts';

export interface IncomingReminderSweepResult {
  /** Rungs claimed and enqueued by this run */
  enqueued: number;
  /** Rungs due that were already sent (by an earlier run or another instance) */
  alreadySent: number;
}

function short(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`;
}

/** Title and message of a rung's notification for a document. */
export function incomingRungText(rung: FiringRung, item: IncomingDocumentItem, settings: EscalationSettings): { title: string; message: string } {
  const s = short(item.title);
  const deadline = item.deadline ?? '';
  const lead = item.leadUnit?.name ?? '';
  const days = item.workingDaysOverdue ?? 0;
  const source = `来文单位：${item.sendingUnit}${item.sendingNumber === null ? '' : `（${item.sendingNumber}）`}`;
  switch (rung) {
    case 'before':
      return { title: `收文办理提醒：${s}`, message: `距办理时限（${deadline}）还有不超过 ${settings.reminderDaysBefore} 个工作日，请抓紧办理并报送办理结果。\n${source}` };
    case 'due':
      return { title: `收文今日到期：${s}`, message: `本件办理时限为今天（${deadline}），请按时报送办理结果。\n${source}` };
    case 'overdue':
      return { title: `收文已逾期：${s}`, message: `本件已超过办理时限（${deadline}），请尽快办理并说明情况。\n${source}` };
    case 'overdue_member':
      return {
        title: `收文逾期${days}个工作日，再次催办：${s}`,
        message: `本件已超过办理时限（${deadline}）${days} 个工作日，主办单位（${lead}）仍未报送办理结果，请单位负责同志督促办理。\n${source}`,
      };
    case 'overdue_convener':
      return {
        title: `收文逾期${days}个工作日，报召集人：${s}`,
        message: `本件已超过办理时限（${deadline}）${days} 个工作日，主办单位（${lead}）仍未报送办理结果，现报召集人、副召集人。\n${source}`,
      };
  }
}

/** Who a rung's notification goes to (the ladder's audience, as for decided items). */
export function incomingRungRecipients(rung: FiringRung, item: IncomingDocumentItem): NotificationRecipient[] {
  const audience = rungAudience(rung);
  const recipients: NotificationRecipient[] = [];
  const leadRoles: ('member' | 'liaison')[] = [];
  if (audience.leadLiaison) leadRoles.push('liaison');
  if (audience.leadMember) leadRoles.push('member');
  if (item.leadUnit !== null && leadRoles.length > 0) recipients.push({ kind: 'unit', unitId: item.leadUnit.unitId, roles: leadRoles });
  if (audience.coUnits) for (const u of item.coUnits) recipients.push({ kind: 'unit', unitId: u.unitId, roles: ['liaison'] });
  if (audience.office) recipients.push({ kind: 'office' });
  if (audience.conveners) recipients.push({ kind: 'body_roles', roles: ['convener', 'deputy_convener'] });
  return recipients;
}

/** Runs the incoming-document reminder sweep once at the clock's now. */
export async function sweepIncomingDocumentReminders(deps: { db: Database; clock: Clock }): Promise<IncomingReminderSweepResult> {
  const result: IncomingReminderSweepResult = { enqueued: 0, alreadySent: 0 };
  const now = deps.clock.now();
  const today = shanghaiDateOf(now);
  for (const bodyId of await listActiveBodyIdsAwaitingReplies(deps.db)) {
    const calendar = await loadBodyCalendar(deps.db, { bodyId });
    const settings = await getSupervisionSettings(deps.db, { bodyId });
    for (const view of await listIncomingDocumentViews(deps.db, { bodyId, awaitingReplyOnly: true })) {
      const item = toIncomingItem(view, today, calendar, settings);
      const rung = item.escalationRung;
      const deadline = item.deadline;
      if (rung === 'none' || deadline === null) continue;
      const claimed = await deps.db.transaction(async (tx) => {
        if (!(await claimIncomingReminder(tx, { documentId: item.id, rung, dueDate: deadline, sentAt: now }))) return false;
        const outboxId = await enqueueNotification(tx, {
          at: now,
          bodyId,
          event: `incoming_document.reminder_${rung}`,
          ...incomingRungText(rung, item, settings),
          link: `/bodies/${bodyId}/incoming?document=${item.id}`,
          recipients: incomingRungRecipients(rung, item),
          data: { incomingDocumentId: item.id, reminder: rung, deadline, today, workingDaysOverdue: item.workingDaysOverdue },
        });
        await setIncomingReminderOutbox(tx, { documentId: item.id, rung, dueDate: deadline, outboxId });
        return true;
      });
      if (claimed) result.enqueued += 1;
      else result.alreadySent += 1;
    }
  }
  return result;
}
