/**
 * The meeting's invitees: the members invited on the meeting day (computed when the meeting is
 * scheduled) and the list readers see. Observers (列席) are in observers.ts.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { MeetingRow } from '../../db/schema/meetings.ts';
import type { RoleKind } from '../../domain/charter/charter-types.ts';
import { findGroupById } from '../../repositories/group-repository.ts';
import { deleteMemberInvitees, insertInvitee, listInvitees } from '../../repositories/meeting-repository.ts';
import { listMembershipsOfBody } from '../../repositories/membership-repository.ts';
import type { MembershipRow } from '../../repositories/membership-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { getMeetingRow, meetingDay } from './meeting-context.ts';
import { toInviteeItem } from './meeting-views.ts';
import type { InviteeItem } from './meeting-views.ts';

/**
 * Who is invited on the meeting day: for a liaison meeting each member unit's liaison; for a group
 * meeting the group's own leaders (组长, 副组长) and the group's units' members; otherwise the
 * convener, the deputy conveners and each member unit's member. A unit without anyone named is
 * invited as a unit.
 */
export async function computeMemberInvitees(tx: DbOrTx, options: { meeting: MeetingRow; now: Date }): Promise<void> {
  const { meeting, now } = options;
  const day = meetingDay(meeting);
  const holding = await listMembershipsOfBody(tx, meeting.bodyId, { at: day });
  let unitIds = (await listBodyUnits(tx, meeting.bodyId, day)).map((u) => u.unitId);
  const rows: { membership: MembershipRow | null; unitId: string | null; title?: string }[] = [];
  if (meeting.kind === 'group' && meeting.groupId !== null) {
    const group = await findGroupById(tx, meeting.groupId);
    const inGroup = new Set(group?.units.map((u) => u.unitId) ?? []);
    unitIds = unitIds.filter((id) => inGroup.has(id));
    // The group's own leaders (组长, 副组长) first, through a membership they hold that day.
    for (const leader of [...(group?.leaders ?? [])].sort((a, b) => Number(b.title === '组长') - Number(a.title === '组长'))) {
      const membership = holding.find((m) => m.personId === leader.personId);
      if (membership) rows.push({ membership, unitId: membership.unitId, title: leader.title });
    }
  }
  if (meeting.kind !== 'liaison' && meeting.kind !== 'group') {
    for (const m of holding) if (m.roleKind === 'convener' || m.roleKind === 'deputy_convener') rows.push({ membership: m, unitId: m.unitId });
  }
  const unitRole: RoleKind = meeting.kind === 'liaison' ? 'liaison' : 'member';
  for (const unitId of unitIds) {
    const named = holding.filter((m) => m.roleKind === unitRole && m.unitId === unitId);
    if (named.length === 0 && !rows.some((r) => r.unitId === unitId && r.membership?.roleKind === unitRole)) rows.push({ membership: null, unitId });
    for (const m of named) if (!rows.some((r) => r.membership?.id === m.id)) rows.push({ membership: m, unitId });
  }
  await deleteMemberInvitees(tx, meeting.id);
  for (const [position, row] of rows.entries()) {
    await insertInvitee(tx, {
      meetingId: meeting.id,
      kind: 'member',
      roleKind: row.membership?.roleKind ?? unitRole,
      title: row.title ?? row.membership?.title ?? null,
      unitId: row.unitId,
      personId: row.membership?.personId ?? null,
      membershipId: row.membership?.id ?? null,
      name: null,
      approvalStatus: 'not_required',
      approvalReason: null,
      approvedBy: null,
      approvedAt: null,
      proposedBy: null,
      position,
      createdAt: now,
    });
  }
}

/** The meeting's invitees (members and observers). */
export async function listMeetingInvitees(db: DbOrTx, options: { bodyId: string; meetingId: string }): Promise<InviteeItem[]> {
  await getMeetingRow(db, options);
  return (await listInvitees(db, options.meetingId)).map(toInviteeItem);
}
