/**
 * What a meeting looks like to its readers: the summary and detail views (agenda with materials,
 * invitees, attendance, minutes, the findings its record shows against the charter), their mappers,
 * and the two reads `getMeeting` and `listMeetings`.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { MeetingRow } from '../../db/schema/meetings.ts';
import type { RoleKind } from '../../domain/charter/charter-types.ts';
import { meetingFindings } from '../../domain/meetings/meeting-findings.ts';
import type { MeetingFinding } from '../../domain/meetings/meeting-findings.ts';
import { agendaApprovalRule, clauseOf, mandatoryAttendanceRule } from '../../domain/meetings/meeting-rules.ts';
import type {
  AgendaItemStatus,
  AttendanceStatus,
  InviteeApproval,
  InviteeKind,
  MeetingKind,
  MeetingStatus,
  MinutesStatus,
} from '../../domain/meetings/meeting-types.ts';
import {
  listAgendaItems,
  listAttendance,
  listDelegations,
  listInvitees,
  listMaterials,
  listMeetingsOfBody,
} from '../../repositories/meeting-repository.ts';
import type { InviteeView, ListMeetingsFilter } from '../../repositories/meeting-repository.ts';
import { findMembershipById } from '../../repositories/membership-repository.ts';
import { listMinutesOfMeeting } from '../../repositories/minutes-repository.ts';
import { findPersonById } from '../../repositories/person-repository.ts';
import { loadBodyCharter } from '../body-service.ts';
import { getMeetingRow } from './meeting-context.ts';

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

/** The summary view of a stored meeting. */
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

/** The view of one invitee (member or observer). */
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
  const { charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
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
  await loadBodyCharter(db, { bodyId: options.bodyId });
  return (await listMeetingsOfBody(db, options.bodyId, options.filter ?? {})).map(toMeetingSummary);
}
