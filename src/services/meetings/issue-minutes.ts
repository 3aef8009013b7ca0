/**
 * Issuing minutes (印发): the number of the body's year (第N期), the distribution, the decided items
 * assigned as decisions in the same transaction, the notification to the units.
 */
import type { Database, Transaction } from '../../db/database.ts';
import { minutesDistributionRule } from '../../domain/meetings/meeting-rules.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { updateMeeting } from '../../repositories/meeting-repository.ts';
import { lockMinutesNumbering, nextMinutesNumber, updateMinutes } from '../../repositories/minutes-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { assignDecidedItems } from '../decisions/assign-decided-items.ts';
import { enqueueNotification } from '../notification-service.ts';
import type { NotificationRecipient } from '../notification-service.ts';
import { assertDecidedItemDeadlines } from './decided-item-deadlines.ts';
import { assertTransition, getMeetingRow, loadActiveBodyCharter, nowOf } from './meeting-context.ts';
import { assertMayIssueFormalDocument } from './meeting-notice.ts';
import { assertMinutesStatus, computeDistribution, getMinutes, getMinutesRow } from './minutes-views.ts';
import type { MinutesItem } from './minutes-views.ts';

/**
 * Issues signed-off minutes: the next number of the body's year (第N期), the distribution (every
 * member unit on the issue date plus the charter's report copies), the decided items assigned as
 * decisions in the same transaction (not again for a correction), a notification to the units.
 * Issued minutes never change again.
 */
export async function issueMinutes(db: Database, options: { bodyId: string; minutesId: string; origin: AuditOrigin }): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx: Transaction) => {
    const before = await getMinutesRow(tx, { ...options, forUpdate: true });
    assertMinutesStatus(before, 'signed_off', '印发（须先审定）');
    const meeting = await getMeetingRow(tx, { bodyId: options.bodyId, meetingId: before.meetingId, forUpdate: true });
    if (before.correctsMinutesId === null) assertTransition(meeting, 'minutes_issued');
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    assertMayIssueFormalDocument(charter, 'minutes');
    const issuedOn = shanghaiDateOf(now);
    const year = Number(issuedOn.slice(0, 4));
    await lockMinutesNumbering(tx, options.bodyId, year);
    const number = await nextMinutesNumber(tx, options.bodyId, year);
    const distribution = await computeDistribution(tx, { bodyId: options.bodyId, day: issuedOn, rule: minutesDistributionRule(charter) });
    if (before.correctsMinutesId === null) {
      await assertDecidedItemDeadlines(tx, { bodyId: options.bodyId, charter, items: before.decidedItems, from: issuedOn, field: 'decidedItems' });
    }
    const { decisionIds } =
      before.correctsMinutesId === null
        ? await assignDecidedItems(tx, {
            bodyId: options.bodyId,
            meetingId: meeting.id,
            minutesId: before.id,
            issuedOn,
            items: before.decidedItems,
            origin: options.origin,
          })
        : { decisionIds: [] as string[] };
    const after = await updateMinutes(tx, before.id, {
      status: 'issued',
      year,
      number,
      issuedOn,
      issuedAt: now,
      issuedBy: options.origin.actorId,
      distribution,
      decisionIds,
      updatedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'minutes.issue', entityType: 'minutes', entityId: after.id, before, after });
    if (before.correctsMinutesId === null) {
      const meetingAfter = await updateMeeting(tx, meeting.id, { status: 'minutes_issued', updatedAt: now });
      await recordAudit(tx, { ...options.origin, action: 'meeting.minutes_issued', entityType: 'meeting', entityId: meeting.id, before: meeting, after: meetingAfter });
    }
    const recipients: NotificationRecipient[] = [
      { kind: 'office' },
      ...distribution.memberUnits.map((u): NotificationRecipient => ({ kind: 'unit', unitId: u.unitId, roles: ['member', 'liaison'] })),
    ];
    await enqueueNotification(tx, {
      bodyId: options.bodyId,
      event: 'minutes.issued',
      title: `会议纪要 ${year}年第${number}期：${after.title}`,
      message: `${after.title}（${year}年第${number}期）已印发${before.correctsMinutesId === null ? '' : '（更正）'}。`,
      link: `/bodies/${options.bodyId}/minutes/${after.id}`,
      recipients,
      data: { minutesId: after.id, meetingId: meeting.id, year, number, decisionIds },
      at: now,
    });
  });
  return getMinutes(db, options);
}
