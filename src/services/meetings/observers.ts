/**
 * Observers (列席): proposed by the office; where the charter says who decides observers they wait
 * for that role, which approves or rejects them through the charter gate (`approve_observers`).
 */
import type { Database } from '../../db/database.ts';
import { observerApprovalRuleOf } from '../../domain/charter-gates/meeting-gates.ts';
import { AppError } from '../../errors/app-error.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { findInvitee, insertInvitee, listDelegations, listInvitees, updateInvitee } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { BEFORE_MEETING, actorRolesOnMeetingDay, assertStatus, getMeetingRow, loadActiveBodyCharter, nowOf } from './meeting-context.ts';
import { toInviteeItem } from './meeting-views.ts';
import type { InviteeItem } from './meeting-views.ts';

/** The office proposes an observer; where the charter says who decides observers, it waits for them. */
export async function proposeObserver(
  db: Database,
  options: { bodyId: string; meetingId: string; input: { name: string; unitId?: string | null }; origin: AuditOrigin },
): Promise<InviteeItem> {
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(meeting, BEFORE_MEETING, '再增加列席人员');
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const name = options.input.name.trim();
    if (name === '') throw new AppError('name_required', '请填写列席人员', { field: 'name' });
    const needsApproval = observerApprovalRuleOf(charter, meeting.kind) !== null;
    const row = await insertInvitee(tx, {
      meetingId: meeting.id,
      kind: 'observer',
      roleKind: null,
      title: null,
      unitId: options.input.unitId ?? null,
      personId: null,
      membershipId: null,
      name,
      approvalStatus: needsApproval ? 'proposed' : 'not_required',
      approvalReason: null,
      approvedBy: null,
      approvedAt: null,
      proposedBy: options.origin.actorId,
      position: 0,
      createdAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'meeting.propose_observer', entityType: 'meeting_invitee', entityId: row.id, before: null, after: row });
    return row.id;
  });
  const item = (await listInvitees(db, options.meetingId)).find((i) => i.id === id);
  if (!item) throw new Error(`invitee ${id} vanished`);
  return toInviteeItem(item);
}

/**
 * Approves or rejects a proposed observer: only a role the charter gate allows (a deputy only with
 * the convener's delegation where the charter requires one). A rejection needs a reason.
 */
export async function decideObserver(
  db: Database,
  options: { bodyId: string; meetingId: string; inviteeId: string; approve: boolean; reason?: string | null; origin: AuditOrigin },
): Promise<InviteeItem> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    const before = await findInvitee(tx, options.inviteeId);
    if (!before || before.meetingId !== meeting.id || before.kind !== 'observer') {
      throw new AppError('invitee_not_found', '列席人员不存在', { field: 'inviteeId' });
    }
    if (before.approvalStatus !== 'proposed') throw new AppError('observer_already_decided', '该列席人员已经确定，无需再审核');
    const reason = options.reason?.trim() ?? '';
    if (!options.approve && reason === '') throw new AppError('reason_required', '不同意列席须说明理由', { field: 'reason' });
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const held = await actorRolesOnMeetingDay(tx, { bodyId: options.bodyId, meeting, origin: options.origin });
    const mine = held.roles.filter((r) => r.role === 'deputy_convener').map((r) => r.membership?.id);
    const delegated = mine.length > 0 && (await listDelegations(tx, meeting.id)).some((d) => mine.includes(d.toMembershipId));
    requireCharterGate(charter, { step: 'approve_observers', meetingKind: meeting.kind, roles: held.gateRoles, delegated });
    const after = await updateInvitee(tx, before.id, {
      approvalStatus: options.approve ? 'approved' : 'rejected',
      approvalReason: reason === '' ? null : reason,
      approvedBy: options.origin.actorId,
      approvedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'meeting.decide_observer', entityType: 'meeting_invitee', entityId: after.id, before, after });
  });
  const item = (await listInvitees(db, options.meetingId)).find((i) => i.id === options.inviteeId);
  if (!item) throw new Error(`invitee ${options.inviteeId} vanished`);
  return toInviteeItem(item);
}
