/**
 * Who presides a meeting: a role the charter's presider rule allows for the kind, held on the
 * meeting day, a deputy convener only with the convener's delegation where the rule requires one.
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import type { MeetingRow } from '../../db/schema/meetings.ts';
import type { Actor } from '../../domain/charter/charter-types.ts';
import { allowedRole, presiderRule } from '../../domain/meetings/meeting-rules.ts';
import type { HeldRole } from '../../domain/meetings/meeting-rules.ts';
import { AppError } from '../../errors/app-error.ts';
import { findGroupById } from '../../repositories/group-repository.ts';
import { listDelegations, updateMeeting } from '../../repositories/meeting-repository.ts';
import type { MembershipRow } from '../../repositories/membership-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { BEFORE_MEETING, assertStatus, getMeetingRow, loadActiveBodyCharter, membershipOnDay, nowOf, onlyMessage, ruleRefusal } from './meeting-context.ts';
import { getMeeting } from './meeting-views.ts';
import type { MeetingDetail } from './meeting-views.ts';

/** The roles a membership gives for the presider check of this meeting (group leader of a group meeting's lead unit). */
async function presidingRoles(tx: DbOrTx, meeting: MeetingRow, membership: MembershipRow): Promise<HeldRole[]> {
  const roles: HeldRole[] = [membership.roleKind];
  if (meeting.kind === 'group' && meeting.groupId !== null && membership.roleKind === 'member' && membership.unitId !== null) {
    const group = await findGroupById(tx, meeting.groupId);
    if (group?.units.some((u) => u.lead && u.unitId === membership.unitId)) roles.push('group_leader');
  }
  return roles;
}

const DEFAULT_PRESIDERS: Actor[] = ['convener', 'deputy_convener'];

/**
 * Sets who presides: only a role the charter's presider rule allows for this kind of meeting, held
 * on the meeting day; a deputy convener only with the convener's recorded delegation where the
 * rule requires one. Refusals cite the rule's clause.
 */
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
    const rule = presiderRule(charter, before.kind);
    const allowed = rule?.roles ?? DEFAULT_PRESIDERS;
    const role = allowedRole(allowed, await presidingRoles(tx, before, membership));
    if (role === null) {
      const message = onlyMessage(charter, allowed, `主持${before.kindName}`);
      if (rule) throw ruleRefusal(charter, rule, 'presider_not_allowed', 422, message, 'membershipId');
      throw new AppError('presider_not_allowed', 422, message, { field: 'membershipId' });
    }
    if (role === 'deputy_convener' && rule?.deputyNeedsDelegation === true) {
      const delegations = await listDelegations(tx, before.id);
      if (!delegations.some((d) => d.toMembershipId === membership.id)) {
        throw ruleRefusal(charter, rule, 'delegation_required', 422, `根据本机构制度，${membership.title}须经召集人委托方可主持会议，本次会议尚未记录委托`, 'membershipId');
      }
    }
    const after = await updateMeeting(tx, before.id, { presiderMembershipId: membership.id, presiderPersonId: membership.personId, updatedAt: now });
    await recordAudit(tx, { ...options.origin, action: 'meeting.set_presider', entityType: 'meeting', entityId: after.id, before, after });
  });
  return getMeeting(db, options);
}
