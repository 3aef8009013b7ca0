/**
 * The escalation sweep of supervision (督办): for every open decided item of every active body, the
 * rung of the ladder it stands on today fires once — claimed per (item, rung, deadline) with
 * INSERT … ON CONFLICT DO NOTHING in the transaction that enqueues its notification, so a sweep run
 * twice, or by several instances at once, sends each rung once. An extension (a new deadline) gives
 * the item a fresh ladder. A dissolved body's items get no reminders.
 *
 * The lower rungs (before, due, overdue) are claimed in `reminder_sends` as before; the raised ones
 * (overdue_member, overdue_convener) in `escalation_sends`.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import { rungAudience } from '../../domain/decisions/escalation-ladder.ts';
import type { EscalationSettings, FiringRung } from '../../domain/decisions/escalation-ladder.ts';
import { claimReminderSend, listDecisionViews, setReminderOutbox } from '../../repositories/decision-repository.ts';
import type { DecisionView } from '../../repositories/decision-repository.ts';
import { claimEscalationSend, listActiveBodyIdsWithOpenDecisions, setEscalationOutbox } from '../../repositories/supervision-repository.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import { enqueueNotification } from '../notification-service.ts';
import type { NotificationRecipient } from '../notification-types.ts';
import { standingOf } from './escalation-standing.ts';
import type { EscalationStanding } from './escalation-standing.ts';
import { getSupervisionSettings } from './supervision-settings.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

export interface EscalationSweepResult {
  /** Rungs claimed and enqueued by this run */
  enqueued: number;
  /** Rungs due that were already sent (by an earlier run or another instance) */
  alreadySent: number;
}

function short(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`;
}

/** Title and message of a rung's notification. */
export function rungText(rung: FiringRung, decision: DecisionView, standing: EscalationStanding, settings: EscalationSettings): { title: string; message: string } {
  const s = short(decision.text);
  const overdueDays = standing.workingDaysOverdue ?? 0;
  switch (rung) {
    case 'before':
      return { title: `督办提醒：${s}`, message: `距办理时限（${decision.deadline}）还有不超过 ${settings.reminderDaysBefore} 个工作日，请抓紧办理并报送进展。\n${decision.text}` };
    case 'due':
      return { title: `今日到期：${s}`, message: `本事项办理时限为今天（${decision.deadline}），请按时报送办结情况。\n${decision.text}` };
    case 'overdue':
      return { title: `已逾期：${s}`, message: `本事项已超过办理时限（${decision.deadline}），请尽快办结并说明情况。\n${decision.text}` };
    case 'overdue_member':
      return {
        title: `逾期${overdueDays}个工作日，再次督办：${s}`,
        message: `本事项已超过办理时限（${decision.deadline}）${overdueDays} 个工作日，主办单位（${decision.leadUnitName}）仍未办结，请单位负责同志督促办理并说明情况。\n${decision.text}`,
      };
    case 'overdue_convener':
      return {
        title: `逾期${overdueDays}个工作日，报召集人：${s}`,
        message: `本事项已超过办理时限（${decision.deadline}）${overdueDays} 个工作日，主办单位（${decision.leadUnitName}）仍未办结，现报召集人、副召集人，并列入下一期督办通报。\n${decision.text}`,
      };
  }
}

/** Who a rung's notification goes to. */
export function rungRecipients(rung: FiringRung, decision: DecisionView): NotificationRecipient[] {
  const audience = rungAudience(rung);
  const leadRoles: ('member' | 'liaison')[] = [];
  if (audience.leadLiaison) leadRoles.push('liaison');
  if (audience.leadMember) leadRoles.push('member');
  const recipients: NotificationRecipient[] = [];
  if (leadRoles.length > 0) recipients.push({ kind: 'unit', unitId: decision.leadUnitId, roles: leadRoles });
  if (audience.coUnits) for (const u of decision.coUnits) recipients.push({ kind: 'unit', unitId: u.unitId, roles: ['liaison'] });
  if (audience.office) recipients.push({ kind: 'office' });
  if (audience.conveners) recipients.push({ kind: 'body_roles', roles: ['convener', 'deputy_convener'] });
  return recipients;
}

/** Claims the rung for the item and deadline; true when this call won it. */
async function claimRung(tx: DbOrTx, rung: FiringRung, decisionId: string, dueDate: string, sentAt: Date): Promise<boolean> {
  if (rung === 'overdue_member' || rung === 'overdue_convener') return claimEscalationSend(tx, { decisionId, rung, dueDate, sentAt });
  return claimReminderSend(tx, { decisionId, kind: rung, dueDate, sentAt });
}

async function linkOutbox(tx: DbOrTx, rung: FiringRung, decisionId: string, dueDate: string, outboxId: number): Promise<void> {
  if (rung === 'overdue_member' || rung === 'overdue_convener') await setEscalationOutbox(tx, { decisionId, rung, dueDate, outboxId });
  else await setReminderOutbox(tx, { decisionId, kind: rung, dueDate, outboxId });
}

/** Runs the escalation sweep once at the clock's now. */
export async function sweepEscalations(deps: { db: Database; clock: Clock }): Promise<EscalationSweepResult> {
  const result: EscalationSweepResult = { enqueued: 0, alreadySent: 0 };
  const now = deps.clock.now();
  const today = shanghaiDateOf(now);
  for (const bodyId of await listActiveBodyIdsWithOpenDecisions(deps.db)) {
    const calendar = await loadBodyCalendar(deps.db, { bodyId });
    const settings = await getSupervisionSettings(deps.db, { bodyId });
    for (const decision of await listDecisionViews(deps.db, { bodyId, openOnly: true })) {
      const standing = standingOf(decision, today, calendar, settings);
      const rung = standing.rung;
      if (rung === 'none') continue;
      const claimed = await deps.db.transaction(async (tx) => {
        if (!(await claimRung(tx, rung, decision.id, decision.deadline, now))) return false;
        const outboxId = await enqueueNotification(tx, {
          at: now,
          bodyId,
          event: `decision.reminder_${rung}`,
          ...rungText(rung, decision, standing, settings),
          link: `/bodies/${bodyId}/decisions/${decision.id}`,
          recipients: rungRecipients(rung, decision),
          data: {
            decisionId: decision.id,
            reminder: rung,
            deadline: decision.deadline,
            today,
            workingDaysOverdue: standing.workingDaysOverdue,
          },
        });
        await linkOutbox(tx, rung, decision.id, decision.deadline, outboxId);
        return true;
      });
      if (claimed) result.enqueued += 1;
      else result.alreadySent += 1;
    }
  }
  return result;
}
