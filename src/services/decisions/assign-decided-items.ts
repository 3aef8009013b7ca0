/**
 * Assigning the decided items (议定事项) of minutes being issued: called by the meetings part inside
 * the issue-minutes transaction. The deadline is counted by the domain (decision-deadline.ts).
 */
import type { Transaction } from '../../db/database.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import { computeDeadline } from '../../domain/decisions/decision-deadline.ts';
import type { DeadlineRefusal, DeadlineSpec } from '../../domain/decisions/decision-deadline.ts';
import { AppError } from '../../errors/app-error.ts';
import { countDecisionsOfMinutes, insertCoUnits, insertDeadline, insertDecision } from '../../repositories/decision-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { loadBodyCharter } from '../body-service.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import { enqueueNotification } from '../notification-service.ts';
import { truncate, unitRecipients } from './decision-context.ts';

/** One decided item of minutes being issued. */
export type DecidedItemInput = {
  text: string;
  leadUnitId: string;
  coUnitIds: string[];
  deadline: DeadlineSpec;
};


/** The AppError of a deadline the domain refused. */
function deadlineRefusal(refusal: DeadlineRefusal): AppError {
  return new AppError(refusal.code, refusal.message, { field: refusal.field });
}

/**
 * Assigns the decided items of minutes being issued, in the caller's transaction: one decision per
 * item, its first deadline in the history, an audit row each, and a notification to the units.
 * Units must be member units of the body on the issue date; a co-handling unit may not be the lead.
 * `charter_default` takes the charter's handling-deadline rule (its co-handled days when there are
 * co-handling units) and is refused (409 `no_handling_deadline_rule`) when the charter has none.
 */
export async function assignDecidedItems(
  tx: Transaction,
  options: {
    bodyId: string;
    meetingId: string;
    minutesId: string;
    /** ISO date, Asia/Shanghai */
    issuedOn: string;
    items: DecidedItemInput[];
    origin: AuditOrigin;
  },
): Promise<{ decisionIds: string[] }> {
  if (!isIsoDate(options.issuedOn)) throw new AppError('invalid_date', '日期格式应为 YYYY-MM-DD', { field: 'issuedOn' });
  if (options.items.length === 0) return { decisionIds: [] };
  const { charter } = await loadBodyCharter(tx, { bodyId: options.bodyId });
  const calendar = await loadBodyCalendar(tx, { bodyId: options.bodyId });
  const memberUnits = new Set((await listBodyUnits(tx, options.bodyId, options.issuedOn)).map((u) => u.unitId));
  const at = options.origin.at;
  const already = await countDecisionsOfMinutes(tx, options.minutesId);
  const decisionIds: string[] = [];
  for (const [index, item] of options.items.entries()) {
    const field = `items.${index}`;
    const text = item.text.trim();
    if (text === '') throw new AppError('decision_text_required', '议定事项内容不能为空', { field: `${field}.text` });
    if (!memberUnits.has(item.leadUnitId)) {
      throw new AppError('lead_unit_not_member', '主办单位不是本机构在印发日期的成员单位', { field: `${field}.leadUnitId` });
    }
    const coUnitIds = [...new Set(item.coUnitIds)];
    for (const [i, unitId] of coUnitIds.entries()) {
      if (unitId === item.leadUnitId) {
        throw new AppError('co_unit_is_lead', '协办单位不能同时是主办单位', { field: `${field}.coUnitIds.${i}` });
      }
      if (!memberUnits.has(unitId)) {
        throw new AppError('co_unit_not_member', '协办单位不是本机构在印发日期的成员单位', { field: `${field}.coUnitIds.${i}` });
      }
    }
    const computed = computeDeadline({
      calendar,
      charter,
      issuedOn: options.issuedOn,
      deadline: item.deadline,
      coHandled: coUnitIds.length > 0,
      field: `${field}.deadline`,
    });
    if (!computed.ok) throw deadlineRefusal(computed.refusal);
    const deadline = computed.deadline;
    const decision = await insertDecision(tx, {
      bodyId: options.bodyId,
      meetingId: options.meetingId,
      minutesId: options.minutesId,
      itemNo: already + index + 1,
      text,
      leadUnitId: item.leadUnitId,
      issuedOn: options.issuedOn,
      status: 'assigned',
      deadline: deadline.deadline,
      deadlineProvisional: deadline.provisional,
      deadlineReasons: deadline.reasons,
      createdAt: at,
      updatedAt: at,
    });
    await insertCoUnits(tx, decision.id, coUnitIds);
    await insertDeadline(tx, {
      decisionId: decision.id,
      deadline: deadline.deadline,
      provisional: deadline.provisional,
      reasons: deadline.reasons,
      basis: deadline.basis,
      setAt: at,
      setBy: options.origin.actorId,
    });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'decision.assign',
      entityType: 'decision',
      entityId: decision.id,
      before: null,
      after: { ...decision, coUnitIds, basis: deadline.basis },
    });
    await enqueueNotification(tx, {
      at,
      bodyId: options.bodyId,
      event: 'decision.assigned',
      title: `交办事项：${truncate(text, 40)}`,
      message: `会议议定事项已交办，请于 ${deadline.deadline} 前办结。\n${text}`,
      link: `/bodies/${options.bodyId}/decisions/${decision.id}`,
      recipients: unitRecipients({ leadUnitId: item.leadUnitId, coUnitIds, roles: ['liaison'] }),
      data: { decisionId: decision.id, minutesId: options.minutesId, meetingId: options.meetingId, deadline: deadline.deadline },
    });
    decisionIds.push(decision.id);
  }
  return { decisionIds };
}
