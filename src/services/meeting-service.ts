/**
 * Meetings run by the body's own charter: create, schedule (invitees = the members valid on the
 * meeting day; notice to them through the outbox), the convener's delegation, the presider the
 * charter allows, observers (列席) approved where the charter says so, held, cancelled, postponed.
 * Every step is one transaction with its audit row; every refusal an AppError with the clause.
 */
import type { Database, DbOrTx } from '../db/database.ts';
import type { MeetingRow } from '../db/schema/meetings.ts';
import type { Actor, Charter } from '../domain/charter/charter-types.ts';
import {
  agendaApprovalRule,
  allowedRole,
  charterKindName,
  clauseOf,
  mandatoryAttendanceRule,
  observerApprovalRule,
  preMeetingRule,
  presiderRule,
} from '../domain/meetings/meeting-rules.ts';
import type { HeldRole, RuleClause } from '../domain/meetings/meeting-rules.ts';
import { meetingFindings } from '../domain/meetings/meeting-findings.ts';
import type { MeetingFinding } from '../domain/meetings/meeting-findings.ts';
import type {
  AgendaItemStatus,
  AttendanceStatus,
  InviteeApproval,
  InviteeKind,
  MeetingKind,
  MeetingStatus,
  MinutesStatus,
} from '../domain/meetings/meeting-types.ts';
import type { RoleKind } from '../domain/charter/charter-types.ts';
import { AppError } from '../errors/app-error.ts';
import { findGroupById } from '../repositories/group-repository.ts';
import {
  deleteMemberInvitees,
  findInvitee,
  insertDelegation,
  insertInvitee,
  insertMeeting,
  listAccountIdsOfPeople,
  listAgendaItems,
  listAttendance,
  listDelegations,
  listInvitees,
  listMaterials,
  listMeetingsOfBody,
  updateInvitee,
  updateMeeting,
} from '../repositories/meeting-repository.ts';
import type { InviteeView, ListMeetingsFilter } from '../repositories/meeting-repository.ts';
import { findMembershipById, listMembershipsOfBody } from '../repositories/membership-repository.ts';
import type { MembershipRow } from '../repositories/membership-repository.ts';
import { listMinutesOfMeeting } from '../repositories/minutes-repository.ts';
import { listBodyUnits } from '../repositories/unit-repository.ts';
import { findPersonById } from '../repositories/person-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import {
  actorIdOf,
  assertStatus,
  assertTransition,
  getMeetingRow,
  heldRolesOn,
  loadBodyCharter,
  loadActiveBodyCharter,
  meetingDay,
  nowOf,
  onlyMessage,
  ruleRefusal,
} from './meeting-context.ts';
import { enqueueNotification } from './notification-service.ts';
import type { NotificationRecipient } from './notification-service.ts';

// ---------------------------------------------------------------------------------------------
// Views

export interface MeetingSummary {
  id: string;
  bodyId: string;
  kind: MeetingKind;
  kindName: string;
  groupId: string | null;
  title: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  status: MeetingStatus;
  statusReason: string | null;
  preMeetingOf: string | null;
  icsSequence: number;
  version: number;
  updatedAt: string;
}

export interface AgendaItemView {
  id: string;
  position: number;
  title: string;
  description: string | null;
  proposedByUnitId: string | null;
  proposedByUnitName: string | null;
  proposedBy: string | null;
  proposedAt: string;
  status: AgendaItemStatus;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAs: string | null;
  decidedAt: string | null;
  materials: MaterialView[];
}

export interface MaterialView {
  id: string;
  agendaItemId: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  circulatedAt: string | null;
}

export interface InviteeItem {
  id: string;
  kind: InviteeKind;
  roleKind: RoleKind | null;
  title: string | null;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  personName: string | null;
  membershipId: string | null;
  name: string | null;
  approvalStatus: InviteeApproval;
  approvalReason: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface AttendanceItem {
  unitId: string;
  unitName: string;
  status: AttendanceStatus;
  substituteName: string | null;
  substitutePosition: string | null;
  opinion: string | null;
  leaveReason: string | null;
  recordedAt: string;
}

export interface MeetingDetail extends MeetingSummary {
  presider: { membershipId: string; personId: string | null; personName: string | null; roleKind: RoleKind; title: string } | null;
  delegations: { id: string; fromMembershipId: string; toMembershipId: string; recordedBy: string | null; recordedAt: string }[];
  agenda: AgendaItemView[];
  invitees: InviteeItem[];
  attendance: AttendanceItem[];
  minutes: { id: string; status: MinutesStatus; year: number | null; number: number | null; correctsMinutesId: string | null }[];
  findings: MeetingFinding[];
  noticeSentAt: string | null;
  heldAt: string | null;
}

export function toMeetingSummary(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    bodyId: row.bodyId,
    kind: row.kind,
    kindName: row.kindName,
    groupId: row.groupId,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    location: row.location,
    status: row.status,
    statusReason: row.statusReason,
    preMeetingOf: row.preMeetingOf,
    icsSequence: row.icsSequence,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toInviteeItem(row: InviteeView): InviteeItem {
  return {
    id: row.id,
    kind: row.kind,
    roleKind: row.roleKind,
    title: row.title,
    unitId: row.unitId,
    unitName: row.unitName,
    personId: row.personId,
    personName: row.personName,
    membershipId: row.membershipId,
    name: row.name,
    approvalStatus: row.approvalStatus,
    approvalReason: row.approvalReason,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

/** Member units invited to the meeting (one entry per unit, in invitation order). */
export function invitedUnits(invitees: readonly InviteeView[]): { unitId: string; name: string; personName: string | null }[] {
  const seen = new Map<string, { unitId: string; name: string; personName: string | null }>();
  for (const invitee of invitees) {
    if (invitee.kind !== 'member' || invitee.unitId === null || invitee.roleKind === 'convener' || invitee.roleKind === 'deputy_convener') continue;
    if (!seen.has(invitee.unitId)) seen.set(invitee.unitId, { unitId: invitee.unitId, name: invitee.unitName ?? '', personName: invitee.personName });
  }
  return [...seen.values()];
}

/** Everything about one meeting, with the findings its record shows against the charter. */
export async function getMeeting(db: DbOrTx, options: { bodyId: string; meetingId: string }): Promise<MeetingDetail> {
  const meeting = await getMeetingRow(db, options);
  const { charter } = await loadBodyCharter(db, options.bodyId);
  const [agenda, materials, invitees, attendance, delegations, minutesRows] = await Promise.all([
    listAgendaItems(db, meeting.id),
    listMaterials(db, meeting.id),
    listInvitees(db, meeting.id),
    listAttendance(db, meeting.id),
    listDelegations(db, meeting.id),
    listMinutesOfMeeting(db, meeting.id),
  ]);
  let presider: MeetingDetail['presider'] = null;
  if (meeting.presiderMembershipId !== null) {
    const membership = await findMembershipById(db, meeting.presiderMembershipId);
    const person = meeting.presiderPersonId === null ? null : await findPersonById(db, meeting.presiderPersonId);
    if (membership) {
      presider = { membershipId: membership.id, personId: membership.personId, personName: person?.name ?? null, roleKind: membership.roleKind, title: membership.title };
    }
  }
  const materialViews = materials.map(
    (m): MaterialView => ({
      id: m.id,
      agendaItemId: m.agendaItemId,
      name: m.name,
      contentType: m.contentType,
      sizeBytes: m.sizeBytes,
      sha256: m.sha256,
      uploadedAt: m.uploadedAt.toISOString(),
      circulatedAt: m.circulatedAt?.toISOString() ?? null,
    }),
  );
  const mandatory = mandatoryAttendanceRule(charter, meeting.kind);
  const advance = agendaApprovalRule(charter, meeting.kind);
  const findings = meetingFindings({
    status: meeting.status,
    startsAt: meeting.startsAt,
    units: invitedUnits(invitees),
    attendance,
    materials,
    mandatory: mandatory ? clauseOf(charter, mandatory) : null,
    circulateInAdvance: advance?.circulateInAdvance === true ? clauseOf(charter, advance) : null,
  });
  return {
    ...toMeetingSummary(meeting),
    presider,
    delegations: delegations.map((d) => ({
      id: d.id,
      fromMembershipId: d.fromMembershipId,
      toMembershipId: d.toMembershipId,
      recordedBy: d.recordedBy,
      recordedAt: d.recordedAt.toISOString(),
    })),
    agenda: agenda.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      description: item.description,
      proposedByUnitId: item.proposedByUnitId,
      proposedByUnitName: item.unitName,
      proposedBy: item.proposedBy,
      proposedAt: item.proposedAt.toISOString(),
      status: item.status,
      decisionReason: item.decisionReason,
      decidedBy: item.decidedBy,
      decidedAs: item.decidedAs,
      decidedAt: item.decidedAt?.toISOString() ?? null,
      materials: materialViews.filter((m) => m.agendaItemId === item.id),
    })),
    invitees: invitees.map(toInviteeItem),
    attendance: attendance.map((a) => ({
      unitId: a.unitId,
      unitName: a.unitName,
      status: a.status,
      substituteName: a.substituteName,
      substitutePosition: a.substitutePosition,
      opinion: a.opinion,
      leaveReason: a.leaveReason,
      recordedAt: a.recordedAt.toISOString(),
    })),
    minutes: minutesRows.map((m) => ({ id: m.id, status: m.status, year: m.year, number: m.number, correctsMinutesId: m.correctsMinutesId })),
    findings,
    noticeSentAt: meeting.noticeSentAt?.toISOString() ?? null,
    heldAt: meeting.heldAt?.toISOString() ?? null,
  };
}

/** A body's meetings, newest first. */
export async function listMeetings(db: DbOrTx, options: { bodyId: string; filter?: ListMeetingsFilter }): Promise<MeetingSummary[]> {
  await loadBodyCharter(db, options.bodyId);
  return (await listMeetingsOfBody(db, options.bodyId, options.filter ?? {})).map(toMeetingSummary);
}

// ---------------------------------------------------------------------------------------------
// Create, schedule, cancel, postpone, held

export interface CreateMeetingInput {
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt?: Date | null;
  location?: string | null;
  /** The group of a group meeting (专题组 / 协调类别) */
  groupId?: string | null;
  /** The plenary this liaison meeting prepares (the charter's pre_meeting rule) */
  preMeetingOf?: string | null;
  /** Overrides the charter's own name for the kind */
  kindName?: string | null;
}

function checkTimes(startsAt: Date, endsAt: Date | null | undefined, now: Date): void {
  if (endsAt !== undefined && endsAt !== null && endsAt.getTime() <= startsAt.getTime()) {
    throw new AppError('meeting_ends_before_start', 400, '会议结束时间应晚于开始时间', { field: 'endsAt' });
  }
  if (startsAt.getTime() <= now.getTime()) {
    throw new AppError('meeting_in_past', 422, '会议开始时间应晚于现在', { field: 'startsAt' });
  }
}

/** Creates a meeting in draft; the office then collects the agenda and schedules it. */
export async function createMeeting(db: Database, options: { bodyId: string; input: CreateMeetingInput; origin: AuditOrigin }): Promise<MeetingDetail> {
  const { input } = options;
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const { body, charter } = await loadActiveBodyCharter(tx, options.bodyId);
    if (body.status !== 'active') throw new AppError('body_dissolved', 409, '该机构已撤销，不能再召开会议');
    checkTimes(input.startsAt, input.endsAt, now);
    const groupId = input.groupId ?? null;
    if (input.kind === 'group') {
      if (groupId === null) throw new AppError('group_required', 400, '工作组会议须指明工作组', { field: 'groupId' });
      const group = await findGroupById(tx, groupId);
      if (!group || group.bodyId !== options.bodyId) throw new AppError('group_not_found', 404, '工作组不存在', { field: 'groupId' });
    } else if (groupId !== null) {
      throw new AppError('group_not_expected', 400, '只有工作组会议才指明工作组', { field: 'groupId' });
    }
    const preMeetingOf = input.preMeetingOf ?? null;
    if (preMeetingOf !== null) {
      const rule = preMeetingRule(charter, input.kind);
      if (rule === null) {
        throw new AppError('pre_meeting_not_provided', 422, '本机构制度未规定在会议之前召开此类会议', { field: 'preMeetingOf' });
      }
      const target = await getMeetingRow(tx, { bodyId: options.bodyId, meetingId: preMeetingOf }).catch(() => {
        throw new AppError('meeting_not_found', 404, '所准备的会议不存在', { field: 'preMeetingOf' });
      });
      if (rule.before !== 'any' && target.kind !== rule.before) {
        throw ruleRefusal(charter, rule, 'pre_meeting_kind_mismatch', 422, `制度规定此类会议在${charterKindName(charter, rule.before)}之前召开`, 'preMeetingOf');
      }
      if (target.startsAt.getTime() <= input.startsAt.getTime()) {
        throw ruleRefusal(charter, rule, 'pre_meeting_after_meeting', 422, '会前会议应在所准备的会议之前召开', 'startsAt');
      }
    }
    const row = await insertMeeting(tx, {
      bodyId: options.bodyId,
      kind: input.kind,
      kindName: input.kindName?.trim() || charterKindName(charter, input.kind),
      groupId,
      title: input.title.trim(),
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? null,
      location: input.location ?? null,
      status: 'draft',
      statusReason: null,
      presiderMembershipId: null,
      presiderPersonId: null,
      preMeetingOf,
      icsSequence: 0,
      noticeSentAt: null,
      heldAt: null,
      createdBy: options.origin.actorId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await recordAudit(tx, { ...options.origin, action: 'meeting.create', entityType: 'meeting', entityId: row.id, before: null, after: row });
    return row.id;
  });
  return getMeeting(db, { bodyId: options.bodyId, meetingId: id });
}

/**
 * Who is invited on the meeting day: for a liaison meeting each member unit's liaison; for a group
 * meeting the group's units' members; otherwise the convener, the deputy conveners and each member
 * unit's member. A unit without anyone named is invited as a unit.
 */
async function computeMemberInvitees(tx: DbOrTx, meeting: MeetingRow, now: Date): Promise<void> {
  const day = meetingDay(meeting);
  const holding = await listMembershipsOfBody(tx, meeting.bodyId, { at: day });
  let unitIds = (await listBodyUnits(tx, meeting.bodyId, day)).map((u) => u.unitId);
  if (meeting.kind === 'group' && meeting.groupId !== null) {
    const group = await findGroupById(tx, meeting.groupId);
    const inGroup = new Set(group?.units.map((u) => u.unitId) ?? []);
    unitIds = unitIds.filter((id) => inGroup.has(id));
  }
  const rows: { membership: MembershipRow | null; unitId: string | null }[] = [];
  if (meeting.kind !== 'liaison' && meeting.kind !== 'group') {
    for (const m of holding) if (m.roleKind === 'convener' || m.roleKind === 'deputy_convener') rows.push({ membership: m, unitId: m.unitId });
  }
  const unitRole: RoleKind = meeting.kind === 'liaison' ? 'liaison' : 'member';
  for (const unitId of unitIds) {
    const named = holding.filter((m) => m.roleKind === unitRole && m.unitId === unitId);
    if (named.length === 0) rows.push({ membership: null, unitId });
    for (const m of named) rows.push({ membership: m, unitId });
  }
  await deleteMemberInvitees(tx, meeting.id);
  for (const [position, row] of rows.entries()) {
    await insertInvitee(tx, {
      meetingId: meeting.id,
      kind: 'member',
      roleKind: row.membership?.roleKind ?? unitRole,
      title: row.membership?.title ?? null,
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

/** The recipients of a meeting's notices: the invited units (member and liaison), named people, the office. */
async function meetingRecipients(tx: DbOrTx, meetingId: string): Promise<NotificationRecipient[]> {
  const invitees = await listInvitees(tx, meetingId);
  const recipients: NotificationRecipient[] = [{ kind: 'office' }];
  for (const unit of invitedUnits(invitees)) recipients.push({ kind: 'unit', unitId: unit.unitId, roles: ['member', 'liaison'] });
  const people = invitees
    .filter((i) => i.personId !== null && (i.kind === 'member' || i.approvalStatus === 'approved' || i.approvalStatus === 'not_required'))
    .map((i) => i.personId as string);
  for (const accountId of await listAccountIdsOfPeople(tx, [...new Set(people)])) recipients.push({ kind: 'account', accountId });
  return recipients;
}

function formatInstant(instant: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

async function notifyMeeting(tx: DbOrTx, meeting: MeetingRow, event: string, title: string, message: string, at: Date): Promise<void> {
  await enqueueNotification(tx, {
    bodyId: meeting.bodyId,
    event,
    title,
    message,
    link: `/bodies/${meeting.bodyId}/meetings/${meeting.id}`,
    recipients: await meetingRecipients(tx, meeting.id),
    data: { meetingId: meeting.id, startsAt: meeting.startsAt.toISOString(), status: meeting.status, icsSequence: meeting.icsSequence },
    at,
  });
}

/**
 * Schedules a draft (or postponed) meeting: optionally at a new time, computes the invitees from the
 * memberships valid on the meeting day and sends the notice (outbox, same transaction). A notice
 * sent again raises the calendar invitation's sequence.
 */
export async function scheduleMeeting(
  db: Database,
  options: { bodyId: string; meetingId: string; startsAt?: Date; endsAt?: Date | null; location?: string | null; origin: AuditOrigin },
): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertTransition(before, 'scheduled');
    const startsAt = options.startsAt ?? before.startsAt;
    const endsAt = options.endsAt !== undefined ? options.endsAt : options.startsAt !== undefined ? null : before.endsAt;
    checkTimes(startsAt, endsAt, now);
    let after = await updateMeeting(tx, before.id, {
      status: 'scheduled',
      statusReason: null,
      startsAt,
      endsAt,
      ...(options.location !== undefined ? { location: options.location } : {}),
      noticeSentAt: now,
      icsSequence: before.noticeSentAt === null ? before.icsSequence : before.icsSequence + 1,
      updatedAt: now,
    });
    await computeMemberInvitees(tx, after, now);
    after = await updateMeeting(tx, after.id, { updatedAt: now });
    await notifyMeeting(
      tx,
      after,
      'meeting.scheduled',
      `会议通知：${after.title}`,
      `定于${formatInstant(after.startsAt)}${after.location ? `在${after.location}` : ''}召开${after.kindName}：${after.title}。`,
      now,
    );
    await recordAudit(tx, { ...options.origin, action: 'meeting.schedule', entityType: 'meeting', entityId: after.id, before, after });
  });
  return getMeeting(db, options);
}

async function endMeeting(
  db: Database,
  options: { bodyId: string; meetingId: string; reason: string; origin: AuditOrigin },
  to: 'cancelled' | 'postponed',
): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  const reason = options.reason.trim();
  if (reason === '') throw new AppError('reason_required', 400, '请填写原因', { field: 'reason' });
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
      await notifyMeeting(tx, after, `meeting.${to}`, `会议${verb}：${after.title}`, `原定${formatInstant(after.startsAt)}召开的${after.kindName}${verb}。原因：${reason}`, now);
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

/** Records that the meeting took place: only once it has started, and only with a presider set. */
export async function markHeld(db: Database, options: { bodyId: string; meetingId: string; origin: AuditOrigin }): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertTransition(before, 'held');
    if (now.getTime() < before.startsAt.getTime()) throw new AppError('meeting_not_started', 409, '会议尚未开始，不能登记为已召开');
    if (before.presiderMembershipId === null) throw new AppError('presider_required', 409, '请先确定会议主持人', { field: 'presiderMembershipId' });
    const after = await updateMeeting(tx, before.id, { status: 'held', heldAt: now, updatedAt: now });
    await recordAudit(tx, { ...options.origin, action: 'meeting.held', entityType: 'meeting', entityId: after.id, before, after });
  });
  return getMeeting(db, options);
}

// ---------------------------------------------------------------------------------------------
// Delegation and presider

/** A membership of the body holding on the meeting day, or a refusal naming `field`. */
async function membershipOnDay(tx: DbOrTx, meeting: MeetingRow, membershipId: string, field: string): Promise<MembershipRow> {
  const membership = await findMembershipById(tx, membershipId);
  if (!membership || membership.bodyId !== meeting.bodyId) throw new AppError('membership_not_found', 404, '成员任职记录不存在', { field });
  const day = meetingDay(meeting);
  if (membership.validFrom > day || (membership.validTo !== null && membership.validTo <= day)) {
    throw new AppError('membership_not_valid_on_date', 422, `该任职在会议当日（${day}）不在任`, { field, details: { day } });
  }
  return membership;
}

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
    assertStatus(meeting, ['draft', 'scheduled', 'postponed'], '再委托主持');
    const held = await heldRolesOn(tx, { accountId: actorIdOf(options.origin), bodyId: options.bodyId, day: meetingDay(meeting) });
    const convener = held.roles.find((r) => r.role === 'convener' && r.membership !== null);
    if (!convener?.membership) {
      throw new AppError('delegation_by_convener_only', 403, '只有会议当日在任的召集人本人可以委托副召集人主持会议');
    }
    const to = await membershipOnDay(tx, meeting, options.toMembershipId, 'toMembershipId');
    if (to.roleKind !== 'deputy_convener') {
      throw new AppError('delegation_to_deputy_only', 422, '只能委托副召集人主持会议', { field: 'toMembershipId' });
    }
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
    assertStatus(before, ['draft', 'scheduled', 'postponed'], '更改主持人');
    const { charter } = await loadActiveBodyCharter(tx, options.bodyId);
    const membership = await membershipOnDay(tx, before, options.membershipId, 'membershipId');
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

// ---------------------------------------------------------------------------------------------
// Observers (列席)

/** The office proposes an observer; where the charter says who decides observers, it waits for them. */
export async function proposeObserver(
  db: Database,
  options: { bodyId: string; meetingId: string; input: { name: string; unitId?: string | null }; origin: AuditOrigin },
): Promise<InviteeItem> {
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(meeting, ['draft', 'scheduled', 'postponed'], '再增加列席人员');
    const { charter } = await loadActiveBodyCharter(tx, options.bodyId);
    const name = options.input.name.trim();
    if (name === '') throw new AppError('name_required', 400, '请填写列席人员', { field: 'name' });
    const needsApproval = observerApprovalRule(charter, meeting.kind) !== null;
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
 * Approves or rejects a proposed observer: only the role the charter's attendance rule names
 * (a deputy only with a delegation where it requires one). A rejection needs a reason.
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
      throw new AppError('invitee_not_found', 404, '列席人员不存在', { field: 'inviteeId' });
    }
    if (before.approvalStatus !== 'proposed') throw new AppError('observer_already_decided', 409, '该列席人员已经确定，无需再审核');
    const reason = options.reason?.trim() ?? '';
    if (!options.approve && reason === '') throw new AppError('reason_required', 400, '不同意列席须说明理由', { field: 'reason' });
    const { charter } = await loadActiveBodyCharter(tx, options.bodyId);
    const rule = observerApprovalRule(charter, meeting.kind);
    const approval = rule?.participantApproval;
    const held = await heldRolesOn(tx, { accountId: actorIdOf(options.origin), bodyId: options.bodyId, day: meetingDay(meeting) });
    const allowed: Actor[] = approval?.approvedBy ?? ['office'];
    const role = allowedRole(allowed, held.roles.map((r) => r.role));
    if (role === null || rule === null || approval === undefined) {
      const message = onlyMessage(charter, allowed, '确定列席人员');
      if (rule) throw ruleRefusal(charter, rule, 'observer_approval_not_allowed', 403, message);
      throw new AppError('observer_approval_not_allowed', 403, message);
    }
    if (role === 'deputy_convener' && approval.deputyNeedsDelegation) {
      const mine = held.roles.filter((r) => r.role === 'deputy_convener').map((r) => r.membership?.id);
      const delegations = await listDelegations(tx, meeting.id);
      if (!delegations.some((d) => mine.includes(d.toMembershipId))) {
        throw ruleRefusal(charter, rule, 'delegation_required', 403, '根据本机构制度，副召集人须经召集人委托方可确定列席人员');
      }
    }
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

/** The meeting's invitees (members and observers). */
export async function listMeetingInvitees(db: DbOrTx, options: { bodyId: string; meetingId: string }): Promise<InviteeItem[]> {
  await getMeetingRow(db, options);
  return (await listInvitees(db, options.meetingId)).map(toInviteeItem);
}

// ---------------------------------------------------------------------------------------------
// Formal documents (不正式行文)

/** Document kinds a body may issue in its own name. */
export type FormalDocumentKind = 'minutes' | 'notice' | 'circular' | 'bulletin' | 'letter';

const DOCUMENT_LABELS: Record<FormalDocumentKind, string> = {
  minutes: '会议纪要',
  notice: '会议通知',
  circular: '通报',
  bulletin: '简报',
  letter: '函件',
};

/**
 * Refuses an outgoing official document in the body's own name when the charter says the body does
 * not issue formal documents (不正式行文); minutes are always allowed. H4 calls this before
 * rendering notices and circulars.
 */
export function assertMayIssueFormalDocument(charter: Pick<Charter, 'flags' | 'normalizedText' | 'foundingDocument'>, documentKind: FormalDocumentKind): void {
  if (documentKind === 'minutes' || !charter.flags.noFormalDocuments) return;
  const span = charter.flags.sources.noFormalDocuments;
  const clause: RuleClause = {
    document: charter.foundingDocument.title,
    clause: null,
    text: span === null ? '不正式行文' : charter.normalizedText.slice(span.start, span.end),
  };
  throw new AppError(
    'formal_document_not_allowed',
    422,
    `本机构不正式行文，不能以本机构名义印发${DOCUMENT_LABELS[documentKind]}（会议纪要除外）`,
    { clause, details: { documentKind } },
  );
}

export interface MeetingNotice {
  bodyId: string;
  bodyName: string;
  meetingId: string;
  title: string;
  kindName: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  agenda: { position: number; title: string }[];
  invitees: InviteeItem[];
  issuedAt: string;
}

/**
 * Issues the meeting notice as an official document in the body's name (refused for a body that does
 * not issue formal documents, with the clause). Returns the notice's content, audited.
 */
export async function issueMeetingNotice(db: Database, options: { bodyId: string; meetingId: string; origin: AuditOrigin }): Promise<MeetingNotice> {
  const now = nowOf(options.origin);
  return db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, options);
    const { body, charter } = await loadActiveBodyCharter(tx, options.bodyId);
    assertMayIssueFormalDocument(charter, 'notice');
    assertStatus(meeting, ['scheduled'], '印发会议通知');
    const agenda = (await listAgendaItems(tx, meeting.id)).filter((i) => i.status === 'approved');
    const notice: MeetingNotice = {
      bodyId: body.id,
      bodyName: body.name,
      meetingId: meeting.id,
      title: meeting.title,
      kindName: meeting.kindName,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      location: meeting.location,
      agenda: agenda.map((i) => ({ position: i.position, title: i.title })),
      invitees: (await listInvitees(tx, meeting.id)).map(toInviteeItem),
      issuedAt: now.toISOString(),
    };
    await recordAudit(tx, { ...options.origin, action: 'meeting.issue_notice', entityType: 'meeting', entityId: meeting.id, before: null, after: notice });
    return notice;
  });
}
