/**
 * The meeting's end states: cancelled or postponed with a reason (invitees already noticed are
 * told), or held once it has started and has a presider.
 */
import type { Database } from '../../db/database.ts';
import type { MeetingStatus } from '../../domain/meetings/meeting-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { updateMeeting } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { assertTransition, getMeetingRow, nowOf, transitionRefusal } from './meeting-context.ts';
import { formatInstant, notifyMeeting } from './meeting-notifications.ts';
import { getMeeting } from './meeting-views.ts';
import type { MeetingDetail } from './meeting-views.ts';

/** Cancels or postpones with a reason, telling the invitees already noticed. */
async function endMeeting(
  db: Database,
  options: { bodyId: string; meetingId: string; reason: string; origin: AuditOrigin },
  to: 'cancelled' | 'postponed',
): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  const reason = options.reason.trim();
  if (reason === '') throw new AppError('reason_required', '请填写原因', { field: 'reason' });
  await db.transaction(async (tx) => {
    const before = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertTransition(before, to);
    const noticed = before.noticeSentAt !== null;
    const after = await updateMeeting(tx, before.id, {
      status: to,
      statusReason: reason,
      icsSequence: noticed ? before.icsSequence + 1 : before.icsSequence,
      updatedAt: now,
    });
    if (noticed) {
      const verb = to === 'cancelled' ? '取消' : '延期';
      await notifyMeeting(tx, {
        meeting: after,
        event: `meeting.${to}`,
        title: `会议${verb}：${after.title}`,
        message: `原定${formatInstant(after.startsAt)}召开的${after.kindName}${verb}。原因：${reason}`,
        at: now,
      });
    }
    await recordAudit(tx, { ...options.origin, action: to === 'cancelled' ? 'meeting.cancel' : 'meeting.postpone', entityType: 'meeting', entityId: after.id, before, after });
  });
  return getMeeting(db, options);
}

/** Cancels a meeting with a reason; invitees already noticed are told. */
export async function cancelMeeting(db: Database, options: { bodyId: string; meetingId: string; reason: string; origin: AuditOrigin }): Promise<MeetingDetail> {
  return endMeeting(db, options, 'cancelled');
}

/** Postpones a scheduled meeting with a reason; schedule it again with its new time. */
export async function postponeMeeting(db: Database, options: { bodyId: string; meetingId: string; reason: string; origin: AuditOrigin }): Promise<MeetingDetail> {
  return endMeeting(db, options, 'postponed');
}

/**
 * Why the meeting may not be recorded as held at `now`, or null: the lifecycle must allow it, the
 * meeting must have started and have a presider. Pure; the step and the actions of the meeting ask it.
 */
export function markHeldRefusal(meeting: { status: MeetingStatus; startsAt: Date; presiderMembershipId: string | null }, now: Date): AppError | null {
  const transition = transitionRefusal(meeting, 'held');
  if (transition !== null) return transition;
  if (now.getTime() < meeting.startsAt.getTime()) return new AppError('meeting_not_started', '会议尚未开始，不能登记为已召开');
  if (meeting.presiderMembershipId === null) return new AppError('presider_required', '请先确定会议主持人', { field: 'presiderMembershipId' });
  return null;
}

/** Records that the meeting took place: only once it has started, and only with a presider set. */
export async function markHeld(db: Database, options: { bodyId: string; meetingId: string; origin: AuditOrigin }): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMeetingRow(tx, { ...options, forUpdate: true });
    const refusal = markHeldRefusal(before, now);
    if (refusal !== null) throw refusal;
    const after = await updateMeeting(tx, before.id, { status: 'held', heldAt: now, updatedAt: now });
    await recordAudit(tx, { ...options.origin, action: 'meeting.held', entityType: 'meeting', entityId: after.id, before, after });
  });
  return getMeeting(db, options);
}
