/**
 * Attendance per member unit (出席 / 代为出席 / 联络员带意见 / 请假 / 缺席), recorded by the office
 * once the meeting is held. Each kind of attendance is one call of the charter gate (`attend`): where
 * the charter says who attends (出席人员为…), a substitute or a liaison bringing the unit's opinion is
 * refused with the clause unless the charter allows it. Where the charter makes attendance mandatory,
 * absences show as findings on the meeting.
 */
import type { Database } from '../../db/database.ts';
import type { AttendanceStatus } from '../../domain/meetings/meeting-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { listInvitees, upsertAttendance } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { assertStatus, getMeetingRow, loadActiveBodyCharter, nowOf } from './meeting-context.ts';
import { getMeeting, invitedUnits } from './meeting-views.ts';
import type { MeetingDetail } from './meeting-views.ts';

export interface AttendanceInput {
  unitId: string;
  status: AttendanceStatus;
  /** substitute: the leader of the same unit who came instead */
  substituteName?: string | null;
  substitutePosition?: string | null;
  /** liaison_with_opinion: the unit's written opinion the liaison brought */
  opinion?: string | null;
  /** absent_with_leave: why */
  leaveReason?: string | null;
}

/** The trimmed text, or a refusal naming `field`. */
function required(value: string | null | undefined, field: string, message: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new AppError('attendance_detail_required', message, { field });
  return text;
}

/** Records (or corrects) the attendance of invited member units, after the meeting is held and before sign-off. */
export async function recordAttendance(
  db: Database,
  options: { bodyId: string; meetingId: string; entries: AttendanceInput[]; origin: AuditOrigin },
): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(meeting, ['held', 'minutes_drafted'], '登记出席情况（会议召开后、纪要审定前登记）');
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const invited = new Set(invitedUnits(await listInvitees(tx, meeting.id)).map((u) => u.unitId));
    for (const [index, entry] of options.entries.entries()) {
      const field = `entries.${index}`;
      if (!invited.has(entry.unitId)) {
        throw new AppError('unit_not_invited', '该单位不是本次会议邀请的成员单位', { field: `${field}.unitId` });
      }
      requireCharterGate(charter, { step: 'attend', meetingKind: meeting.kind, attendance: entry.status }, { field: `${field}.status` });
      const row = await upsertAttendance(tx, {
        meetingId: meeting.id,
        unitId: entry.unitId,
        status: entry.status,
        substituteName:
          entry.status === 'substitute' ? required(entry.substituteName, `${field}.substituteName`, '代为出席须写明出席人姓名') : null,
        substitutePosition: entry.status === 'substitute' ? entry.substitutePosition?.trim() || null : null,
        opinion:
          entry.status === 'liaison_with_opinion' ? required(entry.opinion, `${field}.opinion`, '联络员带来的本单位书面意见不能为空') : null,
        leaveReason: entry.status === 'absent_with_leave' ? required(entry.leaveReason, `${field}.leaveReason`, '请假须写明原因') : null,
        recordedBy: options.origin.actorId,
        recordedAt: now,
      });
      await recordAudit(tx, { ...options.origin, action: 'meeting.attendance', entityType: 'meeting', entityId: meeting.id, before: null, after: row });
    }
  });
  return getMeeting(db, options);
}
