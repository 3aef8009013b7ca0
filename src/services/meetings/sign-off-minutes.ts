/**
 * Signing minutes off (审定 / 签发): only the roles of the charter's minutes_signoff rule.
 */
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../domain/charter/charter-types.ts';
import { allowedRole, minutesSignoffRule } from '../../domain/meetings/meeting-rules.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { updateMeeting } from '../../repositories/meeting-repository.ts';
import { updateMinutes } from '../../repositories/minutes-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { actorIdOf, assertTransition, getMeetingRow, heldRolesOn, loadActiveBodyCharter, nowOf, onlyMessage, ruleRefusal } from './meeting-context.ts';
import { assertMinutesStatus, getMinutes, getMinutesRow } from './minutes-views.ts';
import type { MinutesItem } from './minutes-views.ts';

/** Who signs minutes off when the charter names nobody. */
const DEFAULT_SIGNERS: Actor[] = ['convener', 'deputy_convener'];

/**
 * Signs off (审定 / 签发) a draft: only the roles of the charter's minutes_signoff rule, held on the
 * day of signing; anyone else is refused with the clause. The meeting moves to minutes_signed_off.
 */
export async function signOffMinutes(db: Database, options: { bodyId: string; minutesId: string; origin: AuditOrigin }): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMinutesRow(tx, { ...options, forUpdate: true });
    assertMinutesStatus(before, 'draft', '审定');
    const meeting = await getMeetingRow(tx, { bodyId: options.bodyId, meetingId: before.meetingId, forUpdate: true });
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const rule = minutesSignoffRule(charter);
    const allowed = rule?.roles ?? DEFAULT_SIGNERS;
    const held = await heldRolesOn(tx, { accountId: actorIdOf(options.origin), bodyId: options.bodyId, day: shanghaiDateOf(now) });
    const role = allowedRole(allowed, held.roles.map((r) => r.role));
    const what = rule?.action === 'sign_off' ? '签发会议纪要' : '审定会议纪要';
    if (role === null) {
      const message = onlyMessage(charter, allowed, what);
      if (rule) throw ruleRefusal(charter, rule, 'minutes_signoff_not_allowed', 403, message);
      throw new AppError('minutes_signoff_not_allowed', 403, message);
    }
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
