/**
 * Signing minutes off (审定 / 签发): only a role the charter gate allows (`sign_off_minutes`).
 */
import type { Database } from '../../db/database.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { updateMeeting } from '../../repositories/meeting-repository.ts';
import { updateMinutes } from '../../repositories/minutes-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { actorIdOf, assertTransition, getMeetingRow, heldRolesOn, loadActiveBodyCharter, nowOf } from './meeting-context.ts';
import { assertMinutesStatus, getMinutes, getMinutesRow } from './minutes-views.ts';
import type { MinutesItem } from './minutes-views.ts';

/**
 * Signs off (审定 / 签发) a draft: only a role the charter gate allows, held on the day of signing;
 * anyone else is refused with the clause (or the default). The meeting moves to minutes_signed_off.
 */
export async function signOffMinutes(db: Database, options: { bodyId: string; minutesId: string; origin: AuditOrigin }): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMinutesRow(tx, { ...options, forUpdate: true });
    assertMinutesStatus(before, 'draft', '审定');
    const meeting = await getMeetingRow(tx, { bodyId: options.bodyId, meetingId: before.meetingId, forUpdate: true });
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const held = await heldRolesOn(tx, { accountId: actorIdOf(options.origin), bodyId: options.bodyId, day: shanghaiDateOf(now) });
    const { as: role } = requireCharterGate(charter, { step: 'sign_off_minutes', meetingKind: meeting.kind, roles: held.gateRoles });
    const signer = held.roles.find((r) => r.role === role)?.membership ?? null;
    const after = await updateMinutes(tx, before.id, {
      status: 'signed_off',
      signedOffBy: options.origin.actorId,
      signedOffPersonId: signer?.personId ?? null,
      signedOffAs: role,
      signedOffAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'minutes.sign_off', entityType: 'minutes', entityId: after.id, before, after });
    if (before.correctsMinutesId === null) {
      assertTransition(meeting, 'minutes_signed_off');
      const meetingAfter = await updateMeeting(tx, meeting.id, { status: 'minutes_signed_off', updatedAt: now });
      await recordAudit(tx, { ...options.origin, action: 'meeting.minutes_signed_off', entityType: 'meeting', entityId: meeting.id, before: meeting, after: meetingAfter });
    }
  });
  return getMinutes(db, options);
}
