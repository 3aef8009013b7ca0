/**
 * Scheduling a meeting: invitees from the memberships valid on the meeting day and the notice to
 * them (outbox, same transaction).
 */
import type { Database } from '../../db/database.ts';
import { updateMeeting } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { computeMemberInvitees } from './invitees.ts';
import { assertTransition, checkTimes, getMeetingRow, nowOf } from './meeting-context.ts';
import { formatInstant, notifyMeeting } from './meeting-notifications.ts';
import { getMeeting } from './meeting-views.ts';
import type { MeetingDetail } from './meeting-views.ts';

/**
 * Schedules a draft (or postponed) meeting: optionally at a new time, computes the invitees from the
 * memberships valid on the meeting day and sends the notice (outbox, same transaction). A notice
 * sent again raises the calendar invitation's sequence.
 */
export async function scheduleMeeting(
  db: Database,
  options: { bodyId: string; meetingId: string; startsAt?: Date; endsAt?: Date | null; location?: string | null; origin: AuditOrigin },
): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertTransition(before, 'scheduled');
    const startsAt = options.startsAt ?? before.startsAt;
    const endsAt = options.endsAt !== undefined ? options.endsAt : options.startsAt !== undefined ? null : before.endsAt;
    checkTimes(startsAt, endsAt, now);
    let after = await updateMeeting(tx, before.id, {
      status: 'scheduled',
      statusReason: null,
      startsAt,
      endsAt,
      ...(options.location !== undefined ? { location: options.location } : {}),
      noticeSentAt: now,
      icsSequence: before.noticeSentAt === null ? before.icsSequence : before.icsSequence + 1,
      updatedAt: now,
    });
    await computeMemberInvitees(tx, { meeting: after, now });
    after = await updateMeeting(tx, after.id, { updatedAt: now });
    await notifyMeeting(tx, {
      meeting: after,
      event: 'meeting.scheduled',
      title: `会议通知：${after.title}`,
      message: `定于${formatInstant(after.startsAt)}${after.location ? `在${after.location}` : ''}召开${after.kindName}：${after.title}。`,
      at: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'meeting.schedule', entityType: 'meeting', entityId: after.id, before, after });
  });
  return getMeeting(db, options);
}
