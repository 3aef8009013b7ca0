/**
 * Who presides a meeting: the charter gate's `preside` step (a group's meeting: `preside_group_meeting`)
 * for the membership's roles on the meeting day, with whether the convener's delegation to it is
 * recorded. The rule, its binding by meeting kind and the default live in src/domain/charter-gates/.
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import type { MeetingRow } from '../../db/schema/meetings.ts';
import type { GateRequest, GateRole } from '../../domain/charter-gates/gate-types.ts';
import { findGroupById } from '../../repositories/group-repository.ts';
import { listDelegations, updateMeeting } from '../../repositories/meeting-repository.ts';
import type { MembershipRow } from '../../repositories/membership-repository.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { BEFORE_MEETING, assertStatus, getMeetingRow, loadActiveBodyCharter, membershipOnDay, nowOf } from './meeting-context.ts';
import { getMeeting } from './meeting-views.ts';
import type { MeetingDetail } from './meeting-views.ts';

/**
 * The roles a membership gives for presiding this meeting: its own role, and for a group's meeting
 * `group_leader` when it is the member of one of the group's lead units or the group's own 组长.
 */
async function presidingRoles(tx: DbOrTx, meeting: MeetingRow, membership: MembershipRow): Promise<GateRole[]> {
  const roles: GateRole[] = [membership.roleKind];
  if (meeting.kind === 'group' && meeting.groupId !== null) {
    const group = await findGroupById(tx, meeting.groupId);
    const leadUnitMember = membership.roleKind === 'member' && membership.unitId !== null && (group?.units.some((u) => u.lead && u.unitId === membership.unitId) ?? false);
    const ownLeader = membership.personId !== null && (group?.leaders.some((l) => l.personId === membership.personId && l.title === '组长') ?? false);
    if (leadUnitMember || ownLeader) roles.push('group_leader');
  }
  return roles;
}

/** Sets who presides, as the charter gate allows (refusals carry the clause, or say the default applied). */
export async function setPresider(
  db: Database,
  options: { bodyId: string; meetingId: string; membershipId: string; origin: AuditOrigin },
): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(before, BEFORE_MEETING, '更改主持人');
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const membership = await membershipOnDay(tx, { meeting: before, membershipId: options.membershipId, field: 'membershipId' });
    const roles = await presidingRoles(tx, before, membership);
    const delegated = membership.roleKind === 'deputy_convener' && (await listDelegations(tx, before.id)).some((d) => d.toMembershipId === membership.id);
    const request: GateRequest =
      before.kind === 'group' ? { step: 'preside_group_meeting', roles, delegated } : { step: 'preside', meetingKind: before.kind, roles, delegated };
    requireCharterGate(charter, request, { field: 'membershipId' });
    const after = await updateMeeting(tx, before.id, { presiderMembershipId: membership.id, presiderPersonId: membership.personId, updatedAt: now });
    await recordAudit(tx, { ...options.origin, action: 'meeting.set_presider', entityType: 'meeting', entityId: after.id, before, after });
  });
  return getMeeting(db, options);
}
