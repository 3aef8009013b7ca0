/**
 * Minutes (会议纪要): drafted by the office from the held meeting, edited while a draft, signed off
 * (审定 / 签发) only by the roles of the charter's minutes_signoff rule, issued with a number per
 * body and year (第N期) to every member unit plus the charter's report copies, immutable afterwards.
 * Issuing assigns the decided items (decision-service) in the same transaction. A correction is a
 * new issue that references the old one.
 */
import type { Database, DbOrTx, Transaction } from '../db/database.ts';
import type { MinutesRow } from '../db/schema/meetings.ts';
import type { Actor } from '../domain/charter/charter-types.ts';
import { isoDateOf } from '../domain/directory/membership-timeline.ts';
import { attendanceLists } from '../domain/meetings/meeting-findings.ts';
import type { AttendanceLists } from '../domain/meetings/meeting-findings.ts';
import { ACTOR_LABELS, allowedRole, minutesDistributionRule, minutesSignoffRule } from '../domain/meetings/meeting-rules.ts';
import type { DecidedItemDraft, MeetingKind, MeetingStatus, MinutesDistribution, MinutesStatus } from '../domain/meetings/meeting-types.ts';
import { AppError } from '../errors/app-error.ts';
import { listAgendaItems, listAttendance, listInvitees, updateMeeting } from '../repositories/meeting-repository.ts';
import { findMembershipById } from '../repositories/membership-repository.ts';
import {
  findMinutes,
  insertMinutes,
  listMinutesOfBody,
  listMinutesOfMeeting,
  lockMinutesNumbering,
  nextMinutesNumber,
  updateMinutes,
} from '../repositories/minutes-repository.ts';
import { findOffice } from '../repositories/office-repository.ts';
import { findPeopleByIds } from '../repositories/person-repository.ts';
import { findUnitsByIds, listBodyUnits } from '../repositories/unit-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { assignDecidedItems } from './decision-service.ts';
import {
  actorIdOf,
  assertTransition,
  charterTitles,
  getMeetingRow,
  heldRolesOn,
  loadBodyCharter,
  loadActiveBodyCharter,
  nowOf,
  onlyMessage,
  ruleRefusal,
} from './meeting-context.ts';
import { assertMayIssueFormalDocument, invitedUnits } from './meeting-service.ts';
import { enqueueNotification } from './notification-service.ts';
import type { NotificationRecipient } from './notification-service.ts';

export interface MinutesItem {
  id: string;
  bodyId: string;
  meetingId: string;
  status: MinutesStatus;
  title: string;
  proceedings: string;
  decidedItems: DecidedItemDraft[];
  signedOffBy: string | null;
  signedOffAs: string | null;
  signedOffAt: string | null;
  year: number | null;
  number: number | null;
  issuedOn: string | null;
  issuedAt: string | null;
  distribution: MinutesDistribution | null;
  decisionIds: string[];
  correctsMinutesId: string | null;
  /** Issues that correct this one */
  correctedBy: string[];
  /** 出席 / 请假 / 列席, from the meeting's attendance and approved observers */
  attendance: AttendanceLists;
  observers: { name: string; unitName: string | null }[];
  version: number;
  updatedAt: string;
}

async function attendanceOf(db: DbOrTx, meetingId: string): Promise<{ lists: AttendanceLists; observers: { name: string; unitName: string | null }[] }> {
  const [attendance, invitees] = await Promise.all([listAttendance(db, meetingId), listInvitees(db, meetingId)]);
  const invited = invitedUnits(invitees);
  const byUnit = new Map(attendance.map((a) => [a.unitId, a]));
  const entries = invited.flatMap((unit) => {
    const a = byUnit.get(unit.unitId);
    return a
      ? [
          {
            unitId: unit.unitId,
            unitName: unit.name,
            status: a.status,
            personName: unit.personName,
            substituteName: a.substituteName,
            substitutePosition: a.substitutePosition,
            opinion: a.opinion,
            leaveReason: a.leaveReason,
          },
        ]
      : [];
  });
  const observers = invitees
    .filter((i) => i.kind === 'observer' && (i.approvalStatus === 'approved' || i.approvalStatus === 'not_required'))
    .map((i) => ({ name: i.name ?? i.personName ?? '', unitName: i.unitName }));
  return { lists: attendanceLists(entries), observers };
}

async function toMinutesItem(db: DbOrTx, row: MinutesRow): Promise<MinutesItem> {
  const [{ lists, observers }, siblings] = await Promise.all([attendanceOf(db, row.meetingId), listMinutesOfMeeting(db, row.meetingId)]);
  return {
    id: row.id,
    bodyId: row.bodyId,
    meetingId: row.meetingId,
    status: row.status,
    title: row.title,
    proceedings: row.proceedings,
    decidedItems: row.decidedItems,
    signedOffBy: row.signedOffBy,
    signedOffAs: row.signedOffAs,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
    year: row.year,
    number: row.number,
    issuedOn: row.issuedOn,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    distribution: row.distribution,
    decisionIds: row.decisionIds,
    correctsMinutesId: row.correctsMinutesId,
    correctedBy: siblings.filter((m) => m.correctsMinutesId === row.id).map((m) => m.id),
    attendance: lists,
    observers,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Minutes of the body, or a 404 naming `minutesId`. */
async function getMinutesRow(db: DbOrTx, options: { bodyId: string; minutesId: string; forUpdate?: boolean }): Promise<MinutesRow> {
  const row = await findMinutes(db, options.minutesId, { forUpdate: options.forUpdate ?? false });
  if (!row || row.bodyId !== options.bodyId) throw new AppError('minutes_not_found', 404, '会议纪要不存在', { field: 'minutesId' });
  return row;
}

export async function getMinutes(db: DbOrTx, options: { bodyId: string; minutesId: string }): Promise<MinutesItem> {
  return toMinutesItem(db, await getMinutesRow(db, options));
}

/** A body's minutes, newest issue first. */
export async function listMinutes(db: DbOrTx, options: { bodyId: string }): Promise<MinutesItem[]> {
  await loadBodyCharter(db, options.bodyId);
  const rows = await listMinutesOfBody(db, options.bodyId);
  const items: MinutesItem[] = [];
  for (const row of rows) items.push(await toMinutesItem(db, row));
  return items;
}

/** Checks decided items' units: each a member unit of the body (at any time; issue checks the issue date). */
async function checkDecidedItems(db: DbOrTx, bodyId: string, items: readonly DecidedItemDraft[]): Promise<void> {
  const units = new Set((await listBodyUnits(db, bodyId)).map((u) => u.unitId));
  for (const [index, item] of items.entries()) {
    const field = `decidedItems.${index}`;
    if (item.text.trim() === '') throw new AppError('decision_text_required', 400, '议定事项内容不能为空', { field: `${field}.text` });
    if (!units.has(item.leadUnitId)) throw new AppError('unit_not_member', 422, '主办单位不是本机构的成员单位', { field: `${field}.leadUnitId` });
    for (const [i, unitId] of item.coUnitIds.entries()) {
      if (!units.has(unitId)) throw new AppError('unit_not_member', 422, '协办单位不是本机构的成员单位', { field: `${field}.coUnitIds.${i}` });
      if (unitId === item.leadUnitId) throw new AppError('co_unit_is_lead', 400, '协办单位不能同时是主办单位', { field: `${field}.coUnitIds.${i}` });
    }
  }
}

export interface MinutesInput {
  title?: string | undefined;
  proceedings: string;
  decidedItems: DecidedItemDraft[];
}

/** The office drafts the minutes of a held meeting (the meeting moves to minutes_drafted). */
export async function draftMinutes(db: Database, options: { bodyId: string; meetingId: string; input: MinutesInput; origin: AuditOrigin }): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertTransition(meeting, 'minutes_drafted');
    const { body } = await loadActiveBodyCharter(tx, options.bodyId);
    await checkDecidedItems(tx, options.bodyId, options.input.decidedItems);
    const row = await insertMinutes(tx, {
      meetingId: meeting.id,
      bodyId: options.bodyId,
      status: 'draft',
      title: options.input.title?.trim() || `${body.name}${meeting.kindName}纪要`,
      proceedings: options.input.proceedings,
      decidedItems: options.input.decidedItems,
      correctsMinutesId: null,
      createdBy: options.origin.actorId,
      createdAt: now,
      updatedAt: now,
    });
    const after = await updateMeeting(tx, meeting.id, { status: 'minutes_drafted', updatedAt: now });
    await recordAudit(tx, { ...options.origin, action: 'minutes.draft', entityType: 'minutes', entityId: row.id, before: null, after: row });
    await recordAudit(tx, { ...options.origin, action: 'meeting.minutes_drafted', entityType: 'meeting', entityId: meeting.id, before: meeting, after });
    return row.id;
  });
  return getMinutes(db, { bodyId: options.bodyId, minutesId: id });
}

function assertMinutesStatus(row: MinutesRow, allowed: MinutesStatus, what: string): void {
  if (row.status !== allowed) {
    const label: Record<MinutesStatus, string> = { draft: '草稿', signed_off: '已审定', issued: '已印发' };
    throw new AppError('minutes_transition_not_allowed', 409, `纪要当前状态为“${label[row.status]}”，不能${what}`, {
      details: { status: row.status },
    });
  }
}

/**
 * Edits minutes not yet issued. Editing signed-off minutes withdraws the sign-off: they go back to
 * draft (and the meeting to minutes_drafted) and need signing off again. Issued minutes never change.
 * `expectedVersion` guards against lost updates.
 */
export async function editMinutes(
  db: Database,
  options: { bodyId: string; minutesId: string; input: Partial<MinutesInput>; expectedVersion?: number | undefined; origin: AuditOrigin },
): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMinutesRow(tx, { ...options, forUpdate: true });
    if (before.status !== 'signed_off') assertMinutesStatus(before, 'draft', '修改（已印发的纪要只能更正）');
    if (options.expectedVersion !== undefined && options.expectedVersion !== before.version) {
      throw new AppError('minutes_version_conflict', 409, '纪要已被他人修改，请刷新后再改', { field: 'version' });
    }
    if (options.input.decidedItems !== undefined) await checkDecidedItems(tx, options.bodyId, options.input.decidedItems);
    const after = await updateMinutes(tx, before.id, {
      ...(options.input.title !== undefined ? { title: options.input.title.trim() } : {}),
      ...(options.input.proceedings !== undefined ? { proceedings: options.input.proceedings } : {}),
      ...(options.input.decidedItems !== undefined ? { decidedItems: options.input.decidedItems } : {}),
      ...(before.status === 'signed_off' ? { status: 'draft' as const, signedOffBy: null, signedOffPersonId: null, signedOffAs: null, signedOffAt: null } : {}),
      updatedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'minutes.edit', entityType: 'minutes', entityId: after.id, before, after });
    if (before.status === 'signed_off' && before.correctsMinutesId === null) {
      const meeting = await getMeetingRow(tx, { bodyId: options.bodyId, meetingId: before.meetingId, forUpdate: true });
      assertTransition(meeting, 'minutes_drafted');
      const meetingAfter = await updateMeeting(tx, meeting.id, { status: 'minutes_drafted', updatedAt: now });
      await recordAudit(tx, { ...options.origin, action: 'meeting.minutes_drafted', entityType: 'meeting', entityId: meeting.id, before: meeting, after: meetingAfter });
    }
  });
  return getMinutes(db, options);
}

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
    const { charter } = await loadActiveBodyCharter(tx, options.bodyId);
    const rule = minutesSignoffRule(charter);
    const allowed = rule?.roles ?? DEFAULT_SIGNERS;
    const held = await heldRolesOn(tx, { accountId: actorIdOf(options.origin), bodyId: options.bodyId, day: isoDateOf(now) });
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

/** Every member unit on the day plus the report copies and copies the charter names. */
async function computeDistribution(tx: DbOrTx, bodyId: string, day: string, rule: ReturnType<typeof minutesDistributionRule>): Promise<MinutesDistribution> {
  const units = await listBodyUnits(tx, bodyId, day);
  return {
    memberUnits: units.map((u) => ({ unitId: u.unitId, name: u.unit.name })),
    reportCopyTo: rule?.reportCopyTo ?? [],
    copyTo: rule?.copyTo ?? [],
  };
}

/**
 * Issues signed-off minutes: the next number of the body's year (第N期), the distribution (every
 * member unit on the issue date plus the charter's report copies), the decided items assigned as
 * decisions in the same transaction (not again for a correction), a notification to the units.
 * Issued minutes never change again.
 */
export async function issueMinutes(db: Database, options: { bodyId: string; minutesId: string; origin: AuditOrigin }): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx: Transaction) => {
    const before = await getMinutesRow(tx, { ...options, forUpdate: true });
    assertMinutesStatus(before, 'signed_off', '印发（须先审定）');
    const meeting = await getMeetingRow(tx, { bodyId: options.bodyId, meetingId: before.meetingId, forUpdate: true });
    if (before.correctsMinutesId === null) assertTransition(meeting, 'minutes_issued');
    const { charter } = await loadActiveBodyCharter(tx, options.bodyId);
    assertMayIssueFormalDocument(charter, 'minutes');
    const issuedOn = isoDateOf(now);
    const year = Number(issuedOn.slice(0, 4));
    await lockMinutesNumbering(tx, options.bodyId, year);
    const number = await nextMinutesNumber(tx, options.bodyId, year);
    const distribution = await computeDistribution(tx, options.bodyId, issuedOn, minutesDistributionRule(charter));
    const { decisionIds } =
      before.correctsMinutesId === null
        ? await assignDecidedItems(tx, {
            bodyId: options.bodyId,
            meetingId: meeting.id,
            minutesId: before.id,
            issuedOn,
            items: before.decidedItems,
            origin: options.origin,
          })
        : { decisionIds: [] as string[] };
    const after = await updateMinutes(tx, before.id, {
      status: 'issued',
      year,
      number,
      issuedOn,
      issuedAt: now,
      issuedBy: options.origin.actorId,
      distribution,
      decisionIds,
      updatedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'minutes.issue', entityType: 'minutes', entityId: after.id, before, after });
    if (before.correctsMinutesId === null) {
      const meetingAfter = await updateMeeting(tx, meeting.id, { status: 'minutes_issued', updatedAt: now });
      await recordAudit(tx, { ...options.origin, action: 'meeting.minutes_issued', entityType: 'meeting', entityId: meeting.id, before: meeting, after: meetingAfter });
    }
    const recipients: NotificationRecipient[] = [
      { kind: 'office' },
      ...distribution.memberUnits.map((u): NotificationRecipient => ({ kind: 'unit', unitId: u.unitId, roles: ['member', 'liaison'] })),
    ];
    await enqueueNotification(tx, {
      bodyId: options.bodyId,
      event: 'minutes.issued',
      title: `会议纪要 ${year}年第${number}期：${after.title}`,
      message: `${after.title}（${year}年第${number}期）已印发${before.correctsMinutesId === null ? '' : '（更正）'}。`,
      link: `/bodies/${options.bodyId}/minutes/${after.id}`,
      recipients,
      data: { minutesId: after.id, meetingId: meeting.id, year, number, decisionIds },
      at: now,
    });
  });
  return getMinutes(db, options);
}

/**
 * Starts a correction of issued minutes: a new draft that references them, with their content to
 * edit; it is signed off and issued like any minutes and gets its own number. The decided items of
 * the original stay assigned (a correction does not assign them again).
 */
export async function issueCorrection(
  db: Database,
  options: { bodyId: string; minutesId: string; input: Partial<MinutesInput>; origin: AuditOrigin },
): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const original = await getMinutesRow(tx, { ...options, forUpdate: true });
    assertMinutesStatus(original, 'issued', '更正（只能更正已印发的纪要）');
    const open = (await listMinutesOfMeeting(tx, original.meetingId)).find((m) => m.correctsMinutesId === original.id && m.status !== 'issued');
    if (open) throw new AppError('correction_in_progress', 409, '该纪要已有一份未印发的更正', { details: { minutesId: open.id } });
    const row = await insertMinutes(tx, {
      meetingId: original.meetingId,
      bodyId: options.bodyId,
      status: 'draft',
      title: options.input.title?.trim() || original.title,
      proceedings: options.input.proceedings ?? original.proceedings,
      decidedItems: original.decidedItems,
      correctsMinutesId: original.id,
      createdBy: options.origin.actorId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'minutes.correction', entityType: 'minutes', entityId: row.id, before: null, after: row });
    return row.id;
  });
  return getMinutes(db, { bodyId: options.bodyId, minutesId: id });
}

// ---------------------------------------------------------------------------------------------
// Rendering (H4's documents)

/** Everything a minutes document (DOCX, GB/T 9704) needs, resolved to names. */
export interface MinutesForRendering {
  body: { id: string; name: string; regionName: string | null; noFormalDocuments: boolean; officeHostUnitName: string | null };
  meeting: {
    id: string;
    kind: MeetingKind;
    kindName: string;
    title: string;
    startsAt: string;
    endsAt: string | null;
    location: string | null;
    status: MeetingStatus;
    presider: { personName: string | null; title: string; position: string | null } | null;
    agenda: { position: number; title: string }[];
  };
  minutes: MinutesItem;
  /** Decided items with unit names */
  decidedItems: { text: string; leadUnitName: string; coUnitNames: string[]; deadline: DecidedItemDraft['deadline'] }[];
  /** Who signed off, with the charter's title of their role (组长 …) */
  signedOff: { personName: string | null; role: string | null; title: string | null; at: string | null } | null;
  /** The issue this one corrects */
  corrects: { id: string; year: number | null; number: number | null } | null;
  /** For drafts not yet issued: the distribution it would have if issued today */
  distribution: MinutesDistribution;
}

/** Loads minutes with their meeting, attendance lists, observers, decided items and distribution for rendering. */
export async function getMinutesForRendering(db: DbOrTx, options: { bodyId: string; minutesId: string; today?: string }): Promise<MinutesForRendering> {
  const row = await getMinutesRow(db, options);
  const minutesItem = await toMinutesItem(db, row);
  const meeting = await getMeetingRow(db, { bodyId: options.bodyId, meetingId: row.meetingId });
  const { body, charter } = await loadBodyCharter(db, options.bodyId);
  const office = await findOffice(db, options.bodyId);
  const presiderMembership = meeting.presiderMembershipId === null ? null : await findMembershipById(db, meeting.presiderMembershipId);
  const personIds = [meeting.presiderPersonId, row.signedOffPersonId].filter((id): id is string => id !== null);
  const people = new Map((await findPeopleByIds(db, personIds)).map((p) => [p.id, p.name]));
  const unitIds = [...new Set(row.decidedItems.flatMap((i) => [i.leadUnitId, ...i.coUnitIds]))];
  const units = new Map((await findUnitsByIds(db, unitIds)).map((u) => [u.id, u.name]));
  const agenda = (await listAgendaItems(db, meeting.id)).filter((i) => i.status === 'approved');
  const corrected = row.correctsMinutesId === null ? null : await findMinutes(db, row.correctsMinutesId);
  return {
    body: {
      id: body.id,
      name: body.name,
      regionName: body.regionName,
      noFormalDocuments: body.flags.noFormalDocuments,
      officeHostUnitName: office?.hostUnitDirectoryName ?? office?.hostUnitName ?? null,
    },
    meeting: {
      id: meeting.id,
      kind: meeting.kind,
      kindName: meeting.kindName,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      location: meeting.location,
      status: meeting.status,
      presider: presiderMembership
        ? {
            personName: meeting.presiderPersonId === null ? null : (people.get(meeting.presiderPersonId) ?? null),
            title: presiderMembership.title,
            position: presiderMembership.position,
          }
        : null,
      agenda: agenda.map((i) => ({ position: i.position, title: i.title })),
    },
    minutes: minutesItem,
    decidedItems: row.decidedItems.map((i) => ({
      text: i.text,
      leadUnitName: units.get(i.leadUnitId) ?? '',
      coUnitNames: i.coUnitIds.map((id) => units.get(id) ?? ''),
      deadline: i.deadline,
    })),
    signedOff:
      row.signedOffAt === null
        ? null
        : {
            personName: row.signedOffPersonId === null ? null : (people.get(row.signedOffPersonId) ?? null),
            role: row.signedOffAs,
            title: row.signedOffAs === null ? null : (charterTitles(charter)[row.signedOffAs as Actor] ?? ACTOR_LABELS[row.signedOffAs as Actor] ?? null),
            at: row.signedOffAt.toISOString(),
          },
    corrects: corrected ? { id: corrected.id, year: corrected.year, number: corrected.number } : null,
    distribution:
      row.distribution ?? (await computeDistribution(db, options.bodyId, options.today ?? isoDateOf(new Date()), minutesDistributionRule(charter))),
  };
}
