/**
 * Notices about a meeting (scheduled, cancelled, postponed) to its recipients through the outbox.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { MeetingRow } from '../../db/schema/meetings.ts';
import { listAccountIdsOfPeople, listInvitees } from '../../repositories/meeting-repository.ts';
import { enqueueNotification } from '../notification-service.ts';
import type { NotificationRecipient } from '../notification-service.ts';
import { invitedUnits } from './meeting-views.ts';

/** The recipients of a meeting's notices: the invited units (member and liaison), named people, the office. */
async function meetingRecipients(tx: DbOrTx, meetingId: string): Promise<NotificationRecipient[]> {
  const invitees = await listInvitees(tx, meetingId);
  const recipients: NotificationRecipient[] = [{ kind: 'office' }];
  for (const unit of invitedUnits(invitees)) recipients.push({ kind: 'unit', unitId: unit.unitId, roles: ['member', 'liaison'] });
  const people = invitees
    .filter((i) => i.personId !== null && (i.kind === 'member' || i.approvalStatus === 'approved' || i.approvalStatus === 'not_required'))
    .map((i) => i.personId as string);
  for (const accountId of await listAccountIdsOfPeople(tx, [...new Set(people)])) recipients.push({ kind: 'account', accountId });
  return recipients;
}

/** 2026年3月5日 09:30, in Asia/Shanghai, for notice texts. */
export function formatInstant(instant: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** Tells the meeting's recipients (invited units, named invitees, the office) through the outbox, in the caller's transaction. */
export async function notifyMeeting(
  tx: DbOrTx,
  options: { meeting: MeetingRow; event: string; title: string; message: string; at: Date },
): Promise<void> {
  const { meeting, event, title, message, at } = options;
  await enqueueNotification(tx, {
    bodyId: meeting.bodyId,
    event,
    title,
    message,
    link: `/bodies/${meeting.bodyId}/meetings/${meeting.id}`,
    recipients: await meetingRecipients(tx, meeting.id),
    data: { meetingId: meeting.id, startsAt: meeting.startsAt.toISOString(), status: meeting.status, icsSequence: meeting.icsSequence },
    at,
  });
}
