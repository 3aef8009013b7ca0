/**
 * The convener's delegation of presiding a meeting to a deputy convener (委托), as the charter gate
 * allows (`delegate_presiding`).
 */
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { insertDelegation } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { BEFORE_MEETING, actorRolesOnMeetingDay, assertStatus, getMeetingRow, loadActiveBodyCharter, membershipOnDay, nowOf } from './meeting-context.ts';
import { getMeeting } from './meeting-views.ts';
import type { MeetingDetail } from './meeting-views.ts';

/**
 * The convener delegates presiding this meeting to a deputy convener (委托). Only the convener in
 * office on the meeting day records it, for a deputy convener in office that day.
 */
export async function recordDelegation(
  db: Database,
  options: { bodyId: string; meetingId: string; toMembershipId: string; origin: AuditOrigin },
): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(meeting, BEFORE_MEETING, '再委托主持');
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const held = await actorRolesOnMeetingDay(tx, { bodyId: options.bodyId, meeting, origin: options.origin });
    const to = await membershipOnDay(tx, { meeting, membershipId: options.toMembershipId, field: 'toMembershipId' });
    requireCharterGate(charter, { step: 'delegate_presiding', meetingKind: meeting.kind, roles: held.gateRoles, toRoles: [to.roleKind] });
    const convener = held.roles.find((r) => r.role === 'convener' && r.membership !== null);
    if (!convener?.membership) throw new AppError('delegation_by_convener_only', '只有会议当日在任的召集人本人可以委托副召集人主持会议');
    const row = await insertDelegation(tx, {
      meetingId: meeting.id,
      fromMembershipId: convener.membership.id,
      toMembershipId: to.id,
      recordedBy: options.origin.actorId,
      recordedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'meeting.delegate', entityType: 'meeting', entityId: meeting.id, before: null, after: row });
  });
  return getMeeting(db, options);
}
