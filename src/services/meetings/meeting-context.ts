/**
 * What every meeting workflow step needs: the body's charter in force, the meeting (locked for the
 * change), the roles the acting account holds on the meeting day (memberships valid on that date,
 * the office's direct grant), and the refusals every step shares.
 */
import { assertBodyActive } from '../dissolution-service.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { MeetingRow } from '../../db/schema/meetings.ts';
import type { Actor, Charter, Rule } from '../../domain/charter/charter-types.ts';
import { charterTitles as titlesOfCharter } from '../../domain/charter-gates/gate-roles.ts';
import type { GateRole } from '../../domain/charter-gates/gate-types.ts';
import { clauseOf } from '../../domain/meetings/meeting-rules.ts';
import { MEETING_STATUS_LABELS, canTransition } from '../../domain/meetings/meeting-status.ts';
import type { MeetingStatus } from '../../domain/meetings/meeting-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { findMeeting } from '../../repositories/meeting-repository.ts';
import { findMembershipById } from '../../repositories/membership-repository.ts';
import type { MembershipRow } from '../../repositories/membership-repository.ts';
import { gateRolesOf, heldBodyRoles } from '../../policy/held-roles.ts';
import type { HeldBodyRole } from '../../policy/held-roles.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { loadBodyCharter } from '../body-service.ts';
import type { BodyCharter } from '../body-service.ts';
import type { ErrorCode } from '../../errors/error-catalogue.ts';

/** The statuses in which a meeting is still being prepared (agenda, observers, presider). */
export const BEFORE_MEETING = ['draft', 'scheduled', 'postponed'] as const satisfies readonly MeetingStatus[];

/** The instant of the change: the request's clock. */
export function nowOf(origin: AuditOrigin): Date {
  return origin.at;
}

/** The acting account, which every meeting step needs (routes are never anonymous here). */
export function actorIdOf(origin: AuditOrigin): string {
  if (origin.actorId === null) throw new AppError('unauthenticated', '请先登录');
  return origin.actorId;
}

/** The meeting's day in Asia/Shanghai: the date memberships are checked on. */
export function meetingDay(meeting: Pick<MeetingRow, 'startsAt'>): string {
  return shanghaiDateOf(meeting.startsAt);
}

/** The body and its charter for a change: refused once the body is dissolved. */
export async function loadActiveBodyCharter(db: DbOrTx, options: { bodyId: string }): Promise<BodyCharter> {
  const loaded = await loadBodyCharter(db, options);
  assertBodyActive(loaded.body);
  return loaded;
}

/** A meeting of the body, or a 404 naming `meetingId`. */
export async function getMeetingRow(db: DbOrTx, options: { bodyId: string; meetingId: string; forUpdate?: boolean }): Promise<MeetingRow> {
  const row = await findMeeting(db, options.meetingId, { forUpdate: options.forUpdate ?? false });
  if (!row || row.bodyId !== options.bodyId) throw new AppError('meeting_not_found', '会议不存在', { field: 'meetingId' });
  return row;
}

/** Refuses an end before the start (400) or a start not after `now` (422). */
export function checkTimes(startsAt: Date, endsAt: Date | null | undefined, now: Date): void {
  if (endsAt !== undefined && endsAt !== null && endsAt.getTime() <= startsAt.getTime()) {
    throw new AppError('meeting_ends_before_start', '会议结束时间应晚于开始时间', { field: 'endsAt' });
  }
  if (startsAt.getTime() <= now.getTime()) {
    throw new AppError('meeting_in_past', '会议开始时间应晚于现在', { field: 'startsAt' });
  }
}

/** Why the lifecycle does not allow this status change (409 `meeting_transition_not_allowed`), or null. Pure. */
export function transitionRefusal(meeting: Pick<MeetingRow, 'status'>, to: MeetingStatus): AppError | null {
  if (canTransition(meeting.status, to)) return null;
  return new AppError(
    'meeting_transition_not_allowed',
    `会议当前状态为“${MEETING_STATUS_LABELS[meeting.status]}”，不能变为“${MEETING_STATUS_LABELS[to]}”`,
    { details: { from: meeting.status, to } },
  );
}

/** Refuses a status change the lifecycle does not allow (409 `meeting_transition_not_allowed`). */
export function assertTransition(meeting: Pick<MeetingRow, 'status'>, to: MeetingStatus): void {
  const refusal = transitionRefusal(meeting, to);
  if (refusal !== null) throw refusal;
}

/** Why a step that needs the meeting in one of `allowed` statuses may not happen now, or null. Pure. */
export function statusRefusal(meeting: Pick<MeetingRow, 'status'>, allowed: readonly MeetingStatus[], what: string): AppError | null {
  if (allowed.includes(meeting.status)) return null;
  return new AppError('meeting_transition_not_allowed', `会议当前状态为“${MEETING_STATUS_LABELS[meeting.status]}”，不能${what}`, {
    details: { status: meeting.status, allowed },
  });
}

/** Refuses a step that needs the meeting in one of `allowed` statuses. */
export function assertStatus(meeting: Pick<MeetingRow, 'status'>, allowed: readonly MeetingStatus[], what: string): void {
  const refusal = statusRefusal(meeting, allowed, what);
  if (refusal !== null) throw refusal;
}

/** The roles an account holds in a body on a day, with the memberships that give them. */
export interface HeldRoles {
  roles: HeldBodyRole[];
  /** The same roles as the charter gates read them (a viewer's none) */
  gateRoles: GateRole[];
}

/**
 * Roles of the account on `day`, by the one resolver of the policy (src/policy/held-roles.ts):
 * office staff by direct grant, and its person's memberships valid that day.
 */
export async function heldRolesOn(db: DbOrTx, options: { accountId: string; bodyId: string; day: string }): Promise<HeldRoles> {
  const roles = await heldBodyRoles(db, options);
  return { roles, gateRoles: gateRolesOf(roles) };
}

/** The roles the acting account holds on the meeting's day: what the meeting's charter gates read. */
export async function actorRolesOnMeetingDay(
  db: DbOrTx,
  options: { bodyId: string; meeting: Pick<MeetingRow, 'startsAt'>; origin: AuditOrigin },
): Promise<HeldRoles> {
  return heldRolesOn(db, { accountId: actorIdOf(options.origin), bodyId: options.bodyId, day: meetingDay(options.meeting) });
}

/** A membership of the body holding on the meeting day, or a refusal naming `field`. */
export async function membershipOnDay(
  db: DbOrTx,
  options: { meeting: Pick<MeetingRow, 'bodyId' | 'startsAt'>; membershipId: string; field: string },
): Promise<MembershipRow> {
  const { meeting, field } = options;
  const membership = await findMembershipById(db, options.membershipId);
  if (!membership || membership.bodyId !== meeting.bodyId) throw new AppError('membership_not_found', '成员任职记录不存在', { field });
  const day = meetingDay(meeting);
  if (membership.validFrom > day || (membership.validTo !== null && membership.validTo <= day)) {
    throw new AppError('membership_not_valid_on_date', `该任职在会议当日（${day}）不在任`, { field, details: { day } });
  }
  return membership;
}

/** The charter's own titles of its roles (组长 for the convener …), for messages. */
export function charterTitles(charter: Charter): Partial<Record<Actor, string>> {
  return titlesOfCharter(charter);
}

/** A refusal by a charter rule that is not about who acts (a pre-meeting's order): the code, status, message and clause. */
export function ruleRefusal(charter: Charter, rule: Rule, code: ErrorCode, message: string, field?: string): AppError {
  return new AppError(code, message, { clause: clauseOf(charter, rule), ...(field === undefined ? {} : { field }) });
}
